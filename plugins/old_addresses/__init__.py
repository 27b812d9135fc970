"""Pelican plugin: old addresses keep working.

An article or page imported from WordPress keeps its old address in
`Old_path`; the build writes a small page there (meta refresh, canonical
link, a visible link; in no sitemap, feed or search index) that sends the
reader to the item's current address, so a later rename or move keeps the
redirect right. An old address that another page of the site already uses
stops the build.
"""

from pelican import signals

from . import write


def register():
    signals.page_writer_finalized.connect(write.write_redirects)
