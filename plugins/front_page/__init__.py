"""Pelican plugin: what the front page leads with.

`lead_article` is the newest published article with a featured photo;
`category_latest` the newest three articles of each category, for the side
column on wide screens. Templates only display them.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.article_generator_finalized, handlers.add_front_page,
        provides=("context.lead_article", "context.category_latest"),
        needs=("article.featured_photo",),
    ),
)


def register():
    connect(HANDLERS)
