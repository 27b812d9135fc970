"""Pelican plugin: each article's and page's URL, computed once.

Pelican's `Content.url` formats the URL pattern again on every access; a
listing page asks for ten of them, every article for its neighbours' and
related articles'. Templates read `href` instead, set here once per build.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (Handler(signals.all_generators_finalized, handlers.store_links, provides=both("href")),)


def register():
    connect(HANDLERS)
