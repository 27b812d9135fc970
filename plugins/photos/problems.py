"""What is wrong with a photo file, in the words `invoke check` and the build both use."""

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.numbers import format_decimal

from sitelib.content_files import is_picture
from sitelib.errors import ERROR

from .decoding import MAX_JPEG_SCANS, MAX_SIDE, OversizedPhoto, PhotoHeader, UnreadablePhoto, verify_decodes
from .standard import Standard, standard_reasons

UNREADABLE_HINT = "Simpan ulang foto dari ponsel atau kamera sebagai JPEG, PNG atau HEIC, lalu ganti berkasnya."
OVERSIZED_HINT = (
    "Simpan ulang foto aslinya dari ponsel atau kamera (paling besar 200 megapiksel), "
    "atau perkecil dulu, lalu ganti berkasnya."
)
PREPARE_COMMAND = "invoke prepare-photos"
PREPARE_HINT = (
    f"Jalankan `{PREPARE_COMMAND}`: foto disiapkan sesuai standar (paling besar {{edge}} piksel, "
    "JPEG tanpa metadata, paling besar 1 MB), nama dan rujukannya ikut diperbarui. "
    "Foto yang diunggah lewat editor web sudah disiapkan sendiri."
)
# Change when the decoding check would judge a file differently.
DECODE_CHECK_VERSION = b"full-decode-1"
DECODED_FINE = "utuh"


@dataclass(frozen=True)
class PhotoProblem:
    severity: str
    message: str
    hint: str


def _number(value: float, pattern: str = "#,##0") -> str:
    return format_decimal(value, format=pattern, locale="id")


def _size(header: PhotoHeader) -> str:
    return f"{_number(header.width)} × {_number(header.height)} piksel"


def unreadable(path: Path) -> PhotoProblem:
    return PhotoProblem(ERROR, f"foto '{os.path.relpath(path)}' tidak bisa dibaca: berkas rusak atau bukan gambar.", UNREADABLE_HINT)


def oversized(path: Path, header: PhotoHeader) -> PhotoProblem:
    megapixels = _number(header.pixels / 1_000_000, "#,##0.0")
    if max(header.width, header.height) > MAX_SIDE:
        why = f"sisi {_number(max(header.width, header.height))} piksel, di atas batas {_number(MAX_SIDE)} piksel"
    elif header.out_of_proportion:
        kilobytes = _number(header.file_bytes / 1024, "#,##0.0")
        why = f"berkas {kilobytes} KB menyatakan {megapixels} megapiksel, jauh terlalu kecil untuk foto sebesar itu"
    elif header.too_many_pixels:
        why = f"{megapixels} megapiksel, di atas batas {_number(header.pixel_limit // 1_000_000)} megapiksel untuk {header.format}"
    else:
        why = f"{_number(header.scans)} bagian (scan) JPEG, di atas batas {_number(MAX_JPEG_SCANS)}; foto biasa punya paling banyak belasan"
    return PhotoProblem(
        ERROR, f"foto '{os.path.relpath(path)}' ({_size(header)}) tidak diolah: {why}.", OVERSIZED_HINT,
    )


def problem_of(path: Path, error: UnreadablePhoto) -> PhotoProblem:
    """The problem an exception from decoding stands for."""
    return oversized(path, error.header) if isinstance(error, OversizedPhoto) else unreadable(path)


def not_standard(path: Path, reasons: list[str], standard: Standard) -> PhotoProblem:
    return PhotoProblem(
        ERROR, f"foto '{os.path.relpath(path)}' belum memenuhi standar foto situs: {'; '.join(reasons)}.",
        PREPARE_HINT.format(edge=_number(standard.max_edge)),
    )


def standard_problems(path: Path, standard: Standard) -> list[PhotoProblem]:
    """Why a photo file may not be in the repository as it is: unreadable, too large to decode, or not
    meeting the standard (`standard`); [] when it meets it. A file that does not meet it is decoded
    completely first, so a truncated or corrupt file is called what it is, not sent to be prepared.
    Judged once per version of the file (size and time) in a process: the build judges a photo for the
    folder and for each article showing it, and the live preview rebuilds in one process."""
    try:
        facts = path.stat()
    except OSError:
        return _judged(path, standard)
    return list(_remembered(str(path), os.getcwd(), facts.st_size, facts.st_mtime_ns, standard))


@lru_cache(maxsize=65536)
def _remembered(path: str, folder: str, size: int, modified: int, standard: Standard) -> tuple[PhotoProblem, ...]:
    return tuple(_judged(Path(path), standard))


def _judged(path: Path, standard: Standard) -> list[PhotoProblem]:
    try:
        reasons = standard_reasons(path, standard)
        if reasons:
            verify_decodes(path)
    except UnreadablePhoto as error:
        return [problem_of(path, error)]
    return [not_standard(path, reasons, standard)] if reasons else []


@lru_cache(maxsize=None)
def _digest(path: str, size: int, modified: int) -> str:
    """The content hash of a photo, computed once per version of the file in a run (many articles share photos)."""
    return hashlib.sha256(DECODE_CHECK_VERSION + Path(path).read_bytes()).hexdigest()


def _decodes_completely(path: Path, cache_dir: Path) -> bool:
    """Whether the whole photo decodes; the answer is kept under a hash of its bytes."""
    facts = path.stat()
    digest = _digest(str(path), facts.st_size, facts.st_mtime_ns)
    verdict = cache_dir / digest[:2] / digest
    if verdict.is_file():
        return verdict.read_text() == DECODED_FINE
    try:
        verify_decodes(path)
        fine = True
    except UnreadablePhoto:
        fine = False
    verdict.parent.mkdir(parents=True, exist_ok=True)
    partial = verdict.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(DECODED_FINE if fine else "rusak")
    partial.replace(verdict)
    return fine


def photo_problems(path: Path, standard: Standard, cache_dir: Path | None = None) -> list[PhotoProblem]:
    """Problems of a photo file an article or page references.

    A picture file (sitelib.content_files.is_picture: by its name or its
    first bytes) is judged on its own, once, with every photo in content/
    (`standard_problems`); its references add nothing but, with a cache
    folder (`invoke check`), a complete decode, cached by content hash, so a
    truncated file is caught before the build. Any other file is judged here.
    """
    problems = standard_problems(path, standard)
    if problems:
        return [] if is_picture(path) else problems
    if cache_dir is not None and not _decodes_completely(path, cache_dir):
        return [unreadable(path)]
    return []
