"""Pelican plugin: .gz and .br beside every text file, for hosts that serve them as they are.

On when PRECOMPRESS is true (the production build). Runs on the granular
"compress" stage, after the search index and the assets are written.
"""

import pelican.plugins.granular_signals
from blinker import signal

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signal("compress"), handlers.compress_output),
)


def register():
    pelican.plugins.granular_signals.register()
    connect(HANDLERS)
