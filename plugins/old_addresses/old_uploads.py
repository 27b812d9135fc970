"""Old WordPress upload addresses (/wp-content/uploads/…) of files the site now holds, from content/unggahan-lama/.

`invoke import-wordpress` writes one TOML file per office: each old address
(as a path on the old domain) and the file below content/ that now holds it.

    "/wp-content/uploads/2025/05/daftar-lunas.pdf" = "dokumen/kab-wonosobo/2025/05/daftar-lunas.pdf"
    "/wp-content/uploads/2025/05/rakor-300x200.jpg" = "images/kab-wonosobo/2025/05/rakor.jpg"

Those addresses are shared in WhatsApp groups: once the old domain points
here, the build publishes the file at its old address too (what a link to a
photo opens, for a photo) when a published item uses it. The file is
untrusted input like any content: an old address must be an upload address
(`/wp-content/uploads/…`, `/wp-content/blogs.dir/…`, `/files/…`, optionally
below one sub-site folder) ending as its file does, so it can never replace a
page, a feed or another file of the site.
"""

import posixpath
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitelib.content_files import PHOTO_SUFFIXES
from sitelib.file_kinds import file_kind, name_problem
from sitelib.links import link_problem
from sitelib.metadata import LINE_BREAK_CHARACTERS
from sitelib.output import NAME_LIMIT_BYTES, too_long_names
from sitelib.site_folders import DOCUMENT_FOLDER, MEDIA_FOLDER, OLD_UPLOAD_ADDRESS

OLD_UPLOADS_FOLDER = "unggahan-lama"  # below content/: one OFFICE.toml each
PHOTO_FOLDER = "images"
UPLOAD_ADDRESS = re.compile(OLD_UPLOAD_ADDRESS)
HEADER = (
    "# Alamat lama unggahan WordPress dan berkas yang kini menyimpannya (ditulis `invoke import-wordpress`).\n"
    "# Situs menerbitkan berkas itu juga di alamat lamanya, sehingga tautan lama di grup WhatsApp tetap berfungsi.\n"
)


@dataclass(frozen=True)
class OldUpload:
    old_path: str  # "/wp-content/uploads/2025/05/daftar.pdf"
    stored: str  # below content/: "dokumen/kab-wonosobo/2025/05/daftar.pdf"
    source: Path  # the TOML file naming it

    @property
    def save_as(self) -> str:
        return self.old_path.lstrip("/")

    @property
    def office(self) -> str:
        """The office whose old addresses the file lists: its name is the office's code."""
        return self.source.stem

    @property
    def is_photo(self) -> bool:
        return self.stored.startswith(f"{PHOTO_FOLDER}/")


def _suffix(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def old_address_problem(old_path: str, reserved: set[str]) -> str:
    """Why `old_path` cannot be an old upload address, or '' (Indonesian)."""
    if LINE_BREAK_CHARACTERS.search(old_path) or any(ord(character) < 32 for character in old_path):
        return "berisi baris baru atau karakter kendali"
    upload = UPLOAD_ADDRESS.fullmatch(old_path)
    if not upload:
        return "bukan alamat unggahan WordPress (/wp-content/uploads/…, /wp-content/blogs.dir/…/files/… atau /files/…)"
    if any("." in part for part in upload.group("below").split("/")[:-1]):
        return "hanya nama berkasnya yang boleh berisi titik (folder unggahan WordPress seperti 2025/05/ tidak)"
    if {".", ".."} & set(old_path.split("/")) or "//" in old_path:
        return "tidak boleh berisi bagian . atau .. atau //"
    if old_path.strip("/").split("/", 1)[0] in reserved:
        return "folder pertamanya milik halaman situs ini"
    if too_long_names(old_path):
        return f"punya bagian lebih dari {NAME_LIMIT_BYTES} bita"
    return ""


def entry_problem(old_path: str, stored: str, content_root: Path, reserved: set[str], office: str) -> str:
    """Why an entry of office `office`'s file cannot be published, or '' (Indonesian)."""
    problem = old_address_problem(old_path, reserved)
    if problem:
        return f"alamat lama '{old_path}' {problem}"
    relative = PurePosixPath(stored)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return f"berkas '{stored}' harus ditulis dari folder content/, misalnya dokumen/KODE-KANTOR/2025/05/daftar.pdf"
    if len(relative.parts) < 3 or relative.parts[1] != office:
        return f"berkas '{stored}' bukan milik kantor {office}: alamat lama kantor ini hanya menuju berkas di folder {office}/"
    if relative.parts[0] == PHOTO_FOLDER:
        if _suffix(stored) not in PHOTO_SUFFIXES or _suffix(old_path) not in PHOTO_SUFFIXES:
            return f"alamat lama '{old_path}' dan berkas '{stored}' harus sama-sama foto"
    elif relative.parts[0] in (DOCUMENT_FOLDER, MEDIA_FOLDER):
        if name_problem(relative):
            return f"berkas '{stored}': {name_problem(relative)}"
        if _suffix(old_path) != _suffix(stored) or file_kind(old_path) is None:
            return f"alamat lama '{old_path}' harus berakhiran sama dengan berkasnya ({_suffix(stored)})"
    else:
        return f"berkas '{stored}' harus di content/{PHOTO_FOLDER}/, content/{DOCUMENT_FOLDER}/ atau content/{MEDIA_FOLDER}/"
    problem = link_problem(content_root / stored, content_root)
    if problem:
        return f"berkas 'content/{stored}' tidak ada (atau bukan berkas biasa di folder content)"
    return ""


def address_clash(save_as: str, claimed: set[str]) -> bool:
    """Whether a file at `save_as` would take a file or folder of the site's pages or redirects (`claimed`: the
    files they write), or need one of those files as its folder."""
    parts = save_as.split("/")
    folders = {"/".join(parts[:end]) for end in range(1, len(parts))}
    return save_as in claimed or bool(folders & claimed) or any(claim.startswith(save_as + "/") for claim in claimed)


def read_old_uploads(content_root: Path) -> tuple[list[OldUpload], list[tuple[Path, str]]]:
    """Every entry of content/unggahan-lama/*.toml, and (file, problem) for what cannot be read; entries not checked."""
    folder = content_root / OLD_UPLOADS_FOLDER
    entries, problems = [], []
    if not folder.is_dir():
        return entries, problems
    for path in sorted(folder.iterdir()):
        if path.is_symlink() or not path.is_file() or path.suffix != ".toml" or path.name.startswith("."):
            problems.append((path, "hanya berkas .toml biasa yang dibaca di folder ini"))
            continue
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            problems.append((path, f"bukan TOML yang benar ({error})"))
            continue
        for old_path, stored in table.items():
            if not isinstance(stored, str):
                problems.append((path, f"nilai untuk '{old_path}' harus teks: jalur berkas di folder content/"))
            else:
                entries.append(OldUpload(old_path, stored, path))
    return entries, problems


def toml_text(entries: dict[str, str]) -> str:
    """The office's file: the header, then one line per old address, sorted (a second import adds to it)."""
    lines = [f"{_toml_string(old)} = {_toml_string(stored)}" for old, stored in sorted(entries.items())]
    return HEADER + "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(character if ord(character) >= 32 and character != "\x7f" else f"\\u{ord(character):04x}" for character in escaped) + '"'
