"""The repository's standard for a photo file, as a rule a program decides (issue #18).

A photo in content/ is a JPEG (a PNG only when it has transparency), at
most `max_edge` pixels on its long edge (the PHOTO_MAX_EDGE setting), at
most MAX_BYTES, with no metadata segment at all: no EXIF (so no
orientation tag: the picture is stored upright, and no GPS position), no
XMP, IPTC, ICC profile (colours are sRGB), comment, or data after the
image. `preparing` makes a file that meets it; `invoke check` and the build
refuse one that does not.
"""

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from babel.numbers import format_decimal
from PIL import Image

from .decoding import PHOTO_FORMATS, PhotoHeader, decodable_header

DEFAULT_MAX_EDGE = 2048
MAX_BYTES = 1_000_000
# The names a photo that meets the standard has, by format.
STANDARD_SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}
# JPEG segments a picture needs; APP0 is allowed only as the plain JFIF header.
# Frames (SOF0–SOF15 but 0xC8), Huffman and arithmetic tables, quantisation tables, line count, restart interval.
JPEG_PICTURE_MARKERS = frozenset({m for m in range(0xC0, 0xD0) if m != 0xC8} | {0xDB, 0xDC, 0xDD})
SOI, EOI, SOS, APP0 = 0xD8, 0xD9, 0xDA, 0xE0
JFIF_LENGTH = 16  # the JFIF header's segment length without a thumbnail
JPEG_SEGMENT_NAMES = {0xE1: "EXIF/XMP", 0xE2: "profil warna ICC", 0xED: "IPTC", 0xFE: "komentar"}
# PNG chunks a picture needs; every other chunk (tEXt, eXIf, iCCP, tIME, pHYs, …) is metadata.
PNG_PICTURE_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Standard:
    """The rule's one setting; the rest is fixed above."""

    max_edge: int = DEFAULT_MAX_EDGE


def standard_for(settings) -> Standard:
    return Standard(int(settings.get("PHOTO_MAX_EDGE", DEFAULT_MAX_EDGE)))


# A marker in or after scan data: FF followed by anything but a stuffed zero, a restart marker or a fill byte.
NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
# What may follow the first scan: more scans (progressive JPEG) and their tables.
BETWEEN_SCANS = frozenset({0xC4, 0xCC, 0xDA, 0xDB, 0xDC, 0xDD})
# Read at most this much of a photo to look for metadata; a larger file is refused for its size anyway.
SCAN_LIMIT = 64 * 1024 * 1024
NO_END = "tidak berakhir di akhir gambar (berkas terpotong)"
AFTER_END = "ada data lain setelah gambar (misalnya video foto bergerak)"
SECOND_PICTURE = "ada gambar kedua di dalam berkas"
UNKNOWN_DATA = "ada data yang tidak dikenal"
# What jpeg_metadata and png_metadata report that is the file's shape, not a metadata segment.
NOT_PICTURE = (NO_END, AFTER_END, SECOND_PICTURE, UNKNOWN_DATA)


def _segment_name(marker: int) -> str:
    if marker in JPEG_SEGMENT_NAMES:
        return JPEG_SEGMENT_NAMES[marker]
    return f"segmen APP{marker - APP0}" if APP0 <= marker <= APP0 + 15 else f"segmen 0x{marker:02X}"


def _jpeg_segment_allowed(marker: int, length: int, payload: bytes, in_scans: bool, first: bool) -> bool:
    """Whether a segment is part of the picture. The JFIF header is, once and first, and only
    without the thumbnail it may carry (a second, small picture): 16 bytes long."""
    if in_scans:
        return marker in BETWEEN_SCANS
    jfif = first and marker == APP0 and payload.startswith(b"JFIF\x00") and length == JFIF_LENGTH
    return marker in JPEG_PICTURE_MARKERS or marker == SOS or jfif


