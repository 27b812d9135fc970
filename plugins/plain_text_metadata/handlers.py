"""Signal receivers of the plain-text metadata plugin."""

from pathlib import Path

from . import reader, reader_cache
from .typography import reader_typogrifies


def discard_stale_cache(pelican) -> None:
    """Before anything is read: drop reader caches an older reader filled."""
    reader_cache.discard_if_stale(Path(pelican.settings["CACHE_PATH"]), reader_cache.reader_stamp(pelican.settings))


def refuse_double_typogrify(pelican) -> None:
    """Stop at once when both Pelican and our reader would typogrify (typography.py), even with every file cached."""
    reader_typogrifies(pelican.settings)


def install_reader(readers) -> None:
    """Read Markdown with our reader (the `readers_init` signal)."""
    reader.use_plain_text_reader(readers)
