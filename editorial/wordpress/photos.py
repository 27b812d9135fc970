"""Where the export's photos are, and which of them may be copied (issue #16: the export is untrusted).

A photo's path below the uploads folder comes from a URL in the export. The
file is used only when that path, percent-decoded, resolves inside the uploads
folder (no `..`, no absolute path, no symlink leading out) and its copy lands
inside content/images/OFFICE/. Anything else is refused with an Indonesian
reason and left out of the post like a missing photo.
"""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

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


@dataclass(frozen=True)
class Found:
    """A photo to import: its file in the uploads folder, that file's path below the folder."""

    source: Path
    used: str


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
                 content_folder: Path | None = None):
        self.uploads_urls = [url.rstrip("/") + "/" for url in uploads_urls]
        self.uploads_folder = uploads_folder
        self.target_folder = target_folder  # below content/images, e.g. "kab-wonosobo"
        self.content_folder = content_folder  # None: nothing is copied, so no copy is checked

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
        return found if isinstance(found, Refused) else Found(*found)

    def copies(self, photos: dict[str, Path]) -> dict[Path, Path]:
        """Where each photo (its path below the uploads folder -> its file there) is copied: target -> file."""
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
        """Where the photo is copied to."""
        return self.content_folder / "images" / self.target_folder / used

    def reference(self, uploads_path: str) -> str:
        return f"{{static}}/images/{PurePosixPath(self.target_folder, uploads_path)}"
