"""The names of prepared photos: the suffix a name ends with, the name a photo keeps or gets, the first free one."""

from pathlib import PurePosixPath

from photos.standard import STANDARD_SUFFIXES
from sitelib.content_files import PHOTO_SUFFIXES


def photo_suffix(name: str) -> str:
    """The photo suffix `name` ends with, as written (".HEIC"); for a picture with another name its last
    suffix (".jfif", ".tif"); "" when it has none."""
    lower = name.lower()
    return next((name[len(name) - len(suffix):] for suffix in PHOTO_SUFFIXES if lower.endswith(suffix)), PurePosixPath(name).suffix)


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