def jpeg_metadata(data: bytes) -> list[str]:
    """Names of everything in a JPEG file that is not its picture, [] when there is nothing else.

    The whole file is walked, segment by segment and scan by scan, so a
    segment hidden between the scans of a progressive JPEG or a second
    picture appended after the first is found too.
    """
    found: list[str] = []
    position, in_scans = 2, False
    while True:
        if in_scans:
            match = NEXT_MARKER.search(data, position)
            position = match.start() if match else len(data)
        else:
            while data[position:position + 2] == b"\xff\xff":
                position += 1  # fill bytes
        if position + 2 > len(data):
            found.append(NO_END)
            break
        if data[position] != 0xFF:
            found.append(UNKNOWN_DATA)
            break
        marker = data[position + 1]
        if marker == EOI:
            if data[position + 2:].strip(b"\x00"):
                found.append(AFTER_END)
            break
        if marker == SOI or position + 4 > len(data):
            found.append(SECOND_PICTURE if marker == SOI else NO_END)
            break
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        if not _jpeg_segment_allowed(marker, length, data[position + 4:position + 9], in_scans, position == 2):
            found.append(_segment_name(marker))
        in_scans = in_scans or marker == SOS
        position += 2 + length
    return list(dict.fromkeys(found))


def png_metadata(file: BinaryIO) -> list[str]:
    """Names of the PNG chunks that are not part of the picture, [] when there are none."""
    found: list[str] = []
    file.seek(len(PNG_SIGNATURE))
    while len(head := file.read(8)) == 8:
        length, kind = struct.unpack(">I", head[:4])[0], head[4:]
        if kind not in PNG_PICTURE_CHUNKS:
            found.append(f"chunk {kind.decode('latin-1')}")
        file.seek(length + 4, 1)  # data and CRC
        if kind == b"IEND":
            if file.read(1):
                found.append(AFTER_END)
            break
    return list(dict.fromkeys(found))


def has_transparency(path: Path) -> bool:
    """Whether some pixel of the picture is not fully opaque."""
    with Image.open(path, formats=PHOTO_FORMATS) as image:
        if image.mode not in ("RGBA", "LA", "PA", "RGBa", "La") and "transparency" not in image.info:
            return False
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255


def _number(value: float, pattern: str = "#,##0") -> str:
    return format_decimal(value, format=pattern, locale="id")


def _size_reasons(header: PhotoHeader, standard: Standard) -> list[str]:
    reasons = []
    if max(header.width, header.height) > standard.max_edge:
        reasons.append(f"sisi terpanjang {_number(max(header.width, header.height))} piksel, lebih dari {_number(standard.max_edge)}")
    if header.file_bytes > MAX_BYTES:
        reasons.append(f"berkas {_number(header.file_bytes / 1_000_000, '#,##0.0')} MB, lebih dari {_number(MAX_BYTES / 1_000_000)} MB")
    return reasons


def _format_reasons(path: Path, header: PhotoHeader) -> list[str]:
    suffix = path.suffix.lower()
    if header.format == "MPO":
        return ["JPEG berisi gambar tambahan (MPO)"]
    if header.format not in STANDARD_SUFFIXES:
        return [f"format {header.format}, bukan JPEG"]
    reasons = []
    if suffix not in STANDARD_SUFFIXES[header.format]:
        reasons.append(f"berisi {header.format} tetapi namanya tidak berakhiran {' atau '.join(STANDARD_SUFFIXES[header.format])}")
    if header.format == "PNG" and not has_transparency(path):
        reasons.append("PNG tanpa bagian transparan (foto disimpan sebagai JPEG)")
    return reasons


def _colour_reasons(header: PhotoHeader) -> list[str]:
    allowed = ("RGB", "L") if header.format == "JPEG" else ("RGB", "RGBA", "L", "LA", "P", "PA")
    return [] if header.mode in allowed else [f"warna {header.mode}, bukan RGB"]


def standard_reasons(path: Path, standard: Standard) -> list[str]:
    """Why the photo file does not meet the standard (Indonesian, short); [] when it does.

    Raises decoding.UnreadablePhoto for a file that is no photo we read.
    """
    header = decodable_header(path)
    reasons = _format_reasons(path, header) + _size_reasons(header, standard)
    if header.format in STANDARD_SUFFIXES:
        with open(path, "rb") as file:
            metadata = jpeg_metadata(file.read(SCAN_LIMIT)) if header.format == "JPEG" else png_metadata(file)
        segments = [name for name in metadata if name not in NOT_PICTURE]
        if segments:
            reasons.append("berisi metadata (" + ", ".join(segments) + ")")
        reasons += [name for name in metadata if name in NOT_PICTURE]
        reasons += _colour_reasons(header)
    return reasons
