"""Dropping Pelican's reader cache when it was filled by an older reader.

Pelican caches what a reader returned per file and reuses it until the file
changes, whatever the reader's code does now. A stamp beside the cache names
the reader behaviour that filled it; a different stamp discards the cache.
"""

from pathlib import Path

# Change when the reader's output changes for unchanged files.
READER_VERSION = "one-header-parser-3"
STAMP = "versi-pembaca.txt"


def discard_if_stale(cache: Path) -> None:
    """Delete Pelican's reader caches in `cache` unless the stamp names this reader."""
    stamp = cache / STAMP
    if stamp.is_file() and stamp.read_text().strip() == READER_VERSION:
        return
    for stale in cache.glob("*-Readers"):
        stale.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(READER_VERSION + "\n")
