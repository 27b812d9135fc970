"""`invoke move-articles`: every article into its reporting office's folder, public addresses unchanged.

Articles live at content/articles/OFFICE/YEAR/ (sitelib.article_files), so each
office's folder is one collection of the web editor. This moves the articles that
are elsewhere (the layout before, content/articles/YEAR/, or the wrong year's folder)
to where content_checks.placement says they belong, keeping each file's name and
bytes, except that:
- Reporting_office is written as the office's code (an alias or name before), on the
  line the header parser reads;
- `{filename}`, `{static}` and `{attach}` links that would break are rewritten from
  the content folder's root ("{filename}/articles/kab-wonosobo/2021/x.md"): relative
  links in a moved file, and links to a moved file in any article or page.
Public addresses come from Date and Slug, never from the file's place, so no address
changes. Nothing is guessed:
- a file whose office or date cannot be read, whose place is taken or reached through
  a symbolic link, or whose Reporting_office line cannot be rewritten exactly, is not
  moved and is reported with the fix;
- every file whose links could change is rendered as the build renders it, before and
  after, with each link replaced by the file it reaches: if any page would show other
  text or reach another file (a link the rewriting cannot see, one inside code),
  nothing at all is written, and the file is named.
Files are created only below the articles folder, never through a symbolic link
(sitelib.plain_folders); the moves are made first, the other files' texts after.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from content_checks.placement import article_home
from content_checks.source import parse_source
from office_tags.site_registry import registry_for
from plain_text_metadata.reader import render_body
from sitelib.content_files import ARTICLE, scan_content
from sitelib.links import LINK_PLACEHOLDERS, linked_file
from sitelib.metadata import BYTE_ORDER_MARK, header_line, parse_document
from sitelib.plain_folders import WayRefused, way_problem, write_new_file

# A placeholder link as the body or a header value writes it: up to a space, quote, bracket or angle.
LINK = re.compile(r"(?P<placeholder>\{(?:filename|static|attach)\})(?P<target>[^\s\"'()<>\[\]]+)")
LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
REPORTING_KEY = "reporting_office"
LINK_ATTRIBUTES = ("href", "src")


@dataclass(frozen=True)
class Refusal:
    """A file left where it is: why, and how to fix it (Indonesian)."""

    path: Path
    reason: str
    hint: str


@dataclass
class Plan:
    """Every file to move (old -> new place), every file whose text changes (new text), what stays and why, and
    the files whose links could not be rewritten with certainty (then nothing is written)."""

    moves: dict[Path, Path] = field(default_factory=dict)
    texts: dict[Path, str] = field(default_factory=dict)  # by the file's old path
    originals: dict[Path, bytes] = field(default_factory=dict)  # every content file as planned from
    offices_written: list[Path] = field(default_factory=list)
    links_rewritten: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    uncertain: list[Refusal] = field(default_factory=list)


def articles_folder(settings) -> Path:
    return Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]


def with_office_code(text: str, code: str) -> str | None:
    """The text with the value of its Reporting_office line, as the header parser reads it, written as `code`;
    None when that is not exactly one one-line entry (continued, repeated: nothing is guessed)."""
    entries = [entry for entry in parse_document(text).entries if entry.name.lower() == REPORTING_KEY]
    if len(entries) != 1 or len(entries[0].parts) != 1:
        return None
    entry = entries[0]
    bom = BYTE_ORDER_MARK if text.startswith(BYTE_ORDER_MARK) else ""
    pieces = LINE_BREAK.split(text[len(bom):])  # lines and their ends, counted as the parser counts lines
    index = (entry.line - 1) * 2
    key, colon, _ = pieces[index].partition(":")
    if not colon or key.strip().lower() != REPORTING_KEY or header_line(pieces[index]).partition(":")[2].strip() != entry.value:
        return None
    pieces[index] = f"{key}: {code}"
    return bom + "".join(pieces)


def plan_moves(settings) -> Plan:
    """Where every article belongs, which files are not there, and the texts that follow (nothing written)."""
    registry, zone = registry_for(settings), settings["TIMEZONE"]
    top = articles_folder(settings)
    plan = Plan()
    if top.is_symlink() or not top.is_dir():
        plan.uncertain.append(Refusal(top, "folder berita tidak ada atau berupa tautan simbolik (symlink).",
                                      "Jadikan content/articles folder biasa, lalu jalankan perintah ini lagi."))
        return plan
    files, _ = scan_content(settings)
    texts = {}
    for item in files:
        try:
            plan.originals[item.path] = item.path.read_bytes()
            texts[item.path] = plan.originals[item.path].decode("utf-8")
        except (OSError, UnicodeDecodeError):  # its links to moved articles could not be followed
            plan.uncertain.append(Refusal(item.path, "berkas tidak bisa dibaca sebagai UTF-8.",
                                          "Jalankan `invoke check`, perbaiki berkasnya, lalu jalankan perintah ini lagi."))
    planned = set()
    for item in files:
        if item.kind == ARTICLE and item.path in texts and top in item.path.parents:
            place_article(item.path, texts[item.path], top, registry, zone, plan, planned)
    root = Path(settings["PATH"])
    for path, text in texts.items():
        rewritten, count = relinked(plan.texts.get(path, text), path, plan.moves, root)
        if count:
            plan.texts[path] = rewritten
            plan.links_rewritten += count
    plan.uncertain += uncertain_links(texts, plan, root, settings)
    return plan


def place_article(path: Path, text: str, top: Path, registry, zone: str, plan: Plan, planned: set) -> None:
    """The article's move and its Reporting_office written as a code, in `plan`, or why it stays."""
    source = parse_source(str(path), text)
    home = article_home(source, registry, zone)
    if home is None:
        plan.refusals.append(Refusal(path, "kantor peliput (Reporting_office) atau tanggalnya (Date) tidak terbaca.",
                                     "Jalankan `invoke check`, perbaiki berkasnya, lalu jalankan perintah ini lagi."))
        return
    new_text = text
    if source.value(REPORTING_KEY) != home.office:
        new_text = with_office_code(text, home.office)
        if new_text is None:
            plan.refusals.append(Refusal(path, "baris Reporting_office tidak bisa ditulis ulang dengan pasti (lebih dari satu "
                                         "baris, atau bersambung).", f"Tulis satu baris `Reporting_office: {home.office}`."))
            return
    target = top / home.folder() / path.name
    if target != path:
        problem = "sudah direncanakan untuk berkas lain" if target in planned else way_problem(top, target)
        if problem:
            plan.refusals.append(Refusal(path, f"tempatnya tidak bisa dipakai: {problem}.",
                                         "Ganti nama berkasnya atau bereskan folder itu (alamat berita tidak berubah), "
                                         "lalu jalankan perintah ini lagi."))
            return
        planned.add(target)
        plan.moves[path] = target
    if new_text != text:
        plan.texts[path] = new_text
        plan.offices_written.append(path)


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


