"""What is wrong with a photo file, in the words `invoke check` and the build both use."""

import os
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from sitelib.errors import ERROR, WARNING

from .decoding import LARGE_FILE_BYTES, LARGE_SIDE_PIXELS, UnreadablePhoto, read_header

UNREADABLE_HINT = "Simpan ulang foto dari ponsel atau kamera sebagai JPEG, PNG atau HEIC, lalu ganti berkasnya."
LARGE_HINT = (
    "Perkecil foto sebelum disimpan (lebar 2.000–4.000 piksel sudah cukup); "
    "situs tetap membuat sendiri ukuran untuk pembaca."
)


@dataclass(frozen=True)
class PhotoProblem:
    severity: str
    message: str
    hint: str


def _number(value: float, pattern: str = "#,##0") -> str:
    return format_decimal(value, format=pattern, locale="id")


def unreadable(path: Path) -> PhotoProblem:
    return PhotoProblem(ERROR, f"foto '{os.path.relpath(path)}' tidak bisa dibaca: berkas rusak atau bukan gambar.", UNREADABLE_HINT)


def photo_problems(path: Path) -> list[PhotoProblem]:
    """Problems of an existing photo file, from its header only (fast enough for every check)."""
    try:
        header = read_header(path)
    except UnreadablePhoto:
        return [unreadable(path)]
    if not header.is_large:
        return []
    megabytes = _number(header.file_bytes / 1024 / 1024, "#,##0.0")
    return [PhotoProblem(
        WARNING,
        f"foto '{os.path.relpath(path)}' berukuran {megabytes} MB, {_number(header.width)} × {_number(header.height)} piksel "
        f"(di atas {LARGE_FILE_BYTES // 1024 // 1024} MB atau {_number(LARGE_SIDE_PIXELS)} piksel memperlambat build).",
        LARGE_HINT,
    )]
