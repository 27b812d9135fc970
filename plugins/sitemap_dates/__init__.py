"""Pelican plugin: sitemap.xml is the same when the site is built twice.

Pelican's sitemap plugin gives every page without a date of its own (the
home page, categories, archives, office pages) the time of the build as
`<lastmod>`, as a local time without its zone. Those pages change when an
article changes: this plugin makes their lastmod the newest article's date
(or its `Modified`), in the site's TIMEZONE, so an unchanged site gives an
unchanged sitemap.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (Handler(signals.all_generators_finalized, handlers.pin_undated_lastmod),)


def register():
    connect(HANDLERS)
