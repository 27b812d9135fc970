"""Where the export's photos are, and which of them may be copied (issue #16: the export is untrusted).

A photo's path below the uploads folder comes from a URL in the export. The
file is used only when that path, percent-decoded, resolves inside the uploads
folder (no `..`, no absolute path, no symlink leading out) and its copy lands
inside content/images/OFFICE/. Anything else is refused with an Indonesian
reason and left out of the post like a missing photo.

Every photo is imported as the repository's photo standard wants it (issue
#18, photos.standard): an upload that meets it is copied as it is, any other
is prepared (photos.preparing) and its prepared photo written instead, under
the name the prepared format has (a .heic, .webp or a PNG without
transparency becomes .jpg; the first free stem-2, stem-3, … when another
upload of the export has that name), and the post's reference says that
name. An upload that cannot be decoded is refused like a path leading out.
The prepared photo is made when the post is planned (to know its name, and
that it decodes) and again when it is written, so memory stays small;
preparing is deterministic, and a digest checks that both are the same.
"""

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from babel.numbers import format_decimal

from editorial.prepare_photos.names import free_name, standard_name
from photos.decoding import OversizedPhoto, UnreadablePhoto
from photos.preparing import prepare_photo
from photos.standard import Standard, standard_reasons

from .single_line import has_control_characters

# WordPress's resized copies: "rakor-300x200.jpg" for "rakor.jpg".
RESIZED_COPY = re.compile(r"-\d+x\d+(\.[A-Za-z0-9]+)$")


@dataclass(frozen=True)
class Refused:
    """A photo path that is not used; the reason is Indonesian."""

    reason: str


@dataclass(frozen=True)
class Missing:
    """A photo that is not in the uploads folder; `foreign` when its URL is not below the uploads URL at all."""

    foreign: bool = False


class UploadChanged(OSError):
    """An upload that no longer gives the photo planned for it (changed or removed while importing)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Upload:
    """A photo file in the uploads folder and what is written for it: the file as it is when it meets
    the photo standard, else the photo prepared to the standard."""

    path: Path
    standard: Standard
    prepared: bool  # False: copied as it is
    digest: str  # sha256 of what is written

    def data(self) -> bytes:
        """The bytes to write (prepared again when needed); UploadChanged when they are not the planned ones."""
        try:
            data = prepare_photo(self.path, self.standard).data if self.prepared else self.path.read_bytes()
        except UnreadablePhoto:
            data = b""
        if _digest(data) != self.digest:
            raise UploadChanged(f"{self.path} berubah selama impor")
        return data


@dataclass(frozen=True)
class Found:
    """A photo to import: what is written for it, and its file's path below the uploads folder."""

    source: Upload
    used: str


def _number(value: int) -> str:
    return format_decimal(value, format="#,##0", locale="id")


def unreadable_reason(error: UnreadablePhoto) -> str:
    """Why an upload is refused when it cannot be decoded, in Indonesian."""
    if isinstance(error, OversizedPhoto):
        header = error.header
        return f"foto {_number(header.width)} × {_number(header.height)} piksel terlalu besar untuk diolah"
    return "berkas rusak atau bukan gambar JPEG, PNG, WebP, GIF, AVIF atau HEIC"


def planned_upload(path: Path, standard: Standard) -> tuple[Upload, str]:
    """(what is written for the upload, the suffix of its name once written: "" when the name stays).
    Raises UnreadablePhoto."""
    if not standard_reasons(path, standard):
        return Upload(path, standard, False, _digest(path.read_bytes())), ""
    prepared = prepare_photo(path, standard)
    return Upload(path, standard, True, _digest(prepared.data)), prepared.suffix


