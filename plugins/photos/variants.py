"""Responsive variants of a photo: a few widths in WebP and in a fallback format, plus full size on demand.

Every variant is re-encoded from the decoded pixels (see `decoding`): no
EXIF, XMP, IPTC or comment survives, and the photo is upright. Variants are
cached by a hash of the photo's bytes and of `CACHE_KEY_VERSION`, so an
unchanged photo is not resized again, and a variant made by an older
pipeline (one that kept EXIF) is never reused.
"""

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from sitelib.site_folders import PHOTO_VARIANT_FOLDER

from .decoding import PhotoHeader, decodable_header, decode_upright

# Part of every variant's name: change it whenever variants would come out differently.
CACHE_KEY_VERSION = b"upright-srgb-no-metadata-1"
WIDTHS = (480, 800, 1200)
WEBP_MAX_SIDE = 16383  # WebP stores at most this many pixels a side
VARIANT_FOLDER = PHOTO_VARIANT_FOLDER
SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 4},
}
STEM_LIMIT = 100  # of a variant's file name, which also carries a hash and the width
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
    width: int  # upright
    height: int
    mime: str  # of the fallback format (JPEG, or PNG for PNGs and transparent photos)
    variants: tuple[Variant, ...]

    def srcset(self, mime: str, base_url: str) -> str:
        return ", ".join(f"{base_url}/{v.published} {v.width}w" for v in self.variants if v.mime == mime)

    def largest(self, mime: str) -> Variant:
        return max((v for v in self.variants if v.mime == mime), key=lambda v: v.width)

    def smallest(self, mime: str) -> Variant:
        return min((v for v in self.variants if v.mime == mime), key=lambda v: v.width)


@dataclass(frozen=True)
class SourcePhoto:
    path: str
    name: str  # URL-safe stem plus content hash: "manasik-3f2a9c1b20"
    header: PhotoHeader

    @property
    def fallback_format(self) -> str:
        """PNG stays PNG (graphics, screenshots) and transparency needs PNG; everything else is JPEG."""
        return "PNG" if self.header.format in ("PNG", "GIF") or self.header.has_alpha else "JPEG"


def target_widths(width: int, height: int) -> list[int]:
    """The standard widths below the photo's own, and the photo's own width when under the largest;
    none whose height WebP cannot hold (a phone's scrolling screenshot), but at least one."""
    widths = [w for w in WIDTHS if w < width]
    if width <= WIDTHS[-1]:
        widths.append(width)
    fitting = [w for w in widths if round(height * w / width) <= WEBP_MAX_SIDE]
    return fitting or [max(1, WEBP_MAX_SIDE * width // height)]


def url_safe_stem(path: Path) -> str:
    """'Foto Manasik (1).HEIC' -> 'foto-manasik-1': no spaces or commas to break a srcset."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower())[:STEM_LIMIT].strip("-") or "foto"


@lru_cache(maxsize=None)
def _source(path: str, modified: int) -> SourcePhoto:
    digest = hashlib.sha256(CACHE_KEY_VERSION + Path(path).read_bytes()).hexdigest()[:10]
    return SourcePhoto(path, f"{url_safe_stem(Path(path))}-{digest}", decodable_header(Path(path)))


def _save(image: Image.Image, image_format: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    profile = {"icc_profile": image.info["icc_profile"]} if image.info.get("icc_profile") else {}
    image.save(partial, image_format, **SAVE_OPTIONS[image_format], **profile)
    partial.replace(path)


def _variants(source: SourcePhoto, widths: list[int], formats: tuple[str, ...], cache_dir: Path) -> tuple[Variant, ...]:
    """Variants at `widths` in `formats`; the photo is decoded only if one is not cached yet."""
    width, height = source.header.width, source.header.height
    upright = None
    variants = []
    for target in widths:
        scaled_height = round(height * target / width)
        resized = None
        for image_format in formats:
            cached = cache_dir / f"{source.name}-{target}.{EXTENSIONS[image_format]}"
            if not cached.exists():
                if upright is None:
                    upright = decode_upright(Path(source.path))
                if resized is None:
                    resized = upright if target == width else upright.resize((target, scaled_height), Image.Resampling.LANCZOS)
                _save(resized, image_format, cached)
            variants.append(Variant(f"{VARIANT_FOLDER}/{cached.name}", str(cached), target, scaled_height, MIME[image_format]))
    return tuple(variants)


@lru_cache(maxsize=None)
def _photo(path: str, modified: int, cache_dir: str) -> Photo:
    source = _source(path, modified)
    formats = ("WEBP", source.fallback_format)
    variants = _variants(source, target_widths(source.header.width, source.header.height), formats, Path(cache_dir))
    return Photo(source.header.width, source.header.height, MIME[source.fallback_format], variants)


@lru_cache(maxsize=None)
def _full_size(path: str, modified: int, cache_dir: str) -> Variant:
    source = _source(path, modified)
    return _variants(source, [source.header.width], (source.fallback_format,), Path(cache_dir))[0]


def photo_variants(source: Path, cache_dir: Path) -> Photo:
    """The photo's upright size and its variants, made now unless the cache has them."""
    return _photo(str(source), Path(source).stat().st_mtime_ns, str(cache_dir))


def full_size_variant(source: Path, cache_dir: Path) -> Variant:
    """A clean copy of the photo at its own size, for links to the full photo."""
    return _full_size(str(source), Path(source).stat().st_mtime_ns, str(cache_dir))
