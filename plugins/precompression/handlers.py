"""Signal receiver of the pre-compression plugin."""

from pathlib import Path

from .compress import compress_tree


def compress_output(pelican) -> None:
    """Receiver of the granular "compress" stage, when PRECOMPRESS is on."""
    if pelican.settings.get("PRECOMPRESS", False):
        compress_tree(Path(pelican.output_path), pelican.settings["THEME_STATIC_DIR"])
