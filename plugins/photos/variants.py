"""What the site publishes of a photo: a few widths in AVIF and WebP, and one fallback file.

The widths are those the layout shows a photo at (see WIDTHS). Every width
is published in WebP, and in AVIF too when, for this photo, AVIF is lighter
than WebP at the same quality (measured: PSNR of the largest width, see
`avif_pays`). Browsers without either load the single fallback: a JPEG (a
PNG for transparent photos) at the largest width, at most FALLBACK_MAX_BYTES,
which is also the file a link to the photo opens and the share image. All
of them together stay within PHOTO_BUDGET_BYTES: a photo too detailed for
that at the usual qualities is compressed harder (LEVELS).

Every variant is re-encoded from the decoded pixels (see `decoding`): no
EXIF, XMP, IPTC or comment survives, and the photo is upright. Variants are
cached by a hash of the photo's bytes and of `CACHE_KEY_VERSION`, so an
unchanged photo is not resized again. Encoders run on one thread: AVIF's
output depends on the thread count, and every build must give the same bytes.
"""

import hashlib
import io
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from sitelib.site_folders import PHOTO_VARIANT_FOLDER
from sitelib.value_digest import NOT_SHOWN

from .decoding import PhotoHeader, decodable_header, decode_upright

# Part of every variant's name: change it whenever variants would come out differently.
CACHE_KEY_VERSION = b"standard-avif-webp-fallback-budget-3"
# The widths the layout shows photos at, in device pixels: a list card's thumbnail (7.5rem on
# phones, 12rem on wide screens: at most 384 px on 2x and 3x screens), the article column on a phone
# at 2x (360-430 px wide: up to 860) and at 3x or on a 2x wide screen (42-46rem: 1,200 is enough).
WIDTHS = (400, 800, 1200)
WEBP_MAX_SIDE = 16383  # WebP stores at most this many pixels a side
VARIANT_FOLDER = PHOTO_VARIANT_FOLDER
# Qualities chosen by measurement on real photographs (`invoke bench`, README "Photos"): AVIF at 50
# matches WebP at 75 in PSNR on typical photos and is 20-35 % lighter.
SAVE_OPTIONS = {
    "WEBP": {"quality": 75, "method": 4},
    "AVIF": {"quality": 50, "speed": 6, "max_threads": 1},
    "PNG": {"optimize": True},
}
# AVIF is published when it is lighter and at most this much worse in PSNR than WebP (the same to the eye).
AVIF_PSNR_TOLERANCE_DB = 0.25
# The fallback JPEG: first this quality, lower in steps until it fits its byte limit (it is also the
# share image, which messengers load for every chat that shows the link), then fewer pixels.
FALLBACK_QUALITIES = (75, 70, 65, 60, 55, 50, 45, 40)
FALLBACK_MAX_BYTES = 80_000
FALLBACK_SHRINK_STEP = 0.85
# Every file published of one photo together, the fallback included, stays within this budget: a photo
# whose variants are heavier at one level (fine sand, foliage, a crowd) is made again at the next.
PHOTO_BUDGET_BYTES = 200_000
# And the file a phone loads for a photo across its screen (1,080-1,290 device pixels wide: the largest
# width of the best type offered) stays within this.
FIRST_SCREEN_BYTES = 60_000


@dataclass(frozen=True)
class Level:
    """How hard the variants of one photo are compressed."""

    webp: int  # WebP quality
    avif: int  # AVIF quality
    fallback_max_bytes: int


LEVELS = (
    Level(SAVE_OPTIONS["WEBP"]["quality"], SAVE_OPTIONS["AVIF"]["quality"], FALLBACK_MAX_BYTES),
    Level(65, 42, 65_000),
    Level(55, 35, 55_000),
    Level(45, 28, 45_000),
)
STEM_LIMIT = 100  # of a variant's file name, which also carries a hash and the width
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "AVIF": "image/avif"}
CHOICE_EXTENSION = "pilihan"  # the cached choice of a photo: its level and whether AVIF is published
SIZE_EXTENSION = "ukuran"  # beside a cached fallback: its width and height (it may be smaller than asked)


@dataclass(frozen=True)
class Variant:
    published: str  # path in the output: "images/varian/manasik-3f2a9c1b20-800.webp"
    cached: str = field(metadata=NOT_SHOWN)  # file in the cache it is copied from
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Photo:
    width: int  # upright
    height: int
    fallback: Variant  # the one JPEG (or PNG), for browsers without AVIF and WebP, links and sharing
    variants: tuple[Variant, ...]  # every file published, the fallback included

    @property
    def source_types(self) -> tuple[str, ...]:
        """The <source> types a <picture> offers, best first (AVIF, then WebP)."""
        return tuple(mime for mime in (MIME["AVIF"], MIME["WEBP"]) if any(v.mime == mime for v in self.variants))

    def srcset(self, mime: str, base_url: str) -> str:
        return ", ".join(f"{base_url}/{v.published} {v.width}w" for v in self.variants if v.mime == mime)


