"""Reading editors' photos: JPEG, PNG, WebP, GIF and HEIC/HEIF, upright, in sRGB, without metadata.

Phones store photos sideways with an EXIF orientation tag, write GPS
position, camera maker and serial number into them, and iPhones save HEIC
with a wide-gamut colour profile. Nothing of that may reach readers except
the picture itself, the right way up.
"""

import io
from dataclasses import dataclass, replace
from pathlib import Path

import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()  # Image.open reads .heic/.heif from here on

# The largest phone cameras make 200 megapixels; nothing above this is decoded.
MAX_PIXELS = 250_000_000
# Camera formats may be that large; a PNG, GIF or WebP is a screenshot or a graphic, and decoding one
# costs far more memory per pixel (and is done again to find transparency): far fewer for those.
CAMERA_FORMATS = ("JPEG", "MPO", "HEIF", "AVIF")
MAX_GRAPHIC_PIXELS = 60_000_000
# A progressive JPEG has about 10 scans; each scan is a pass over the whole picture when decoding, so
# a small file with tens of thousands of them takes minutes to decode. Counted before any decode.
MAX_JPEG_SCANS = 100
# A photo's file holds at least a byte per few pixels; a small file declaring a
# huge picture (a "decompression bomb": 20 KB for 169 megapixels) is refused
# before decoding. Checked from this many pixels, so small graphics pass.
MAX_PIXELS_PER_BYTE = 1000
PROPORTION_CHECKED_FROM = 12_000_000
# JPEG holds at most 65,535 pixels a side (the full-size copy is a JPEG or PNG).
MAX_SIDE = 65_000
# Pillow's own guard (a warning, then an English error) is replaced by ours:
# every decode below reads the header first and refuses a photo too large.
Image.MAX_IMAGE_PIXELS = None
ORIENTATION_TAG = 0x0112
SIDEWAYS_ORIENTATIONS = {5, 6, 7, 8}  # rotated by 90°: width and height swap
# The formats a photo may be in. Pillow reads many more (TIFF, BMP, EPS through
# Ghostscript, …) whatever a file is called; none of them is a phone photo.
Image.init()  # load every plugin, so the names below are known when Image.open checks them
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF")  # JPEG includes MPO (multi-picture JPEG)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# Everything Pillow may raise on a file that is not a readable image.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class UnreadablePhoto(Exception):
    """The file is not an image we can read (corrupt, truncated, unknown format)."""


class OversizedPhoto(UnreadablePhoto):
    """The photo declares more pixels than we decode, or far more than its file can hold."""

    def __init__(self, header: "PhotoHeader"):
        super().__init__(f"{header.width} x {header.height} pixels in {header.file_bytes} bytes")
        self.header = header


@dataclass(frozen=True)
class PhotoHeader:
    """What a photo is, read from its header only (no decoding)."""

    format: str  # Pillow's name: "JPEG", "PNG", "HEIF", …
    width: int  # upright, after the EXIF orientation
    height: int
    file_bytes: int
    has_alpha: bool
    mode: str = ""  # Pillow's colour mode as stored: "RGB", "L", "CMYK", "RGBA", "P", …
    scans: int = 1  # of a JPEG (at most; counted from its SOS markers)

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def pixel_limit(self) -> int:
        return MAX_PIXELS if self.format in CAMERA_FORMATS else MAX_GRAPHIC_PIXELS

    @property
    def too_many_pixels(self) -> bool:
        return self.pixels > self.pixel_limit or max(self.width, self.height) > MAX_SIDE

    @property
    def too_many_scans(self) -> bool:
        return self.scans > MAX_JPEG_SCANS

    @property
    def out_of_proportion(self) -> bool:
        """A file far too small for the picture it declares (a decompression bomb)."""
        return self.pixels >= PROPORTION_CHECKED_FROM and self.pixels > MAX_PIXELS_PER_BYTE * max(self.file_bytes, 1)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _scan_count(path: Path) -> int:
    """How many scans a JPEG has at most: its SOS markers (scan data never holds FF DA: a data byte FF is
    followed by 00)."""
    with open(path, "rb") as file:
        return file.read().count(b"\xff\xda")


def _orientation(image: Image.Image) -> int | None:
    """The EXIF orientation, read without decoding: Pillow decodes a whole PNG to find an eXIf chunk
    after the picture data, so for formats other than JPEG only EXIF found before it counts (as
    `exif_transpose` in decode_upright then finds it too)."""
    if image.format in ("JPEG", "MPO") or "exif" in image.info:
        return image.getexif().get(ORIENTATION_TAG)
    return None


def read_header(path: Path) -> PhotoHeader:
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            header = PhotoHeader(image.format or "", *image.size, Path(path).stat().st_size, _has_alpha(image), image.mode)
            if header.format in ("JPEG", "MPO"):
                header = replace(header, scans=_scan_count(path))
            if header.too_many_pixels or header.out_of_proportion or header.too_many_scans:
                return header  # refused as it is
            if _orientation(image) in SIDEWAYS_ORIENTATIONS:
                return replace(header, width=header.height, height=header.width)
            return header
    except DECODE_ERRORS as error:
        raise UnreadablePhoto(str(error)) from error


def decodable_header(path: Path) -> PhotoHeader:
    """The header of a photo we may decode; OversizedPhoto before any pixel is read otherwise."""
    header = read_header(path)
    if header.too_many_pixels or header.out_of_proportion or header.too_many_scans:
        raise OversizedPhoto(header)
    return header


def verify_decodes(path: Path) -> None:
    """Decode the whole photo once, or raise UnreadablePhoto (a truncated or corrupt file).

    A JPEG is decoded at an eighth of its size (libjpeg scales while decoding),
    which still reads every byte of its data; other formats are decoded whole.
    """
    decodable_header(path)
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            if image.format == "JPEG":
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
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


def decode_upright(path: Path, draft: int | None = None) -> Image.Image:
    """The photo's pixels, upright, RGB (RGBA if it has transparency), sRGB, with no metadata at all.

    With `draft`, a JPEG may be decoded at a reduced scale (libjpeg scales while
    decoding) that keeps both sides at least `draft` pixels: a 200-megapixel
    photo is read in a fraction of the time and memory.
    """
    decodable_header(path)
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as opened:
            if draft and opened.format in ("JPEG", "MPO"):
                opened.draft(opened.mode, (draft, draft))
            alpha = _has_alpha(opened)
            # Turned as read_header reads the orientation (for a PNG, only EXIF before the picture data).
            upright = ImageOps.exif_transpose(opened) if _orientation(opened) else opened.copy()
            upright.info.setdefault("icc_profile", opened.info.get("icc_profile"))
            return _to_srgb(upright, "RGBA" if alpha else "RGB")
    except DECODE_ERRORS as error:
        raise UnreadablePhoto(str(error)) from error
