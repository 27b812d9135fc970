"""Photos as phones and other tools make them, drawn with Pillow for the tests.

Each upright picture is 600 × 800 (portrait) with a red band at the top, so
a test can tell from any published variant whether it stands upright.
"""

import io
import struct
from pathlib import Path

import pillow_heif
from PIL import Image

pillow_heif.register_heif_opener()

UPRIGHT_SIZE = (600, 800)
CAMERA_MAKER = "SamsungUjiKamera"
CAMERA_MODEL = "SM-UJI155F"
CAMERA_SERIAL = "R58UJI0SERIAL42"
# Where the photo was taken: near Kankemenag Kab. Wonosobo.
GPS = {1: "S", 2: (7.0, 21.0, 36.0), 3: "E", 4: (109.0, 54.0, 0.0), 5: 0, 6: 780.0}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="KameraUji"/></rdf:RDF></x:xmpmeta>'
)
# IPTC byline "Fotografer Uji" inside a Photoshop APP13 segment.
IPTC_BYLINE = b"Fotografer Uji"
CAMERA_TEXTS = (CAMERA_MAKER.encode(), CAMERA_MODEL.encode(), CAMERA_SERIAL.encode(), IPTC_BYLINE, b"KameraUji")

# Rotation that stores an upright picture the way a phone does for each EXIF orientation.
STORED_AS = {1: None, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


def upright_picture(mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, UPRIGHT_SIZE, (30, 60, 200) if mode == "RGB" else (30, 60, 200, 255))
    image.paste((220, 20, 20) if mode == "RGB" else (220, 20, 20, 255), (0, 0, UPRIGHT_SIZE[0], 120))
    return image


def camera_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = CAMERA_MAKER
    exif[0x0110] = CAMERA_MODEL
    exif[0x0132] = "2024:05:02 08:15:00"
    exif[0x8825] = GPS
    exif.get_ifd(0x8769)[0xA431] = CAMERA_SERIAL  # BodySerialNumber
    return exif


def _with_app13(jpeg: bytes) -> bytes:
    """Insert a Photoshop/IPTC APP13 segment (Pillow cannot write one) after SOI."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(IPTC_BYLINE)) + IPTC_BYLINE
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def phone_jpeg(path: Path, orientation: int) -> None:
    """A JPEG stored sideways with orientation, GPS, maker, serial, XMP, IPTC and a comment."""
    stored = upright_picture()
    if STORED_AS[orientation]:
        stored = stored.transpose(STORED_AS[orientation])
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=90, exif=camera_exif(orientation), xmp=XMP, comment=b"KameraUji komentar")
    path.write_bytes(_with_app13(buffer.getvalue()))


def phone_heic(path: Path) -> None:
    """An iPhone-style HEIC: portrait, rotation as a HEIF transform, GPS and maker in EXIF."""
    stored = upright_picture().transpose(STORED_AS[6])
    stored.save(path, "HEIF", quality=85, exif=camera_exif(6).tobytes())


def cmyk_jpeg(path: Path) -> None:
    """A press-style CMYK JPEG: pure red (0 % cyan, 100 % magenta and yellow)."""
    Image.new("CMYK", (640, 400), (0, 255, 255, 0)).save(path, "JPEG", quality=95)


def transparent_png(path: Path) -> None:
    """A logo-like PNG: opaque green left half, fully transparent right half."""
    image = Image.new("RGBA", (640, 320), (0, 0, 0, 0))
    image.paste((20, 160, 60, 255), (0, 0, 320, 320))
    image.save(path, "PNG")


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "gps-6": folder / "ponsel-gps-orientasi-6.jpg",
        "gps-8": folder / "ponsel-orientasi-8.jpg",
        "heic": folder / "iphone-tegak.heic",
        "cmyk": folder / "cetak-cmyk.jpg",
        "png": folder / "logo-transparan.png",
    }
    phone_jpeg(made["gps-6"], 6)
    phone_jpeg(made["gps-8"], 8)
    phone_heic(made["heic"])
    cmyk_jpeg(made["cmyk"])
    transparent_png(made["png"])
    return made
