"""Pelican plugin: old addresses keep working.

An article or page imported from WordPress keeps its old address in
`Old_path`; the build writes a small page there (meta refresh, canonical
link, a visible link; in no sitemap, feed or search index) that sends the
reader to the item's current address, so a later rename or move keeps the
redirect right. An old address that another page of the site already uses
stops the build.

Old WordPress upload addresses of imported photos and files
(content/unggahan-lama/OFFICE.toml, `old_uploads`) get a copy of what the
site publishes for that file, so links shared before the move keep working
on a host without redirect rules (GitHub Pages).
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(signals.page_writer_finalized, handlers.write_all_redirects, needs=(*both("plain_title"),)),
    Handler(signals.page_writer_finalized, handlers.write_all_old_uploads,
            needs=(*both("linked_files"), *both("photo_variants"))),
)


def register():
    connect(HANDLERS)
