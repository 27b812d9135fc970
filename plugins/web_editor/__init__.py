"""Pelican plugin: the web editor at /admin/.

Publishes Decap CMS (installed from npm by `invoke setup-editor`, pinned in
web_editor/package-lock.json) from our own output, with a configuration
made from data/metadata_fields.toml and data/offices.toml, our file format,
an Indonesian interface and a preview in the site's style (web_editor/src/).
The page has its own Content-Security-Policy and `noindex`.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.all_generators_finalized, handlers.write_editor),
)


def register():
    connect(HANDLERS)
