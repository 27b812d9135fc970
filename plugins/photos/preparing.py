"""Making a photo file that meets the repository's standard (see `standard`).

The photo is decoded upright in sRGB (see `decoding`), scaled so its long
edge is at most the standard's, and saved as JPEG at JPEG_QUALITY, or as PNG
when some pixel is transparent. Nothing of the original file but its pixels
is kept. A file still above MAX_BYTES is saved again at a lower quality,
then smaller, until it fits. The result depends only on the file's bytes
and the standard, so preparing twice gives the same bytes.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .decoding import decodable_header, decode_upright
from .standard import MAX_BYTES, Standard

# Chosen by measurement (`invoke bench`, README "Photos"): at 2,048 px a phone
# photo comes out at about 500 KB or less, and every variant the site serves
# (1,200 px at most) is made from it without visible loss.
JPEG_QUALITY = 80
LOWEST_QUALITY = 50
QUALITY_STEP = 10
SHRINK_STEP = 0.85  # when even LOWEST_QUALITY is too large: the long edge shrinks by this factor


@dataclass(frozen=True)
class PreparedPhoto:
    data: bytes
    suffix: str  # ".jpg" or ".png"
    width: int
    height: int


def fitted_size(width: int, height: int, max_edge: int) -> tuple[int, int]:
    """The size with the long edge at most `max_edge`, proportions kept."""
    scale = min(1.0, max_edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _decoded(path: Path, max_edge: int) -> Image.Image:
    """The upright sRGB pixels; a large JPEG is decoded at a reduced scale that still covers `max_edge`."""
    header = decodable_header(path)
    target = fitted_size(header.width, header.height, max_edge)
    # Stored sideways or not, a square of the short side's target keeps both sides at least their target.
    smaller = max(target) < max(header.width, header.height)
    return decode_upright(path, draft=min(target) if smaller else None)


def _transparent(image: Image.Image) -> bool:
    return image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255


def _encode(image: Image.Image, image_format: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _settled(image: Image.Image) -> Image.Image:
    """RGB unless some pixel is transparent as it will be saved: the choice of PNG is made on the final
    pixels (scaling can make a nearly opaque picture fully opaque, which must then be a JPEG)."""
    return image.convert("RGB") if image.mode == "RGBA" and not _transparent(image) else image


def _fitting(image: Image.Image) -> tuple[bytes, Image.Image, str]:
    """(data, pixels, format): the smallest change that brings the encoded photo under MAX_BYTES:
    lower quality, then fewer pixels."""
    edge = max(image.size)
    while True:
        size = fitted_size(image.width, image.height, edge)
        scaled = _settled(image if size == image.size else image.resize(size, Image.Resampling.LANCZOS))
        image_format = "PNG" if scaled.mode == "RGBA" else "JPEG"
        qualities = range(JPEG_QUALITY, LOWEST_QUALITY - 1, -QUALITY_STEP) if image_format == "JPEG" else (0,)
        for quality in qualities:
            data = _encode(scaled, image_format, quality)
            if len(data) <= MAX_BYTES:
                return data, scaled, image_format
        edge = max(1, int(edge * SHRINK_STEP))


def prepare_photo(path: Path, standard: Standard) -> PreparedPhoto:
    """The photo at `path` as a file that meets `standard`. Raises decoding.UnreadablePhoto."""
    image = _decoded(path, standard.max_edge)
    image.info = {}  # no colour profile or anything else of the original is written
    size = fitted_size(image.width, image.height, standard.max_edge)
    if size != image.size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    data, final, image_format = _fitting(image)
    return PreparedPhoto(data, ".png" if image_format == "PNG" else ".jpg", final.width, final.height)
