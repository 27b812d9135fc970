"""Which files are the site's content: one decision for the build, every check and the web editor.

Articles and pages are Markdown files ending in `.md`, nothing else. Any
other file in the article or page folders (`.html`, `.rst`, `.markdown`, a
hidden file, a symbolic link) is not read by the build and not published:
it is a GALAT, so nothing there escapes the checks. Pelican's other readers
are switched off (READERS in pelicanconf.py) so it reads exactly this set.
"""

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .metadata import LINE_BREAK_CHARACTERS

CONTENT_EXTENSION = "md"
ARTICLE, PAGE = "article", "page"
# Markdown spellings Pelican's Markdown reader would accept, but we do not.
OTHER_MARKDOWN_SUFFIXES = (".markdown", ".mkd", ".mdown")
# The file names a photo may have (compared in lower case): what editors' phones, cameras and
# WordPress sites make. Every such file below content/ must meet the photo standard (issue #18).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif")

WRONG_SUFFIX_HINT = "Ganti nama berkasnya sehingga berakhiran .md."
NOT_MARKDOWN_HINT = (
    "Hanya berkas .md yang dibaca sebagai berita atau halaman. Tulis isinya sebagai berkas .md "
    "(misalnya dengan `invoke new`), atau hapus berkas ini; foto disimpan di content/images/."
)


@dataclass(frozen=True)
class ContentFile:
    path: Path
    kind: str  # ARTICLE or PAGE


@dataclass(frozen=True)
class ForeignFile:
    """A file in a content folder that is not content: why, and how to fix it (Indonesian)."""

    path: Path
    message: str
    hint: str


def foreign_reason(name: str) -> tuple[str, str] | None:
    """Why a regular file called `name` in a content folder is not content, or None when it is."""
    if LINE_BREAK_CHARACTERS.search(name) or any(character in name for character in "\t\n\r"):
        return "nama berkas berisi baris baru, tab atau karakter kendali.", "Ganti nama berkasnya dengan huruf, angka dan tanda minus."
    if name.startswith("."):
        return "berkas tersembunyi di folder konten tidak dibaca.", "Hapus berkas ini."
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in OTHER_MARKDOWN_SUFFIXES or (suffix == ".md" and not name.endswith(".md")):
        return f"berkas Markdown berakhiran '{PurePosixPath(name).suffix}' tidak dibaca.", WRONG_SUFFIX_HINT
    if not name.endswith(f".{CONTENT_EXTENSION}"):
        return "berkas ini bukan berkas .md, jadi tidak dibaca sebagai berita atau halaman.", NOT_MARKDOWN_HINT
    return None


SYMLINK = ("tautan simbolik (symlink) tidak boleh ada di folder konten.", "Ganti dengan berkas atau folder biasa.")
HIDDEN_FOLDER = ("folder tersembunyi di folder konten tidak dibaca.", "Pindahkan isinya ke folder biasa, atau hapus foldernya.")
NOT_A_FILE = ("ini bukan berkas biasa.", "Hapus dari folder konten.")


# The one-article preview (editorial/single_preview.py) gives Pelican one file as ARTICLE_PATHS; this setting
# names the site's own article folders then, which stay folders of Markdown only (no photo is looked for there).
SITE_ARTICLE_PATHS = "SITE_ARTICLE_PATHS"


def content_folders(settings) -> list[tuple[str, Path]]:
    """(kind, folder or file) for every configured article and page path, below PATH."""
    root = Path(settings["PATH"])
    return [(ARTICLE, root / path) for path in settings["ARTICLE_PATHS"]] + [
        (PAGE, root / path) for path in settings["PAGE_PATHS"]
    ]


def _entry(path: Path, kind: str, found: list, foreign: list) -> None:
    if path.is_symlink():
        foreign.append(ForeignFile(path, *SYMLINK))
    elif not path.is_file():
        foreign.append(ForeignFile(path, *NOT_A_FILE))
    elif (reason := foreign_reason(path.name)) is not None:
        foreign.append(ForeignFile(path, *reason))
    else:
        found.append(ContentFile(path, kind))


