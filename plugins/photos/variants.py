"""Responsive variants of a photo: a few widths, in WebP and in the original format.

Variants are cached by a hash of the photo's bytes: an unchanged photo is
not resized again.
"""

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

WIDTHS = (480, 800, 1200)
VARIANT_FOLDER = "images/varian"
SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 4},
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class Variant:
    published: str  # path in the output: "images/varian/manasik-3f2a9c1b20-800.webp"
    cached: str  # file in the cache it is copied from
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Photo:
    width: int
    height: int
    mime: str  # of the original
    variants: tuple[Variant, ...]

    def srcset(self, mime: str, base_url: str) -> str:
        return ", ".join(f"{base_url}/{v.published} {v.width}w" for v in self.variants if v.mime == mime)

    def largest(self, mime: str) -> Variant:
        return max((v for v in self.variants if v.mime == mime), key=lambda v: v.width)


def target_widths(width: int) -> list[int]:
    """The standard widths below the photo's own, and the photo's own width when under the largest."""
    widths = [w for w in WIDTHS if w < width]
    if width <= WIDTHS[-1]:
        widths.append(width)
    return widths or [WIDTHS[-1]]


def _save(image: Image.Image, image_format: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    image.save(partial, image_format, **SAVE_OPTIONS[image_format])
    partial.replace(path)


@lru_cache(maxsize=None)
def _photo(source: str, modified: int, cache_dir: str) -> Photo:
    data = Path(source).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem = Path(source).stem
    with Image.open(source) as original:
        original_format = original.format if original.format in ("JPEG", "PNG") else "JPEG"
        width, height = original.size
        variants = []
        for target in target_widths(width):
            scaled_height = round(height * target / width)
            resized = None
            for image_format in ("WEBP", original_format):
                name = f"{stem}-{digest}-{target}.{EXTENSIONS[image_format]}"
                cached = Path(cache_dir) / name
                if not cached.exists():
                    if resized is None:
                        source_image = original.convert("RGB") if original_format == "JPEG" else original
                        resized = source_image.resize((target, scaled_height), Image.Resampling.LANCZOS)
                    _save(resized, image_format, cached)
                variants.append(Variant(f"{VARIANT_FOLDER}/{name}", str(cached), target, scaled_height, MIME[image_format]))
    return Photo(width, height, MIME[original_format], tuple(variants))


def photo_variants(source: Path, cache_dir: Path) -> Photo:
    """The photo's size and its variants, resized now unless the cache has them."""
    return _photo(str(source), Path(source).stat().st_mtime_ns, str(cache_dir))
