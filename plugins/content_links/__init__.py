"""Pelican plugin: each article's and page's URL, computed once.

Pelican's `Content.url` formats the URL pattern again on every access; a
listing page asks for ten of them, every article for its neighbours' and
related articles'. Templates read `href` instead, set here once per build.
"""

from pelican import signals

from . import links


def register():
    signals.all_generators_finalized.connect(links.store_links)
