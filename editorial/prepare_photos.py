"""`invoke prepare-photos`: every photo under content/ brought to the photo standard (issue #18).

A photo that meets the standard (photos.standard) is left exactly as it is,
so a second run changes nothing. Any other photo is prepared
(photos.preparing) and written back in place; when its format changes (a
.heic, .webp or a PNG without transparency becomes a .jpg) it gets the new
name, the same stem with the new suffix or, when that name is taken, the
first free one of stem-2, stem-3, …, and every reference to it in the
articles and pages follows.

Everything is planned before anything is written. References are found as
the build finds them: the Image field and, in the rendered body, image
sources and link targets with {static} or {attach}, resolved as
sitelib.links resolves them. A reference is rewritten only where the file
writes it literally, and an edit is kept only when reading the file again
shows exactly that reference renamed and nothing else changed. A reference
the build decodes before it reads it (an HTML entity such as `&#46;`, a
backslash escape) is not guessed at: it is reported with its file and line,
and its photo is not changed at all.

Planning prepares each photo to learn its new name and size, and keeps only
a digest of the result: writing prepares it again (preparing is
deterministic) and writes it only when the digest is the same, so memory
stays small however many photos there are, and a photo changed in between
is not overwritten. Every write goes through a temporary file in the same
folder (os.replace for a rewrite, a hard link for a new name, which never
replaces a file), only inside the content folder, never through a symbolic
link.
"""

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.numbers import format_decimal
from bs4 import BeautifulSoup

from content_checks.scan import rendered_body
from content_checks.source import parse_bytes, parse_source
from photos.decoding import UnreadablePhoto, decodable_header
from photos.preparing import prepare_photo
from photos.problems import PREPARE_COMMAND, PhotoProblem, problem_of
from photos.standard import STANDARD_SUFFIXES, Standard, standard_for, standard_reasons
from sitelib.content_files import PHOTO_SUFFIXES, photo_files, scan_content
from sitelib.errors import ERROR, Finding, printable
from sitelib.links import STATIC_PLACEHOLDERS, local_file
from sitelib.metadata import normalised_text

# Before a content file is read for references: a text that may name the photo. Markdown and HTML
# decode entities and backslash escapes before the build reads a reference ("&#46;heic", "a\_b.heic").
DECODED_BY_THE_BUILD = (b"&", b"\\")
TEMPORARY_PREFIX = ".menyiapkan-"
TEMPORARY_SUFFIX = ".tmp"  # not a photo name: a file left by an interrupted run is never taken for a photo


# Names.

def photo_suffix(name: str) -> str:
    """The photo suffix `name` ends with, as written (".HEIC"); "" when it has none."""
    lower = name.lower()
    return next((name[len(name) - len(suffix):] for suffix in PHOTO_SUFFIXES if lower.endswith(suffix)), "")


def keeps_name(name: str, suffix: str) -> bool:
    """Whether a photo called `name`, prepared as `suffix` (".jpg" or ".png"), keeps its name:
    a JPEG stays .jpg or .jpeg (any case), a PNG stays .png."""
    return name.lower().endswith(STANDARD_SUFFIXES["PNG" if suffix == ".png" else "JPEG"])


def free_name(name: str, taken: set[str]) -> str:
    """`name`, or the first of stem-2, stem-3, … (same suffix) that is not in `taken` (names in
    `casefold()` form: a Windows or macOS checkout cannot hold two names differing only in case)."""
    suffix = photo_suffix(name)
    stem = name[: len(name) - len(suffix)]
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return candidate


def standard_name(name: str, suffix: str) -> str:
    """The name a photo called `name` has once prepared as `suffix`: its own when the suffix stays,
    else the same stem with the new suffix."""
    return name if keeps_name(name, suffix) else name[: len(name) - len(photo_suffix(name))] + suffix


def prepared_name(name: str, suffix: str, taken: set[str]) -> str:
    """The name of the photo `name` once prepared as `suffix`, in a folder whose names are `taken`: its own
    when the suffix stays, else the stem with the new suffix, or the first free stem-2, stem-3, …"""
    return name if keeps_name(name, suffix) else free_name(standard_name(name, suffix), taken)


# Numbers, as Indonesian readers write them.

def _number(value: float, pattern: str = "#,##0") -> str:
    return format_decimal(value, format=pattern, locale="id")