def scan_content(settings) -> tuple[list[ContentFile], list[ForeignFile]]:
    """The content files, and every other file in the content folders, in a stable order.

    Symbolic links are never followed (Pelican would follow them anywhere on
    the machine): a link is itself a foreign file.
    """
    found: list[ContentFile] = []
    foreign: list[ForeignFile] = []
    for kind, top in content_folders(settings):
        if top.is_symlink() or top.is_file():
            _entry(top, kind, found, foreign)
            continue
        for folder, subfolders, files in os.walk(top):
            folder_path = Path(folder)
            kept = []
            for name in sorted(subfolders):
                if (folder_path / name).is_symlink():
                    foreign.append(ForeignFile(folder_path / name, *SYMLINK))
                elif name.startswith(".") or foreign_reason(f"{name}.md") is not None:
                    foreign.append(ForeignFile(folder_path / name, *HIDDEN_FOLDER))
                else:
                    kept.append(name)
            subfolders[:] = kept
            for name in sorted(files):
                _entry(folder_path / name, kind, found, foreign)
    return found, foreign


def folder_kind(repository_path: str, settings) -> str | None:
    """ARTICLE or PAGE for a path (relative to the project, as git names it) inside an article or
    page folder, content or not; None outside them."""
    path = PurePosixPath(repository_path)
    for kind, top in content_folders(settings):
        top_path = PurePosixPath(top.as_posix())
        if path == top_path or top_path in path.parents:
            return kind
    return None


def kind_of(repository_path: str, settings) -> str | None:
    """ARTICLE or PAGE when the path is a content file's place by its name (a regular file there is
    content), else None: no hidden folder on the way, a name that is content."""
    kind = folder_kind(repository_path, settings)
    if not kind:
        return None
    path = PurePosixPath(repository_path)
    tops = [PurePosixPath(top.as_posix()) for _, top in content_folders(settings)]
    top = next(top for top in tops if path == top or top in path.parents)
    folders = path.relative_to(top).parts[:-1]
    if any(name.startswith(".") or foreign_reason(f"{name}.md") is not None for name in folders):
        return None
    return kind if foreign_reason(path.name) is None else None


def is_content_file(path: Path, settings) -> bool:
    """True when `path` is one of the site's articles or pages (a `{filename}` link may point to it)."""
    if path.is_symlink() or not path.is_file() or foreign_reason(path.name) is not None:
        return False
    resolved = path.resolve()
    return any(
        resolved == top.resolve() or resolved.is_relative_to(top.resolve())
        for _, top in content_folders(settings)
    )


# The first bytes of the picture files Pillow or a browser would show (offset, bytes): a picture is a
# photo of the content folder whatever it is called (".jfif", ".tif", "foto.jpg.", no suffix at all).
# The ISO media brands of pictures (HEIC, HEIF, AVIF); MP4, MOV and M4A files carry others.
PICTURE_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis")
PICTURE_SIGNATURES = (
    (0, b"\xff\xd8\xff"),  # JPEG
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"GIF8"),
    (8, b"WEBP"),  # after RIFF and a length
    *((4, b"ftyp" + brand) for brand in PICTURE_BRANDS),  # HEIC, HEIF, AVIF (not video and audio)
    (0, b"II*\x00"), (0, b"MM\x00*"),  # TIFF
    (0, b"BM"),  # BMP
)
SIGNATURE_BYTES = 12


def is_picture(path: Path) -> bool:
    """Whether a file is named as a photo or begins as a picture file does."""
    if path.name.lower().endswith(PHOTO_SUFFIXES):
        return True
    try:
        with open(path, "rb") as file:
            head = file.read(SIGNATURE_BYTES)
    except OSError:
        return False
    return any(head[offset:offset + len(signature)] == signature for offset, signature in PICTURE_SIGNATURES)


def photo_files(settings) -> list[Path]:
    """Every photo file below the content folder, by its name or by its first bytes, in a stable order;
    hidden files and folders included (a photo there is in the repository all the same).

    Symbolic links and the article and page folders (where any file but .md is a
    GALAT already) are left out; links are never followed.
    """
    root = Path(settings["PATH"])
    text_folders = {folder for _, folder in content_folders(settings)}
    text_folders |= {root / path for path in settings.get(SITE_ARTICLE_PATHS) or ()}
    found = []
    for folder, subfolders, files in os.walk(root):
        folder_path = Path(folder)
        subfolders[:] = sorted(
            name for name in subfolders if not (folder_path / name).is_symlink() and folder_path / name not in text_folders
        )
        found += [
            folder_path / name for name in sorted(files)
            if not (folder_path / name).is_symlink() and (folder_path / name).is_file() and is_picture(folder_path / name)
        ]
    return found
