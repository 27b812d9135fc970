"""Pelican plugin: theme CSS and JS minified (rcssmin, rjsmin) and fingerprinted.

Templates link assets with `asset_url("css/main.css")`; the file name carries
a hash of its content, so hosting can cache it forever. Pelican's own copy of
the theme's static files is switched off (THEME_STATIC_PATHS = []).
"""

from pelican import signals

from . import publish


def register():
    signals.generator_init.connect(publish.add_template_function)
    signals.finalized.connect(publish.write_assets)
