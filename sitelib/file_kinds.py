"""Documents, videos and audio files the site publishes: which endings, what they must begin with, how large.

Defined once here for the build (plugins/linked_files), `invoke check`, the
WordPress importer and the web editor (its contract). A file is used only
when its ending is one of these and its first bytes are what that format
begins with: a `.pdf` that is really an HTML page is refused, so nothing in
content/ can become a page that runs a script on the site's address.
"""

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .content_files import PICTURE_BRANDS
from .site_folders import DOCUMENT_FOLDER, MEDIA_FOLDER

DOCUMENT, VIDEO, AUDIO = "document", "video", "audio"
# The word a link to a video or audio file begins with, "[Video: Manasik 2025](…)" (the importer writes it, the
# player's caption leaves it out).
MEDIA_LABELS = {VIDEO: "Video", AUDIO: "Audio"}
# The largest file the repository takes (GitHub refuses files over 100 MB; a video this large belongs on
# YouTube). The importer reports a larger upload instead of copying it.
MAX_FILE_BYTES = 50 * 1000 * 1000

# First bytes: PDF; the ZIP container of DOCX/XLSX/PPTX/ODT/ODS (an empty ZIP starts PK\5\6); the OLE
# container of DOC/XLS/PPT.
PDF = (re.compile(rb"%PDF-"),)
ZIP = (re.compile(rb"PK\x03\x04"), re.compile(rb"PK\x05\x06"))
OLE = (re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),)
# MP4, MOV, M4A: an ISO media file whose brand is not a picture's (sitelib.content_files.PICTURE_BRANDS).
ISO_MEDIA = (re.compile(rb"....ftyp(?!" + b"|".join(PICTURE_BRANDS) + rb")", re.DOTALL),)
WEBM = (re.compile(rb"\x1a\x45\xdf\xa3"),)
OGG = (re.compile(rb"OggS"),)
MP3 = (re.compile(rb"ID3"), re.compile(rb"\xff[\xe0-\xff]"))
WAV = (re.compile(rb"RIFF....WAVE", re.DOTALL),)


@dataclass(frozen=True)
class FileKind:
    suffix: str  # lower case, with the dot
    label: str  # what the page shows: "PDF, 240 KB"
    category: str  # DOCUMENT, VIDEO or AUDIO
    media_type: str
    signatures: tuple[re.Pattern, ...]

    @property
    def folder(self) -> str:
        """The folder below content/ (and the output) files of this kind live in."""
        return DOCUMENT_FOLDER if self.category == DOCUMENT else MEDIA_FOLDER

    def begins_right(self, head: bytes) -> bool:
        return any(signature.match(head) for signature in self.signatures)


FILE_KINDS = {kind.suffix: kind for kind in (
    FileKind(".pdf", "PDF", DOCUMENT, "application/pdf", PDF),
    FileKind(".doc", "DOC", DOCUMENT, "application/msword", OLE),
    FileKind(".docx", "DOCX", DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    FileKind(".xls", "XLS", DOCUMENT, "application/vnd.ms-excel", OLE),
    FileKind(".xlsx", "XLSX", DOCUMENT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    FileKind(".ppt", "PPT", DOCUMENT, "application/vnd.ms-powerpoint", OLE),
    FileKind(".pptx", "PPTX", DOCUMENT, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    FileKind(".odt", "ODT", DOCUMENT, "application/vnd.oasis.opendocument.text", ZIP),
    FileKind(".ods", "ODS", DOCUMENT, "application/vnd.oasis.opendocument.spreadsheet", ZIP),
    FileKind(".zip", "ZIP", DOCUMENT, "application/zip", ZIP),
    FileKind(".mp4", "MP4", VIDEO, "video/mp4", ISO_MEDIA),
    FileKind(".m4v", "M4V", VIDEO, "video/mp4", ISO_MEDIA),
    FileKind(".mov", "MOV", VIDEO, "video/quicktime", ISO_MEDIA),
    FileKind(".webm", "WebM", VIDEO, "video/webm", WEBM),
    FileKind(".ogv", "OGV", VIDEO, "video/ogg", OGG),
    FileKind(".mp3", "MP3", AUDIO, "audio/mpeg", MP3),
    FileKind(".m4a", "M4A", AUDIO, "audio/mp4", ISO_MEDIA),
    FileKind(".ogg", "OGG", AUDIO, "audio/ogg", OGG),
    FileKind(".oga", "OGA", AUDIO, "audio/ogg", OGG),
    FileKind(".wav", "WAV", AUDIO, "audio/wav", WAV),
)}
HEAD_BYTES = 16  # enough for every signature above


def file_kind(name: str) -> FileKind | None:
    """The kind a file or address names by its ending (before any query or fragment), or None."""
    path = name.split("#", 1)[0].split("?", 1)[0]
    return FILE_KINDS.get(PurePosixPath(path).suffix.lower())


def suffixes(category: str) -> tuple[str, ...]:
    return tuple(kind.suffix for kind in FILE_KINDS.values() if kind.category == category)


def size_text(size: int) -> str:
    """A size as the page shows it, in Indonesian: '240 KB', '1,4 MB' (1 KB = 1,000 bytes)."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    megabytes = size / 1000 / 1000
    return (f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:.0f}").replace(".", ",") + " MB"


def file_label(kind: FileKind, size: int) -> str:
    """'PDF, 240 KB'."""
    return f"{kind.label}, {size_text(size)}"


def file_problem(path: Path) -> str:
    """Why a document, video or audio file at `path` cannot be published (Indonesian), '' when it can."""
    kind = file_kind(path.name)
    if kind is None:
        return "jenis berkas ini tidak diterbitkan situs"
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return f"berkas {size_text(size)}, lebih dari batas {size_text(MAX_FILE_BYTES)}"
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not kind.begins_right(head):
        return f"isi berkas bukan {kind.label} (berkas rusak atau berakhiran salah)"
    return ""


# A published file's name: letters, digits, '.', '_' and '-' (what WordPress's sanitize_file_name
# leaves), not starting with a dot; the web editor and the importer write such names.
FILE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


def name_problem(relative: PurePosixPath) -> str:
    """Why a path below content/ is no place for a published file (Indonesian), '' when it is."""
    kind = file_kind(relative.name)
    if kind is None:
        return "jenis berkas ini tidak diterbitkan situs"
    if not relative.parts or relative.parts[0] != kind.folder or len(relative.parts) < 2:
        return f"berkas {kind.label} harus disimpan di content/{kind.folder}/"
    if not all(FILE_NAME.fullmatch(part) for part in relative.parts):
        return "nama berkas atau foldernya berisi spasi atau karakter selain huruf, angka, titik, garis bawah dan tanda minus"
    return ""


def without_media_label(text: str) -> str:
    """'Manasik 2025' for 'Video: Manasik 2025'; any other text as it is."""
    for word in MEDIA_LABELS.values():
        if text.startswith(f"{word}: "):
            return text[len(word) + 2:].strip()
    return text
