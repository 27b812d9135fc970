"""Signal receiver of the search index plugin."""

from pathlib import Path

from .indexing import build_index
from .stable_index import stabilised
from .write import write_index


def index_site(pelican) -> None:
    """Receiver of the "optimize" stage: index the output unless SEARCH_INDEX is false."""
    if pelican.settings.get("SEARCH_INDEX", True):
        site = Path(pelican.output_path)
        write_index(site, stabilised(build_index(site)))