def resolved(path: Path) -> Path | None:
    """The path with symlinks followed; None when they cannot be (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def resolves_inside(path: Path, folder: Path) -> bool:
    """Whether `path` is below `folder`, both with symlinks followed."""
    real, real_folder = resolved(path), resolved(folder)
    return real is not None and real_folder is not None and real.is_relative_to(real_folder)


def uploads_file(folder: Path, uploads_path: str) -> Path | Refused | None:
    """The file `uploads_path` names below the uploads folder (symlinks followed); None when there is none."""
    if has_control_characters(uploads_path):
        return Refused("berisi karakter kendali")
    if PurePosixPath(uploads_path).is_absolute():
        return Refused("jalur absolut, di luar folder uploads")
    real = resolved(folder / uploads_path)
    if real is None:
        return Refused("tautan simbolik yang tidak bisa diikuti")
    if not resolves_inside(real, folder):
        return Refused("menunjuk ke luar folder uploads")
    return real if real.is_file() else None


class PhotoSource:
    """The site's uploads URLs, the local copy of the uploads folder, and where photos are copied to."""

    def __init__(self, uploads_urls: list[str], uploads_folder: Path | None, target_folder: str,
                 content_folder: Path | None = None, standard: Standard | None = None):
        self.uploads_urls = [url.rstrip("/") + "/" for url in uploads_urls]
        self.uploads_folder = uploads_folder
        self.target_folder = target_folder  # below content/images, e.g. "kab-wonosobo"
        self.content_folder = content_folder  # None: nothing is copied, so no copy is checked
        self.standard = standard or Standard()
        self.found: dict[str, Found | Refused] = {}  # by path below the uploads folder: each upload prepared once
        self.stored: dict[str, str] = {}  # path below the uploads folder -> below content/images/OFFICE
        self.taken: dict[str, set[str]] = {}  # folder -> the stored names in it, both in casefold() form
        self.upload_names: dict[str, set[str]] = {}  # folder -> the names of the uploads in it, casefold() form

    def uploads_path(self, src: str) -> str | None:
        """'2021/06/rakor.jpg' for a photo under the uploads URL (http or https), else None."""
        wanted = urlsplit(src)
        for base in self.uploads_urls:
            known = urlsplit(base)
            if wanted.netloc.lower() == known.netloc.lower() and wanted.path.startswith(known.path):
                return unquote(wanted.path[len(known.path):])
        return None

    def find(self, src: str) -> Found | Refused | Missing:
        """The photo a post's URL (a body photo's src, the featured photo's attachment URL) names."""
        uploads_path = self.uploads_path(src)
        if not uploads_path:
            return Missing(foreign=True)
        found = self.local_file(uploads_path)
        if found is None:
            return Missing()
        return found if isinstance(found, Refused) else self.prepared(*found)

    def prepared(self, source: Path, used: str) -> Found | Refused:
        """The upload as the standard wants it, under its stored name; Refused when it cannot be decoded."""
        if used not in self.found:
            self.found[used] = self._prepare(source, used)
        return self.found[used]

    def _prepare(self, source: Path, used: str) -> Found | Refused:
        try:
            upload, suffix = planned_upload(source, self.standard)
        except UnreadablePhoto as error:
            return Refused(unreadable_reason(error))
        folder, name = posixpath.split(used)
        names = self.taken.setdefault(folder.casefold(), set())
        wanted = standard_name(name, suffix) if suffix else name
        # A new name is one no upload of that folder has, so an upload keeping its name keeps it.
        stored_name = free_name(wanted, names | self._upload_names(folder) if wanted != name else names)
        names.add(stored_name.casefold())
        self.stored[used] = posixpath.join(folder, stored_name)
        checked = self._copy_checked(source, used)  # the stored name, in its folder
        return checked if isinstance(checked, Refused) else Found(upload, used)

    def _upload_names(self, folder: str) -> set[str]:
        """The names in a folder of the uploads folder, in casefold() form."""
        if folder not in self.upload_names:
            try:
                self.upload_names[folder] = {name.casefold() for name in os.listdir(self.uploads_folder / folder)}
            except OSError:
                self.upload_names[folder] = set()
        return self.upload_names[folder]

    def copies(self, photos: dict[str, Upload]) -> dict[Path, Upload]:
        """Where each photo (its path below the uploads folder -> what is written for it) goes: target -> upload."""
        return {self.target(used): source for used, source in photos.items()}

    def local_file(self, uploads_path: str) -> tuple[Path, str] | Refused | None:
        """(file, its path below the uploads folder); for WordPress's resized copies ('-300x200') the original if present."""
        if self.uploads_folder is None:
            return None
        original = RESIZED_COPY.sub(r"\1", uploads_path)
        for candidate in dict.fromkeys((original, uploads_path)):
            found = uploads_file(self.uploads_folder, candidate)
            if found is not None:
                return found if isinstance(found, Refused) else self._copy_checked(found, posixpath.normpath(candidate))
        return None

    def _copy_checked(self, source: Path, used: str) -> tuple[Path, str] | Refused:
        """The photo, unless its copy would land outside content/images/OFFICE/ (a symlinked folder there)."""
        if self.content_folder is None:
            return source, used
        target, images = self.target(used), self.content_folder / "images" / self.target_folder
        if resolves_inside(target, images) and resolves_inside(target, self.content_folder):
            return source, used
        return Refused(f"tujuan di luar content/images/{self.target_folder}/")

    def target(self, used: str) -> Path:
        """Where the photo is written."""
        return self.content_folder / "images" / self.target_folder / self.stored.get(used, used)

    def reference(self, uploads_path: str) -> str:
        return f"{{static}}/images/{PurePosixPath(self.target_folder, self.stored.get(uploads_path, uploads_path))}"
