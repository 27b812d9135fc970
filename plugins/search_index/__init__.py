"""Pelican plugin: the Pagefind search index in parts, built once the site is written.

The index is split by year (parts.py): pagefind/2026/, pagefind/2025/, …,
and pagefind/lain/ for pages outside the year folders, each a complete
Pagefind bundle made by its own Pagefind process, so memory is one part's
and an incremental build re-indexes only the parts whose pages changed
(sitelib/build_selection.py). The list of parts is computed from the
content on all_generators_finalized (`search_parts`, for the search page,
which merges the parts in the browser); the index is built on the granular
"optimize" stage, before pre-compression, when SEARCH_INDEX is true, and
the build stops when the parts built differ from those the page lists.
Pages mark what to index with data-pagefind-body and give result filters
with data-pagefind-filter (see the article template). The same site always
gives the same index: pages go to Pagefind in the order of their paths
(indexing.py) and its filter files are put in order (stable_index.py).
"""

import pelican.plugins.granular_signals
from blinker import signal
from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.all_generators_finalized, handlers.list_parts, provides=("context.search_parts",)),
    Handler(signal("optimize"), handlers.index_site),
)


def register():
    pelican.plugins.granular_signals.register()
    connect(HANDLERS)
