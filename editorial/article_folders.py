"""`invoke move-articles`: every article into its reporting office's folder, public addresses unchanged.

Articles live at content/articles/OFFICE/YEAR/ (sitelib.article_files), so each
office's folder is one collection of the web editor. This moves the articles that
are elsewhere (the layout before, content/articles/YEAR/, or the wrong year's folder)
to where content_checks.placement says they belong, keeping each file's name and
bytes, except that:
- Reporting_office is written as the office's code (an alias or name before);
- `{filename}`, `{static}` and `{attach}` links that would break are rewritten from
  the content folder's root ("{filename}/articles/kab-wonosobo/2021/x.md"): relative
  links in a moved file, and links to a moved file in any article or page.
Public addresses come from Date and Slug, never from the file's place, so no address
changes. Nothing is guessed: a file whose office or date cannot be read, whose place
is taken, or whose Reporting_office line cannot be rewritten exactly, stays where it
is and is reported with the fix. Nothing is written outside the content folder.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from content_checks.placement import article_home
from content_checks.source import parse_source
from office_tags.site_registry import registry_for
from sitelib.content_files import ARTICLE, scan_content
from sitelib.links import linked_file

# A placeholder link as the body or a header value writes it: up to a space, quote, bracket or angle.
LINK = re.compile(r"(?P<placeholder>\{(?:filename|static|attach)\})(?P<target>[^\s\"'()<>\[\]]+)")
REPORTING_LINE = re.compile(r"^(?P<key>Reporting_office[ \t]*:)(?P<value>[^\r\n]*)", re.IGNORECASE | re.MULTILINE)
HEADER_END = re.compile(r"\r?\n[ \t]*\r?\n")  # the header's first blank line


@dataclass(frozen=True)
class Refusal:
    """A file left where it is: why, and how to fix it (Indonesian)."""

    path: Path
    reason: str
    hint: str


@dataclass
class Plan:
    """Every file to move (old -> new place), every file whose text changes (new text), what stays and why."""

    moves: dict[Path, Path] = field(default_factory=dict)
    texts: dict[Path, str] = field(default_factory=dict)  # by the file's old path
    offices_written: list[Path] = field(default_factory=list)
    links_rewritten: int = 0
    refusals: list[Refusal] = field(default_factory=list)


def articles_folder(settings) -> Path:
    return Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]


def with_office_code(text: str, code: str, written: str) -> str | None:
    """The text with its Reporting_office line's value written as `code`; None when the line is not exactly one
    `Reporting_office: <written>` line (continued, repeated or spelt otherwise: nothing is guessed)."""
    end = HEADER_END.search(text)
    lines = list(REPORTING_LINE.finditer(text, 0, end.start() if end else len(text)))
    if len(lines) != 1 or lines[0].group("value").strip() != written:
        return None
    match = lines[0]
    return f"{text[:match.start('value')]} {code}{text[match.end('value'):]}"


def plan_moves(settings) -> Plan:
    """Where every article belongs and which files are not there (nothing written)."""
    registry, zone = registry_for(settings), settings["TIMEZONE"]
    top = articles_folder(settings)
    plan = Plan()
    files, _ = scan_content(settings)
    texts = {}
    for item in files:
        try:
            texts[item.path] = item.path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            plan.refusals.append(Refusal(item.path, "berkas tidak bisa dibaca sebagai UTF-8.", "Jalankan `invoke check` dan perbaiki berkasnya."))
    taken = {item.path for item in files}
    for item in files:
        if item.kind != ARTICLE or item.path not in texts or top not in item.path.parents:
            continue
        source = parse_source(str(item.path), texts[item.path])
        home = article_home(source, registry, zone)
        if home is None:
            plan.refusals.append(Refusal(item.path, "kantor peliput (Reporting_office) atau tanggalnya (Date) tidak terbaca.",
                                         "Jalankan `invoke check`, perbaiki berkasnya, lalu jalankan perintah ini lagi."))
            continue
        written = source.value("reporting_office")
        if written != home.office:
            text = with_office_code(texts[item.path], home.office, written)
            if text is None:
                plan.refusals.append(Refusal(item.path, "baris Reporting_office tidak bisa ditulis ulang dengan pasti.",
                                             f"Tulis satu baris `Reporting_office: {home.office}` di kepala berkas."))
                continue
            plan.texts[item.path] = text
            plan.offices_written.append(item.path)
        target = top / home.folder() / item.path.name
        if target == item.path:
            continue
        if target in taken or target.exists():
            plan.texts.pop(item.path, None)
            if item.path in plan.offices_written:
                plan.offices_written.remove(item.path)
            plan.refusals.append(Refusal(item.path, f"tempatnya, {os.path.relpath(target)}, sudah dipakai berkas lain.",
                                         "Ganti nama salah satu berkas (alamat berita tidak berubah), lalu jalankan perintah ini lagi."))
            continue
        taken.add(target)
        plan.moves[item.path] = target
    root = Path(settings["PATH"])
    for path, text in texts.items():
        rewritten, count = relinked(plan.texts.get(path, text), path, plan.moves, root)
        if count:
            plan.texts[path] = rewritten
            plan.links_rewritten += count
    return plan


def relinked(text: str, path: Path, moves: dict[Path, Path], root: Path) -> tuple[str, int]:
    """The file's text with every link that moving `moves` would break written from the content root, and how many.

    A link breaks when the linking file moves and the link is relative, or when the linked file moves."""
    count = 0
    old_folder = path.parent
    new_folder = moves.get(path, path).parent

    def replace(match: re.Match) -> str:
        nonlocal count
        target = match.group("target")
        reference = match.group("placeholder") + target
        linked = Path(os.path.normpath(linked_file(reference, old_folder, root)))
        destination = moves.get(linked, linked)
        relative_link = not target.startswith("/")
        if destination == linked and not (relative_link and new_folder != old_folder):
            return match.group()
        if root not in destination.parents:
            return match.group()  # out of the content folder: `invoke check` reports it, nothing to keep
        suffix = target[len(target.split("#", 1)[0].split("?", 1)[0]):]
        count += 1
        new_target = "/" + destination.relative_to(root).as_posix().replace(" ", "%20")
        return f"{match.group('placeholder')}{new_target}{suffix}"

    return LINK.sub(replace, text), count


def remove_empty_folders(top: Path, folders: set[Path]) -> None:
    """The folders files were moved out of, and their parents up to `top`, when nothing is left in them."""
    for folder in sorted(folders, key=lambda each: len(each.parts), reverse=True):
        while folder != top and top in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def apply_plan(plan: Plan, settings) -> None:
    """Write the plan: moved files at their new place (never over another file), changed texts in place."""
    top = articles_folder(settings)
    for path, text in plan.texts.items():
        if path not in plan.moves:
            path.write_bytes(text.encode("utf-8"))
    for path, target in plan.moves.items():
        data = plan.texts[path].encode("utf-8") if path in plan.texts else path.read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as file:
            file.write(data)
        path.unlink()
    remove_empty_folders(top, {path.parent for path in plan.moves})


def plan_report(plan: Plan, done: bool) -> str:
    """The plan in Indonesian, one line per file moved or left."""
    verb = "dipindah" if done else "akan dipindah"
    lines = [f"{os.path.relpath(old)} -> {os.path.relpath(new)}" for old, new in sorted(plan.moves.items())]
    lines += [f"{os.path.relpath(refusal.path)}: TIDAK DIPINDAH: {refusal.reason} {refusal.hint}" for refusal in plan.refusals]
    lines.append(f"{len(plan.moves)} berita {verb}; Reporting_office ditulis sebagai kode kantor di {len(plan.offices_written)} berkas; "
                 f"{plan.links_rewritten} tautan ditulis ulang; {len(plan.refusals)} berkas tidak dipindah. Alamat berita tidak berubah.")
    return "\n".join(lines)
