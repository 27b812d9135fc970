"""Pelican plugin: ties articles to the offices of data/offices.toml.

Article metadata `Offices`, `Host_office`, `Reporting_office` become
`office_tags` (offices with their roles), `offices`, `host_office` and
`reporting_office`; every article gets `related_articles`. The plugin
writes /kantor/, /kantor/{code}/ and /wilayah/{region}/ with Atom feeds.
An unknown office stops the build. Setting: OFFICE_REGISTRY (the data file).
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.initialized, handlers.check_registry),
    Handler(
        signals.article_generator_finalized, handlers.tag_all,
        provides=(
            "article.office_tags", "article.offices", "article.host_office", "article.reporting_office",
            "article.related_articles",
            "context.office_listings", "context.region_listings", "context.office_groups",
        ),
    ),
    Handler(signals.article_writer_finalized, handlers.write_pages, needs=("context.office_listings", "context.region_listings")),
)


def register():
    connect(HANDLERS)