def reached(text: str, folder: Path, root: Path, settings, moves: dict[Path, Path]) -> str:
    """What a file shows and where its links go: its header values (but Reporting_office, which the plan may write
    as a code) and its body as the build renders them, each placeholder link replaced by the file it reaches from
    `folder` (then moved by `moves`)."""
    def target(reference: str) -> str:
        path = Path(os.path.normpath(linked_file(reference, folder, root)))
        return f"@{moves.get(path, path)}"

    document = parse_document(text)
    header = [f"{entry.name}: {target(entry.value) if entry.value.startswith(LINK_PLACEHOLDERS) else entry.value}"
              for entry in document.entries if entry.name.lower() != REPORTING_KEY]
    html = BeautifulSoup(render_body(document.markdown_body, settings), "html.parser")
    for element in html.find_all(True):
        for attribute in LINK_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and value.startswith(LINK_PLACEHOLDERS):
                element[attribute] = target(value)
    return "\n".join(header) + "\n\n" + str(html)


def uncertain_links(texts: dict[Path, str], plan: Plan, root: Path, settings) -> list[Refusal]:
    """The files that would show other text, or whose links would reach other files, after the plan: every file
    that holds a placeholder is rendered before and after (a file without one changes at most its Reporting_office
    line, which `with_office_code` writes on the parser's own line)."""
    found = []
    for path, text in texts.items():
        if not any(placeholder in text for placeholder in LINK_PLACEHOLDERS):
            continue
        new_text, new_path = plan.texts.get(path, text), plan.moves.get(path, path)
        before = reached(text, path.parent, root, settings, plan.moves)
        after = reached(new_text, new_path.parent, root, settings, {})
        if after != before:
            found.append(Refusal(path, "tautan {filename}/{static}/{attach} di berkas ini tidak bisa ditulis ulang dengan pasti; "
                                 f"yang berubah: «{first_difference(before, after)}».",
                                 "Tulis tautannya dari akar content/ (misalnya {filename}/articles/kab-wonosobo/2021/"
                                 "nama-berkas.md); tanda {filename}, {static} atau {attach} di dalam kode ikut ditulis ulang, "
                                 "jadi tulis contoh seperti itu tanpa tanda itu. Lalu jalankan perintah ini lagi."))
    return found


