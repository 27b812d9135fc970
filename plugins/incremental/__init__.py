"""Pelican plugin: an incremental build keeps every output whose inputs are unchanged since the last build.

Active in the production build (INCREMENTAL_BUILD = True, publishconf.py); the preview only gets the clock.

With BUILD_PREVIOUS_OUTPUT naming the previous build's folder (`invoke publish` does), pages whose template
read the same values as last time, and files the plugins made from the same inputs, are hard-linked from there
instead of being made again (sitelib/build_selection.py says how that is decided). Every build, full or not,
writes the manifest of its output (.build-manifest.json) for the next one. The plugin:
- pins the build's clock to BUILD_NOW when it is set (clock.py) and starts the build's selection when
  Pelican starts; has Pelican remember each source's path relative to the content folder
  (relative_paths.py), format addresses from the fields their pattern names only (address_format.py)
  and take its content-cache stamps from the digests the build's check computed (cache_stamps.py; all in
  every build);
- has every template record which variables it reads (tracking.py);
- keeps compiled templates for the next build in the same process, the live preview's
  (sitelib/template_cache.py; in every build);
- has another process make the previous build's folders in the output while Pelican reads, once Pelican has
  emptied the output (sitelib/output_folders.py);
- gives Pelican a writer that keeps unchanged pages (writer.py);
- writes the manifest once everything else, compressed files included, is written (the last stage).
"""

import pelican.plugins.granular_signals
from blinker import signal
from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.initialized, handlers.start),
    Handler(signals.generator_init, handlers.track_template_reads),
    Handler(signals.generator_init, handlers.reuse_compiled_templates),
    Handler(signals.article_generator_preread, handlers.make_folders_ahead),
    Handler(signals.get_writer, handlers.selective_writer),
    Handler(signal("deploy"), handlers.write_manifest),
)


def register():
    pelican.plugins.granular_signals.register()
    connect(HANDLERS)
