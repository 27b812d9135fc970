"""Pelican plugin: titles and summaries are plain text, shown as typed.

Pelican hands the raw `Title:` and `Summary:` to typogrify as if they were
HTML, so a bare `<` swallows text and `&amp;` turns into `&`. Our Markdown
reader escapes them first; typogrify then only adds curly quotes and
dashes, and every place that shows them (via `sitelib.text.plain_text`)
gets back exactly what the editor typed.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(signals.initialized, handlers.refuse_double_typogrify),
    Handler(signals.initialized, handlers.discard_stale_cache),
    Handler(signals.readers_init, handlers.install_reader, provides=(*both("escaped_title"), *both("escaped_summary"))),
)


def register():
    connect(HANDLERS)
