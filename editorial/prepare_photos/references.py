"""The references of articles and pages to renamed photos: found as the build finds them (the Image field and,
in the rendered body, image sources and link targets with {static} or {attach}, resolved as sitelib.links
resolves them), rewritten only where the file writes them literally, and reported with file and line where
they cannot be."""

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from content_checks.scan import rendered_body
from content_checks.source import parse_bytes, parse_source
from photos.problems import PREPARE_COMMAND
from sitelib.errors import Finding
from sitelib.links import STATIC_PLACEHOLDERS, local_file
from sitelib.metadata import normalised_text

from .names import photo_suffix
from .plan import Edit, FileEdits, PhotoChange, apply_edits
from .report_lines import display

# Before a content file is read for references: a text that may name the photo. Markdown and HTML
# decode entities and backslash escapes before the build reads a reference ("&#46;heic", "a\_b.heic").
DECODED_BY_THE_BUILD = (b"&", b"\\")


@dataclass(frozen=True)
class Reference:
    """An image source, link target or Image field of a content file, as the build reads it."""

    element: str  # "Image" (the header field), "img" or "a"
    value: str


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


def may_name(data: bytes, change: PhotoChange) -> bool:
    """Whether the content file `data` may refer to the photo: its name, as written or with %20, or a
    text the build decodes first."""
    name = change.path.name
    return any(part in data for part in (name.encode(), name.replace(" ", "%20").encode(), *DECODED_BY_THE_BUILD))


def content_file_edits(path: Path, data: bytes, changes: list[PhotoChange], root: Path, settings
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