def file_size(size: int) -> str:
    """"2,1 MB", "412 KB", "900 bita" (1 MB = 1.000.000 bita, as the standard counts)."""
    if size >= 1_000_000:
        return f"{_number(size / 1_000_000, '#,##0.0')} MB"
    if size >= 1000:
        return f"{_number(round(size / 1000))} KB"
    return f"{_number(size)} bita"


def picture_size(width: int, height: int) -> str:
    return f"{_number(width)} × {_number(height)}"


def display(path: Path) -> str:
    return os.path.relpath(path)


# The plan.

@dataclass(frozen=True)
class PhotoChange:
    """One photo that does not meet the standard, and what it becomes."""

    path: Path  # the photo now
    target: Path  # where the prepared photo goes: `path`, or a new name in the same folder
    digest: str  # sha256 of the prepared photo
    size_before: int
    size_after: int
    pixels_before: tuple[int, int]  # upright
    pixels_after: tuple[int, int]

    @property
    def renamed(self) -> bool:
        return self.target != self.path


@dataclass(frozen=True)
class Reference:
    """An image source, link target or Image field of a content file, as the build reads it."""

    element: str  # "Image" (the header field), "img" or "a"
    value: str


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`: one reference to a renamed photo."""

    start: int
    end: int
    text: str
    photo: Path


@dataclass(frozen=True)
class FileEdits:
    """The planned edits of one content file, and its bytes when they were planned."""

    path: Path
    data: bytes
    edits: tuple[Edit, ...]

    def edited(self) -> bytes:
        """The file with the edits made; every other byte as it was (byte-order mark and line ends included)."""
        return apply_edits(self.data.decode("utf-8"), self.edits).encode("utf-8")


@dataclass
class Plan:
    standard: Standard
    root: Path
    changes: list[PhotoChange] = field(default_factory=list)
    meeting: int = 0  # photos that meet the standard already
    unreadable: int = 0  # photos that cannot be read or are too large to decode
    problems: list[str] = field(default_factory=list)  # one line each, Indonesian
    blocked: set[Path] = field(default_factory=set)  # photos left as they are: a reference cannot follow them
    files: dict[Path, FileEdits] = field(default_factory=dict)

    @property
    def renames(self) -> dict[Path, PhotoChange]:
        """The photos that get a new name, by their real path (how references are matched)."""
        return {change.path.resolve(): change for change in self.changes if change.renamed and change.path not in self.blocked}


def problem_line(problem: PhotoProblem) -> str:
    return printable(f"{problem.severity}: {problem.message} {problem.hint}")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan_photo(photo: Path, standard: Standard, taken: set[str]) -> PhotoChange | None:
    """The change the photo needs, None when it meets the standard. Raises UnreadablePhoto."""
    if not standard_reasons(photo, standard):
        return None
    header = decodable_header(photo)
    prepared = prepare_photo(photo, standard)
    name = prepared_name(photo.name, prepared.suffix, taken)
    taken.add(name.casefold())
    return PhotoChange(
        photo, photo.parent / name, _digest(prepared.data), header.file_bytes, len(prepared.data),
        (header.width, header.height), (prepared.width, prepared.height),
    )


def plan_photos(settings) -> Plan:
    """What every photo below the content folder needs, and the reference edits that follow the renames."""
    plan = Plan(standard_for(settings), Path(settings["PATH"]))
    taken: dict[Path, set[str]] = {}
    for photo in photo_files(settings):
        folder_names = taken.setdefault(photo.parent, {name.casefold() for name in os.listdir(photo.parent)})
        try:
            change = plan_photo(photo, plan.standard, folder_names)
        except UnreadablePhoto as error:
            plan.problems.append(problem_line(problem_of(photo, error)))
            plan.unreadable += 1
            continue
        if change is None:
            plan.meeting += 1
        else:
            plan.changes.append(change)
    plan_references(plan, settings)
    return plan


# References.

def references(text: str, settings) -> list[Reference]:
    """The Image field and the rendered body's image sources and link targets, in order."""
    source = parse_source("", text)
    found = [Reference("Image", source.meta["image"].value)] if "image" in source.meta else []
    for element in BeautifulSoup(rendered_body(source, settings), "html.parser").find_all(["img", "a"]):
        value = element.get("src" if element.name == "img" else "href", "")
        found.append(Reference(element.name, value if isinstance(value, str) else " ".join(value)))
    return found


def renamed_reference(value: str, change: PhotoChange) -> str | None:
    """The reference with the photo's new name, written the way it wrote the old one ("%20" for a space
    stays); None when its last part is not the photo's name as written."""
    placeholder = next(prefix for prefix in STATIC_PLACEHOLDERS if value.startswith(prefix))
    target = value[len(placeholder):]
    path_part = target.split("#", 1)[0].split("?", 1)[0]
    head, slash, last = path_part.rpartition("/")
    old_name = change.path.name
    if last.replace("%20", " ") != old_name:
        return None
    new_ending = change.target.name[len(old_name) - len(photo_suffix(old_name)):]  # ".jpg" or "-2.jpg"
    new_last = last[: len(last) - len(photo_suffix(old_name))] + new_ending
    return placeholder + head + slash + new_last + target[len(path_part):]


def _occurrences(text: str, literal: str):
    start = text.find(literal)
    while start != -1:
        yield start
        start = text.find(literal, start + len(literal))


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept, end = [], -1
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.start - edit.end)):
        if edit.start >= end:
            kept.append(edit)
            end = edit.end
    return kept


def apply_edits(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text


def _matched(found: list[Reference], folder: Path, root: Path, renames: dict[Path, PhotoChange]) -> list[PhotoChange | None]:
    """For each reference, the renamed photo it resolves to (as the build resolves it), or None."""
    matched = []
    for reference in found:
        path = local_file(reference.value, folder, root) if reference.value.startswith(STATIC_PLACEHOLDERS) else None
        matched.append(renames.get(path.resolve()) if path is not None else None)
    return matched


def reference_edits(text: str, path: Path, root: Path, renames: dict[Path, PhotoChange], settings
                    ) -> tuple[list[Edit], list[tuple[Reference, PhotoChange]]]:
    """The edits that make every reference of the file to a renamed photo name its new name, and the
    references that cannot be rewritten that way (with their photo)."""
    found = references(text, settings)
    matched = _matched(found, path.parent, root, renames)
    if not any(matched):
        return [], []
    expected = [renamed_reference(ref.value, change) if change else ref.value for ref, change in zip(found, matched)]

    def only_renamed(again: list[Reference]) -> bool:
        """Some references of `found` renamed as planned, and nothing else changed."""
        return len(again) == len(found) and again != found and all(
            new.element == old.element and (new.value == old.value or (change is not None and new.value == wanted))
            for new, old, change, wanted in zip(again, found, matched, expected)
        )

    literals = {ref.value: change for ref, change, wanted in zip(found, matched, expected) if change and wanted}
    edits = []
    for literal, change in literals.items():
        replacement = renamed_reference(literal, change)
        for start in _occurrences(text, literal):
            candidate = text[:start] + replacement + text[start + len(literal):]
            if only_renamed(references(candidate, settings)):
                edits.append(Edit(start, start + len(literal), replacement, change.path))
    edits = _without_overlaps(edits)
    result = references(apply_edits(text, edits), settings)
    if len(result) != len(found):
        return edits, [(ref, change) for ref, change in zip(found, matched) if change]
    unresolved = [(ref, change) for ref, change, wanted, new in zip(found, matched, expected, result)
                  if change and new.value != wanted]
    return edits, unresolved


def reference_line(text: str, reference: Reference, settings) -> int | None:
    """The line of a reference that is not written literally: the Image field's, or the first body line
    with an entity or backslash without which the file has one such reference fewer."""
    source = parse_source("", text)
    if reference.element == "Image":
        return source.meta["image"].line
    lines = normalised_text(text).split("\n")
    count = references(text, settings).count(reference)
    for number in range(source.body_line, len(lines) + 1):
        line = lines[number - 1]
        if "&" in line or "\\" in line:
            without = "\n".join(lines[: number - 1] + [""] + lines[number:])
            if references(without, settings).count(reference) < count:
                return number
    return None


def _plain_reference(change: PhotoChange, root: Path) -> str:
    return "{static}/" + change.path.relative_to(root).as_posix().replace(" ", "%20")


def unresolved_finding(path: Path, text: str, reference: Reference, change: PhotoChange, root: Path, settings) -> Finding:
    return Finding(
        display(path), "Image" if reference.element == "Image" else "",
        f"rujukan ke foto '{display(change.path)}' tidak bisa diganti otomatis menjadi {change.target.name}: "
        "tidak tertulis apa adanya (misalnya memakai kode entitas HTML seperti &#46; atau garis miring terbalik). "
        "Foto itu belum diubah.",
        reference_line(text, reference, settings),
        hint=f"Tulis rujukannya {_plain_reference(change, root)}, lalu jalankan `{PREPARE_COMMAND}` lagi.",
    )


def _may_name(data: bytes, change: PhotoChange) -> bool:
    name = change.path.name
    return any(part in data for part in (name.encode(), name.replace(" ", "%20").encode(), *DECODED_BY_THE_BUILD))


def _file_plan(path: Path, data: bytes, changes: list[PhotoChange], root: Path, settings
               ) -> tuple[FileEdits | None, list[tuple[Path, str]]]:
    """One content file's edits for the renamed photos it may name, and (photo, report line) for each
    reference that cannot follow its photo."""
    source = parse_bytes(data, display(path))
    if isinstance(source, Finding):  # not UTF-8: the build cannot read it, and we cannot edit it safely
        return None, [(change.path, str(Finding(
            display(path), "", f"berkas ini menyebut foto '{display(change.path)}' tetapi bukan UTF-8, jadi rujukannya "
            "tidak bisa diganti otomatis. Foto itu belum diubah.", source.line,
            hint=f"Simpan ulang berkas dengan pengodean UTF-8, lalu jalankan `{PREPARE_COMMAND}` lagi.",
        ))) for change in changes if change.path.name.encode() in data]
    text = data.decode("utf-8")
    edits, unresolved = reference_edits(text, path, root, {change.path.resolve(): change for change in changes}, settings)
    lines = [(change.path, str(unresolved_finding(path, text, reference, change, root, settings)))
             for reference, change in unresolved]
    return (FileEdits(path, data, tuple(edits)) if edits else None), lines


def plan_references(plan: Plan, settings) -> None:
    """The edits of every content file for the renamed photos. A photo one of whose references cannot
    follow it is blocked: left as it is, none of its references edited; then the rest is planned again."""
    if not plan.renames:
        return
    contents = [(item.path, item.path.read_bytes()) for item in scan_content(settings)[0]]
    while True:
        renames = plan.renames
        plan.files, blocked = {}, {}
        for path, data in contents:
            changes = [change for change in renames.values() if _may_name(data, change)]
            if not changes:
                continue
            edits, lines = _file_plan(path, data, changes, plan.root, settings)
            if edits is not None:
                plan.files[path] = edits
            for photo, line in lines:
                blocked.setdefault(photo, []).append(line)
        if not blocked:
            return
        for photo, lines in blocked.items():
            plan.blocked.add(photo)
            plan.problems += list(dict.fromkeys(lines))


# Writing.

def folder_inside(folder: Path, root: Path) -> bool:
    """Whether `folder` is the content folder or a folder below it, with no symbolic link on the way."""
    try:
        relative = folder.absolute().relative_to(root.absolute())
    except ValueError:
        return False
    current = root.resolve()
    for part in relative.parts:
        current = current / part
        if part in ("..", ".") or current.is_symlink() or not current.is_dir():
            return False
    return True


class WriteRefused(Exception):
    """A file that is not written (message in Indonesian)."""


def _checked_place(path: Path, root: Path) -> None:
    if not folder_inside(path.parent, root):
        raise WriteRefused(f"folder '{display(path.parent)}' berada di luar folder content atau melalui tautan simbolik")
    if path.is_symlink():
        raise WriteRefused(f"'{display(path)}' adalah tautan simbolik")


def _temporary_copy(folder: Path, data: bytes, mode_of: Path) -> Path:
    """A new file in `folder` holding `data`, with the permissions of `mode_of`."""
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, stat.S_IMODE(os.lstat(mode_of).st_mode))
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def replace_file(path: Path, data: bytes, root: Path) -> None:
    """Write `data` over the regular file `path` at once (a reader sees the old file or the new one)."""
    _checked_place(path, root)
    temporary = _temporary_copy(path.parent, data, path)
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def create_file(path: Path, data: bytes, mode_of: Path, root: Path) -> None:
    """Write `data` as the new file `path`, at once; FileExistsError when anything has that name."""
    _checked_place(path, root)
    temporary = _temporary_copy(path.parent, data, mode_of)
    try:
        os.link(temporary, path)  # never replaces anything, a symlink included
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the name is checked, then taken
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.rename(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _prepared_again(change: PhotoChange, standard: Standard) -> bytes:
    try:
        data = prepare_photo(change.path, standard).data
    except UnreadablePhoto:
        data = b""
    if _digest(data) != change.digest:
        raise WriteRefused(f"foto '{display(change.path)}' berubah sejak direncanakan")
    return data


@dataclass
class Report:
    lines: list[str]
    failed: bool

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def change_line(change: PhotoChange, references_updated: int) -> str:
    name = f" -> {change.target.name}" if change.renamed else ""
    sizes = f"{file_size(change.size_before)} -> {file_size(change.size_after)}"
    pixels = f"{picture_size(*change.pixels_before)} -> {picture_size(*change.pixels_after)} piksel"
    references_part = f" ({references_updated} rujukan diperbarui)" if change.renamed else ""
    return printable(f"{display(change.path)}{name}: {sizes}, {pixels}{references_part}")


def write_plan(plan: Plan) -> Report:
    """Write what the plan says: new-name photos, rewritten photos, edited content files, then remove the
    photos that were renamed. Nothing is written for a blocked photo; a failure is reported."""
    problems = list(plan.problems)
    done: list[PhotoChange] = []
    written_renames: set[Path] = set()
    for change in [change for change in plan.changes if change.path not in plan.blocked]:
        try:
            data = _prepared_again(change, plan.standard)
            if change.renamed:
                create_file(change.target, data, change.path, plan.root)
                written_renames.add(change.path)
            else:
                replace_file(change.path, data, plan.root)
        except (OSError, WriteRefused) as error:
            problems.append(_write_problem(change.target, error))
            continue
        done.append(change)
    failed_renames = {change.path for change in plan.changes if change.renamed and change.path not in written_renames}
    updated: dict[Path, int] = {}
    kept: set[Path] = set(failed_renames)  # renamed photos whose old file must stay: a reference still names it
    for path, planned in plan.files.items():
        edits = [edit for edit in planned.edits if edit.photo not in failed_renames]
        if not edits:
            continue
        try:
            if path.read_bytes() != planned.data:
                raise WriteRefused(f"berkas '{display(path)}' berubah sejak direncanakan")
            replace_file(path, FileEdits(path, planned.data, tuple(edits)).edited(), plan.root)
        except (OSError, WriteRefused) as error:
            problems.append(_write_problem(path, error))
            kept.update(edit.photo for edit in edits)
            continue
        for edit in edits:
            updated[edit.photo] = updated.get(edit.photo, 0) + 1
    for change in done:
        if change.renamed and change.path not in kept:
            try:
                _checked_place(change.path, plan.root)
                change.path.unlink()
            except (OSError, WriteRefused) as error:
                problems.append(_write_problem(change.path, error))
    return _report(plan, done, updated, problems)


WRITE_FAILURES = {
    FileExistsError: "nama itu sudah dipakai berkas lain", PermissionError: "tidak ada izin menulis",
    FileNotFoundError: "berkas atau foldernya hilang",
}


def _write_problem(path: Path, error: Exception) -> str:
    if isinstance(error, WriteRefused):
        why = str(error)
    else:
        why = WRITE_FAILURES.get(type(error), f"galat sistem berkas nomor {getattr(error, 'errno', None)}")
    return printable(f"{ERROR}: '{display(path)}' tidak ditulis: {why}. Jalankan `{PREPARE_COMMAND}` lagi.")


def _report(plan: Plan, done: list[PhotoChange], updated: dict[Path, int], problems: list[str]) -> Report:
    lines = [change_line(change, updated.get(change.path, 0)) for change in done]
    lines += problems
    before, after = sum(change.size_before for change in done), sum(change.size_after for change in done)
    summary = f"{len(done)} foto disiapkan"
    if done:
        summary += f" ({file_size(before)} -> {file_size(after)})"
    summary += f", {plan.meeting} sudah sesuai standar"
    left = len(plan.changes) - len(done) + plan.unreadable
    if problems:
        summary += f", {left} tidak diubah (lihat GALAT di atas)"
    lines.append(summary + ".")
    return Report(lines, failed=bool(problems))


def prepare_all(settings) -> Report:
    """`invoke prepare-photos`: plan, then write."""
    return write_plan(plan_photos(settings))