@dataclass(frozen=True)
class SourcePhoto:
    path: str
    name: str  # URL-safe stem plus content hash: "manasik-3f2a9c1b20"
    header: PhotoHeader

    @property
    def transparent(self) -> bool:
        return self.header.has_alpha


def target_widths(width: int, height: int) -> list[int]:
    """The layout's widths below the photo's own, and the photo's own width when under the largest;
    none whose height WebP cannot hold (a phone's scrolling screenshot), but at least one."""
    widths = [w for w in WIDTHS if w < width]
    if width <= WIDTHS[-1]:
        widths.append(width)
    fitting = [w for w in widths if round(height * w / width) <= WEBP_MAX_SIDE]
    return fitting or [max(1, WEBP_MAX_SIDE * width // height)]


def url_safe_stem(path: Path) -> str:
    """'Foto Manasik (1).HEIC' -> 'foto-manasik-1': no spaces or commas to break a srcset."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower())[:STEM_LIMIT].strip("-") or "foto"


def psnr(reference: Image.Image, encoded: bytes) -> float:
    """Peak signal-to-noise ratio of an encoded picture against the pixels it was made from, in dB."""
    with Image.open(io.BytesIO(encoded)) as decoded:
        difference = ImageChops.difference(reference.convert("RGB"), decoded.convert("RGB"))
    mean_square = sum(rms * rms for rms in ImageStat.Stat(difference).rms) / 3
    return 10 * math.log10(255 * 255 / mean_square) if mean_square else math.inf


def avif_pays(pixels: Image.Image, avif: bytes, webp: bytes) -> bool:
    """Whether AVIF is lighter than WebP for the same picture at (about) the same quality."""
    return len(avif) < len(webp) and psnr(pixels, avif) >= psnr(pixels, webp) - AVIF_PSNR_TOLERANCE_DB


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **{**SAVE_OPTIONS.get(image_format, {}), **options})
    return buffer.getvalue()


def fitted_fallback(image: Image.Image, max_bytes: int = FALLBACK_MAX_BYTES) -> bytes:
    """The fallback JPEG: the highest quality of FALLBACK_QUALITIES within `max_bytes`, else fewer pixels."""
    while True:
        for quality in FALLBACK_QUALITIES:
            data = encoded(image, "JPEG", quality=quality, optimize=True, progressive=True)
            if len(data) <= max_bytes:
                return data
        size = (max(1, int(image.width * FALLBACK_SHRINK_STEP)), max(1, int(image.height * FALLBACK_SHRINK_STEP)))
        image = image.resize(size, Image.Resampling.LANCZOS)


def fits_budget(sizes: list[int], widths: int) -> bool:
    """Whether a photo's files (in `published` order: the best type's widths first, the fallback last)
    fit PHOTO_BUDGET_BYTES together and the first type's largest width fits FIRST_SCREEN_BYTES."""
    return sum(sizes) <= PHOTO_BUDGET_BYTES and sizes[widths - 1] <= FIRST_SCREEN_BYTES


def _store(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


class _Pixels:
    """The photo's upright pixels at each width, decoded and resized only when a variant is not cached."""

    def __init__(self, source: SourcePhoto):
        self.source = source
        self._upright = None
        self._resized: dict[int, Image.Image] = {}

    def at(self, width: int) -> Image.Image:
        if width not in self._resized:
            if self._upright is None:
                self._upright = decode_upright(Path(self.source.path))
                self._upright.info = {}
            header = self.source.header
            size = (width, round(header.height * width / header.width))
            self._resized[width] = self._upright if size == self._upright.size else self._upright.resize(size, Image.Resampling.LANCZOS)
        return self._resized[width]


class _Maker:
    """Variants of one photo in the cache folder, at each compression level. A variant named in `elsewhere` is
    published already (S3 hosting) and is not made again when the cache lacks it: its name says what it is."""

    def __init__(self, source: SourcePhoto, cache_dir: Path, elsewhere: frozenset[str] = frozenset()):
        self.source, self.cache_dir, self.pixels = source, cache_dir, _Pixels(source)
        self.widths = target_widths(source.header.width, source.header.height)
        self.elsewhere = elsewhere

    def _made_already(self, cached: Path) -> bool:
        return cached.exists() or f"{VARIANT_FOLDER}/{cached.name}" in self.elsewhere

    def file(self, width: int, extension: str, level: int) -> Path:
        """The cached file: "manasik-3f2a9c1b20-800.webp", "…-800-2.webp" at level 2."""
        return self.cache_dir / f"{self.source.name}-{width}{f'-{level}' if level else ''}.{extension}"

    def variant(self, width: int, image_format: str, level: int) -> Variant:
        cached = self.file(width, EXTENSIONS[image_format], level)
        if not self._made_already(cached):
            quality = getattr(LEVELS[level], image_format.lower())
            _store(encoded(self.pixels.at(width), image_format, quality=quality), cached)
        return self._described(cached, width, MIME[image_format])

    def _described(self, cached: Path, width: int, mime: str, height: int | None = None) -> Variant:
        header = self.source.header
        height = height or round(header.height * width / header.width)
        return Variant(f"{VARIANT_FOLDER}/{cached.name}", str(cached), width, height, mime)

    def fallback(self, level: int) -> Variant:
        """The JPEG (PNG for a transparent photo) at the largest width or, to fit the level's limit, a little less."""
        image_format = "PNG" if self.source.transparent else "JPEG"
        width = self.widths[-1]
        cached = self.file(width, EXTENSIONS[image_format], level)
        measured = cached.with_name(f"{cached.name}.{SIZE_EXTENSION}")
        if measured.exists() and self._made_already(cached):
            size = tuple(int(number) for number in measured.read_text().split())
        else:
            if not cached.exists():
                pixels = self.pixels.at(width)
                data = fitted_fallback(pixels, LEVELS[level].fallback_max_bytes) if image_format == "JPEG" else encoded(pixels, "PNG")
                _store(data, cached)
            with Image.open(cached) as stored:
                size = stored.size
            _store(f"{size[0]} {size[1]}".encode(), measured)
        return self._described(cached, size[0], MIME[image_format], size[1])

    def published(self, level: int, with_avif: bool) -> tuple[Variant, ...]:
        """Every file published at `level`: AVIF (when chosen) and WebP at each width, then the fallback."""
        formats = ("AVIF", "WEBP") if with_avif else ("WEBP",)
        return tuple(self.variant(width, name, level) for name in formats for width in self.widths) + (self.fallback(level),)

    def _avif_pays(self, level: int) -> bool:
        width = self.widths[-1]
        webp, avif = (Path(self.variant(width, name, level).cached).read_bytes() for name in ("WEBP", "AVIF"))
        return avif_pays(self.pixels.at(width), avif, webp)

    def choice(self) -> tuple[int, bool]:
        """(level, with AVIF): the first level whose files fit PHOTO_BUDGET_BYTES and FIRST_SCREEN_BYTES
        (else the last), and `avif_pays` at that level's largest width; remembered in the cache."""
        remembered = self.cache_dir / f"{self.source.name}.{CHOICE_EXTENSION}"
        if not remembered.exists():
            self.elsewhere = frozenset()  # choosing weighs the files: they are made here
            for level in range(len(LEVELS)):
                with_avif = self._avif_pays(level)
                if fits_budget([Path(v.cached).stat().st_size for v in self.published(level, with_avif)], len(self.widths)):
                    break
            _store(f"{level} {int(with_avif)}".encode(), remembered)
        level, with_avif = remembered.read_text().split()
        return int(level), with_avif == "1"


@lru_cache(maxsize=None)
def _source(path: str, modified: int) -> SourcePhoto:
    digest = hashlib.sha256(CACHE_KEY_VERSION + Path(path).read_bytes()).hexdigest()[:10]
    return SourcePhoto(path, f"{url_safe_stem(Path(path))}-{digest}", decodable_header(Path(path)))


@lru_cache(maxsize=None)
def _photo(path: str, modified: int, cache_dir: str, elsewhere: frozenset[str]) -> Photo:
    source = _source(path, modified)
    maker = _Maker(source, Path(cache_dir), elsewhere)
    variants = maker.published(*maker.choice())
    return Photo(source.header.width, source.header.height, variants[-1], variants)


def photo_variants(source: Path, cache_dir: Path, elsewhere: frozenset[str] = frozenset()) -> Photo:
    """The photo's upright size and its variants, made now unless the cache has them (or, for the variants
    named in `elsewhere`, the published site has them)."""
    return _photo(str(source), Path(source).stat().st_mtime_ns, str(cache_dir), elsewhere)
