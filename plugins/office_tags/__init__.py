"""Pelican plugin: ties articles to the offices of data/offices.toml.

Article metadata `Offices`, `Host_office`, `Reporting_office` become
`office_tags` (offices with their roles), `offices`, `host_office` and
`reporting_office`; every article gets `related_articles`. The plugin
writes /kantor/, /kantor/{code}/ and /wilayah/{region}/ with Atom feeds.
An unknown office stops the build. Setting: OFFICE_REGISTRY (the data file).
"""

from pelican import signals

from . import enrich, pages


def register():
    signals.initialized.connect(enrich.check_registry)
    signals.article_generator_finalized.connect(enrich.tag_all)
    signals.article_writer_finalized.connect(pages.write_pages)
