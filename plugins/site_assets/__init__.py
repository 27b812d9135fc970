"""Pelican plugin: theme CSS and JS minified (rcssmin, rjsmin) and fingerprinted.

Templates link assets with `asset_url("css/main.css")`; the file name carries
a hash of its content, so hosting can cache it forever. Pelican's own copy of
the theme's static files is switched off (THEME_STATIC_PATHS = []).
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.generator_init, handlers.add_template_function),
    Handler(signals.finalized, handlers.write_assets),
)


def register():
    connect(HANDLERS)
