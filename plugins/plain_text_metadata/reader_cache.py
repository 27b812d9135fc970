"""Dropping Pelican's reader cache when it was filled by another reader.

Pelican caches what a reader returned per file and reuses it until the file
changes (by its SHA-256: CHECK_MODIFIED_METHOD, so a fresh checkout in CI, with
new file times, still finds it), whatever the reader's code does now. A
stamp beside the cache names the reader that filled it: a fingerprint of the
reader's code (this plugin and sitelib/, where the one header parser lives),
the installed packages (Python-Markdown, typogrify, …) and the settings; a
different stamp discards the cache. So the cache can be kept between CI runs.
"""

from pathlib import Path

from sitelib.build_selection import LOCATION_SETTINGS
from sitelib.code_fingerprint import code_files, files_fingerprint, installed_packages, plain_settings

# The format of the stamp; the fingerprint does the rest.
READER_VERSION = "one-header-parser-4"
STAMP = "versi-pembaca.txt"
PROJECT = Path(__file__).resolve().parents[2]
READER_CODE = ("plugins/plain_text_metadata", "sitelib")


def reader_stamp(settings, project: Path = PROJECT) -> str:
    """What names the reader: its code, the packages and the settings (not where things are)."""
    digest = files_fingerprint(project, code_files(project, READER_CODE))
    digest.update(installed_packages().encode())
    digest.update(plain_settings(settings, LOCATION_SETTINGS).encode())
    return f"{READER_VERSION} {digest.hexdigest()}"


def discard_if_stale(cache: Path, stamp_text: str) -> None:
    """Delete Pelican's reader caches in `cache` unless the stamp names this reader."""
    stamp = cache / STAMP
    if stamp.is_file() and stamp.read_text().strip() == stamp_text:
        return
    for stale in cache.glob("*-Readers"):
        stale.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(stamp_text + "\n")
