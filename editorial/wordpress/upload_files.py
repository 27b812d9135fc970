"""The documents, videos and audio files a post links to in the uploads folder, and where they are copied.

A file's path below the uploads folder comes from a URL in the export, so it
is found as photos are (`PhotoSource.uploads_path`, `uploads_file`: inside
the uploads folder only) and copied byte for byte below
content/dokumen/OFFICE/ (documents) or content/media/OFFICE/ (videos and
audio), keeping WordPress's YEAR/MONTH folders. A file must be what its
ending says (sitelib.file_kinds) and at most MAX_FILE_BYTES: a larger video
is reported (YouTube suits it better) and its link left pointing at the old
address, as is any file not found. Names are made plain (letters, digits,
'.', '_', '-'), as the site's check wants them.
"""

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from editorial.prepare_photos.names import free_name
from sitelib.file_kinds import MAX_FILE_BYTES, FileKind, file_kind, file_problem, size_text

from .photos import Missing, PhotoSource, Refused, UploadChanged, resolves_inside, uploads_file

NOT_PLAIN = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class UploadedFile:
    """A file of the uploads folder and the digest of what is copied."""

    path: Path
    digest: str

    def data(self) -> bytes:
        data = self.path.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.digest:  # changed since it was planned
            raise UploadChanged(str(self.path))
        return data


@dataclass(frozen=True)
class FoundFile:
    upload: UploadedFile
    kind: FileKind
    target: Path  # below content/
    reference: str  # {static}/dokumen/OFFICE/2021/06/daftar.pdf


@dataclass(frozen=True)
class TooLarge:
    size: int

    @property
    def reason(self) -> str:
        return f"{size_text(self.size)}, lebih dari batas {size_text(MAX_FILE_BYTES)}"


def plain_path(uploads_path: str) -> str:
    """'2021/06/Daftar Jemaah.pdf' -> '2021/06/Daftar-Jemaah.pdf': each part plain, never empty or hidden."""
    parts = [NOT_PLAIN.sub("-", part).strip("-.") or "berkas" for part in PurePosixPath(uploads_path).parts]
    return posixpath.join(*parts)


class FileSource:
    """Finds the files posts link to in the uploads folder; remembers each, so a file linked twice is copied once."""

    def __init__(self, photos: PhotoSource):
        self.photos = photos
        self.found: dict[str, FoundFile | Refused | TooLarge] = {}
        self.taken: dict[str, set[str]] = {}  # stored folder -> its names, casefold() form

    def find(self, url: str) -> FoundFile | Refused | Missing | TooLarge:
        kind = file_kind(url)
        uploads_path = self.photos.uploads_path(url)
        if kind is None or uploads_path is None:
            return Missing(foreign=True)
        if self.photos.uploads_folder is None:
            return Missing()
        uploads_path = posixpath.normpath(uploads_path)
        if uploads_path not in self.found:
            source = uploads_file(self.photos.uploads_folder, uploads_path)
            if source is None:
                return Missing()
            self.found[uploads_path] = source if isinstance(source, Refused) else self._checked(source, uploads_path, kind)
        return self.found[uploads_path]

    def _checked(self, source: Path, uploads_path: str, kind: FileKind) -> FoundFile | Refused | TooLarge:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            return TooLarge(size)
        problem = file_problem(source)
        if problem:
            return Refused(problem)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        folder, name = posixpath.split(plain_path(uploads_path))
        names = self.taken.setdefault(folder.casefold(), set())
        while True:  # "Daftar Jemaah.pdf" and "Daftar-Jemaah.pdf" in one folder; another file already there
            stored = PurePosixPath(kind.folder, self.photos.target_folder, folder, free_name(name, names))
            names.add(stored.name.casefold())
            target = self.photos.content_folder / stored if self.photos.content_folder else Path(stored)
            if not os.path.lexists(target) or (target.is_file() and _digest_of(target) == digest):
                break  # free, or this very file (imported before)
        if self.photos.content_folder:
            inside = self.photos.content_folder / kind.folder / self.photos.target_folder
            if not (resolves_inside(target, inside) and resolves_inside(target, self.photos.content_folder)):
                return Refused(f"tujuan di luar content/{kind.folder}/{self.photos.target_folder}/")
        return FoundFile(UploadedFile(source, digest), kind, target, f"{{static}}/{stored}")


def _digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