def first_difference(before: str, after: str, around: int = 40) -> str:
    """The text near the first place two renderings differ, on one line."""
    index = next((i for i, (one, other) in enumerate(zip(before, after)) if one != other), min(len(before), len(after)))
    return " ".join(before[max(0, index - around):index + around].split())


def remove_empty_folders(top: Path, folders: set[Path]) -> None:
    """The folders files were moved out of, and their parents up to `top`, when nothing is left in them."""
    for folder in sorted(folders, key=lambda each: len(each.parts), reverse=True):
        while folder != top and top in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


class PlanRefused(Exception):
    """Nothing was written (or what was written is taken back); the message says why (Indonesian)."""


def apply_plan(plan: Plan, settings) -> None:
    """Write the plan, all or nothing: PlanRefused before anything is written when a file's links are uncertain or
    a file changed since the plan was made. Then the moved files are made at their new place (never over anything,
    never through a symbolic link; all taken back when one cannot be made), the other changed texts replace
    theirs (a new file renamed over the old: never written through a link), and the moved files' old copies go."""
    if plan.uncertain:
        raise PlanRefused("Tidak ada berkas yang dipindah (lihat TAUTAN TIDAK PASTI di atas).")
    changed = [path for path in [*plan.moves, *plan.texts] if not unchanged(path, plan.originals.get(path))]
    if changed:
        raise PlanRefused("Tidak ada berkas yang dipindah: berkas ini berubah sejak rencana dibuat: "
                          + ", ".join(os.path.relpath(path) for path in changed) + ". Jalankan perintah ini lagi.")
    top, root = articles_folder(settings), Path(settings["PATH"])
    made = []
    try:
        for path, target in sorted(plan.moves.items()):
            write_new_file(top, target, plan.texts[path].encode("utf-8") if path in plan.texts else plan.originals[path])
            made.append(target)
    except (WayRefused, OSError) as error:
        for target in made:
            target.unlink()
        remove_empty_folders(top, {target.parent for target in made})
        raise PlanRefused(f"Tidak ada berkas yang dipindah: {error}. Bereskan itu, lalu jalankan perintah ini lagi.") from None
    for path, text in plan.texts.items():
        if path not in plan.moves:
            replace_text(root, path, text)
    for path in plan.moves:
        path.unlink()
    remove_empty_folders(top, {path.parent for path in plan.moves})


def unchanged(path: Path, original: bytes | None) -> bool:
    try:
        return original is not None and not path.is_symlink() and path.read_bytes() == original
    except OSError:
        return False


def replace_text(root: Path, path: Path, text: str) -> None:
    """A file's new text: written beside it as a new file, then renamed over it (a link there is replaced, not
    written through)."""
    spare = path.with_name(f".{path.name}.pindah")
    write_new_file(root, spare, text.encode("utf-8"))
    os.replace(spare, path)


def plan_report(plan: Plan, done: bool) -> str:
    """The plan in Indonesian, one line per file moved or left."""
    verb = "dipindah" if done else "akan dipindah"
    lines = [f"{os.path.relpath(old)} -> {os.path.relpath(new)}" for old, new in sorted(plan.moves.items())]
    lines += [f"{os.path.relpath(refusal.path)}: TIDAK DIPINDAH: {refusal.reason} {refusal.hint}" for refusal in plan.refusals]
    lines += [f"{os.path.relpath(refusal.path)}: TAUTAN TIDAK PASTI: {refusal.reason} {refusal.hint}" for refusal in plan.uncertain]
    lines.append(f"{len(plan.moves)} berita {verb}; Reporting_office ditulis sebagai kode kantor di {len(plan.offices_written)} berkas; "
                 f"{plan.links_rewritten} tautan ditulis ulang; {len(plan.refusals)} berkas tidak dipindah; "
                 f"{len(plan.uncertain)} berkas dengan tautan tidak pasti. Alamat berita tidak berubah.")
    return "\n".join(lines)
