"""Reading editors' photos: JPEG, PNG, WebP, GIF and HEIC/HEIF, upright, in sRGB, without metadata.

Phones store photos sideways with an EXIF orientation tag, write GPS
position, camera maker and serial number into them, and iPhones save HEIC
with a wide-gamut colour profile. Nothing of that may reach readers except
the picture itself, the right way up.
"""

import io
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()  # Image.open reads .heic/.heif from here on

LARGE_FILE_BYTES = 15 * 1024 * 1024
LARGE_SIDE_PIXELS = 8000
ORIENTATION_TAG = 0x0112
SIDEWAYS_ORIENTATIONS = {5, 6, 7, 8}  # rotated by 90°: width and height swap
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# Everything Pillow may raise on a file that is not a readable image.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class UnreadablePhoto(Exception):
    """The file is not an image we can read (corrupt, truncated, unknown format)."""


@dataclass(frozen=True)
class PhotoHeader:
    """What a photo is, read from its header only (no decoding)."""

    format: str  # Pillow's name: "JPEG", "PNG", "HEIF", …
    width: int  # upright, after the EXIF orientation
    height: int
    file_bytes: int
    has_alpha: bool

    @property
    def is_large(self) -> bool:
        return self.file_bytes > LARGE_FILE_BYTES or max(self.width, self.height) > LARGE_SIDE_PIXELS


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def read_header(path: Path) -> PhotoHeader:
    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(ORIENTATION_TAG) in SIDEWAYS_ORIENTATIONS:
                width, height = height, width
            return PhotoHeader(image.format or "", width, height, Path(path).stat().st_size, _has_alpha(image))
    except DECODE_ERRORS as error:
        raise UnreadablePhoto(str(error)) from error


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """`image` in `mode` (RGB or RGBA) with sRGB colours.

    An embedded profile (Display P3 from iPhones, CMYK press profiles) is
    converted away; without one, colours are taken as sRGB (CMYK converted
    directly). A profile LittleCMS cannot use is kept in the output instead.
    """
    profile = image.info.get("icc_profile")
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    kept_profile = None
    if profile:
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), SRGB, outputMode=mode
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            kept_profile = profile if image.mode == mode else None
    if image.mode != mode:
        image = image.convert(mode)
    image.info = {"icc_profile": kept_profile} if kept_profile else {}
    return image


def decode_upright(path: Path) -> Image.Image:
    """The photo's pixels, upright, RGB (RGBA if it has transparency), sRGB, with no metadata at all."""
    try:
        with Image.open(path) as opened:
            alpha = _has_alpha(opened)
            upright = ImageOps.exif_transpose(opened)
            upright.info.setdefault("icc_profile", opened.info.get("icc_profile"))
            return _to_srgb(upright, "RGBA" if alpha else "RGB")
    except DECODE_ERRORS as error:
        raise UnreadablePhoto(str(error)) from error
