"""Whether a document, video or audio file may be published, for the build and `invoke check` alike.

A file is published when a published article or page links to it with
`{static}` (or is an old WordPress upload address's file, see
plugins/old_addresses): documents below content/dokumen/, videos and audio
below content/media/, a plain name, the first bytes of its format, at most
MAX_FILE_BYTES. Anything else is a GALAT naming the file and the fix.
"""

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitelib.file_kinds import DOCUMENT, MAX_FILE_BYTES, file_kind, file_problem, name_problem
from sitelib.links import MISSING, OUTSIDE, link_problem, linked_file
from sitelib.site_folders import DOCUMENT_FOLDER, MEDIA_FOLDER

from .file_markup import LinkedFile

NAME_HINT = "Ganti nama berkasnya dengan huruf kecil, angka dan tanda minus (misalnya daftar-jemaah-2026.pdf), lalu perbaiki tautannya."
FOLDER_HINT = (f"Simpan dokumen di content/{DOCUMENT_FOLDER}/KODE-KANTOR/TAHUN/BULAN/ dan video atau audio di "
               f"content/{MEDIA_FOLDER}/KODE-KANTOR/TAHUN/BULAN/, lalu perbaiki tautannya.")
BIG_HINT = "Unggah video ke YouTube lalu tulis alamatnya di barisnya sendiri; dokumen besar dipecah atau dikompres."
CONTENT_HINT = "Simpan ulang berkasnya dari aplikasi aslinya (misalnya Simpan sebagai PDF) dengan akhiran yang benar."


@dataclass(frozen=True)
class FileProblem:
    message: str
    hint: str


def links_a_file(reference: str) -> bool:
    """True when a `{static}` link names a document, video or audio file by its ending."""
    return file_kind(reference) is not None


def stored_file_problem(path: Path, content_root: Path) -> FileProblem | None:
    """Why a file below content/ cannot be published where it is, or None."""
    relative = PurePosixPath(path.relative_to(content_root).as_posix())
    shown = f"content/{relative}"
    problem = name_problem(relative)
    if problem:
        hint = NAME_HINT if "nama" in problem else FOLDER_HINT
        return FileProblem(f"berkas '{shown}': {problem}.", hint)
    problem = file_problem(path)
    if problem:
        big = path.stat().st_size > MAX_FILE_BYTES
        return FileProblem(f"berkas '{shown}': {problem}.", BIG_HINT if big else CONTENT_HINT)
    return None


def resolve_link(reference: str, source_dir: Path, content_root: Path) -> LinkedFile | FileProblem:
    """The file a `{static}` link to a document, video or audio file names, or why it cannot be published."""
    path = linked_file(reference, source_dir, content_root)
    problem = link_problem(path, content_root)
    kind = file_kind(reference)
    what = "dokumen" if kind.category == DOCUMENT else "berkas"
    if problem == MISSING:
        return FileProblem(f"tautan ke {what} '{reference}': berkasnya tidak ada.",
                           f"Periksa nama berkas di content/{kind.folder}/ (huruf besar/kecil berpengaruh), atau simpan berkasnya di sana.")
    if problem == OUTSIDE:
        return FileProblem(f"tautan ke {what} '{reference}' menuju berkas di luar folder content.", FOLDER_HINT)
    if problem:
        return FileProblem(f"tautan ke {what} '{reference}' menuju tautan simbolik (symlink).", "Simpan berkasnya sebagai berkas biasa.")
    stored = stored_file_problem(path, content_root)
    if stored is not None:
        return stored
    relative = path.resolve().relative_to(content_root.resolve()).as_posix()
    return LinkedFile(path, kind, path.stat().st_size, relative)


def stored_files(content_root: Path) -> list[Path]:
    """Every file (and symbolic link) below the document and media folders, in a stable order."""
    found = []
    for folder in (DOCUMENT_FOLDER, MEDIA_FOLDER):
        top = content_root / folder
        if top.is_symlink():
            found.append(top)
            continue
        for current, subfolders, files in os.walk(top):
            subfolders.sort()
            found += [Path(current) / name for name in sorted(files)]
            found += [Path(current) / name for name in subfolders if (Path(current) / name).is_symlink()]
    return found


def folder_problem(path: Path, content_root: Path) -> FileProblem | None:
    """Why a file found below the document or media folder may not be there (it would not be published)."""
    shown = os.path.relpath(path)
    if path.is_symlink():
        return FileProblem(f"'{shown}' adalah tautan simbolik (symlink).", "Ganti dengan berkas biasa.")
    if not path.is_file():
        return FileProblem(f"'{shown}' bukan berkas biasa.", "Hapus dari folder konten.")
    return stored_file_problem(path, content_root)

