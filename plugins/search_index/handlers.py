"""Signal receiver of the search index plugin."""

from pathlib import Path

from .indexing import build_index
from .write import stabilise_index


def index_site(pelican) -> None:
    """Receiver of the "optimize" stage: index the output unless SEARCH_INDEX is false."""
    if pelican.settings.get("SEARCH_INDEX", True):
        site = Path(pelican.output_path)
        build_index(site)
        stabilise_index(site)
