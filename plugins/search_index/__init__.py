"""Pelican plugin: the Pagefind search index, built once the site is written.

It runs on the granular "optimize" stage, before pre-compression, when
SEARCH_INDEX is true. Pages mark what to index with data-pagefind-body and
give result filters with data-pagefind-filter (see the article template).
The same site always gives the same index: pages go to Pagefind in the order
of their paths (indexing.py) and its filter files are put in order
(stable_index.py).
"""

import pelican.plugins.granular_signals
from blinker import signal

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signal("optimize"), handlers.index_site),
)


def register():
    pelican.plugins.granular_signals.register()
    connect(HANDLERS)
