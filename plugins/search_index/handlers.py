"""Signal receivers of the search index plugin."""

from pathlib import Path

from sitelib.build_selection import selection_for
from sitelib.content import content_by_generator

from .in_parts import index_in_parts
from .parts import parts_of


def list_parts(generators) -> None:
    """Receiver of all_generators_finalized: the index's parts, from the articles and pages to be written
    (newest year first, then "lain"), for the search page (context `search_parts`)."""
    paths = [path for _, items in content_by_generator(generators) for item in items if (path := item.save_as)]
    for generator in generators:
        generator.context["search_parts"] = parts_of(paths)


def index_site(pelican) -> None:
    """Receiver of the "optimize" stage: index the output in parts unless SEARCH_INDEX is false."""
    if pelican.settings.get("SEARCH_INDEX", True):
        index_in_parts(Path(pelican.output_path), pelican.settings["SEARCH_SAVE_AS"], selection_for(pelican.settings))
