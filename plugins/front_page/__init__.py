"""Pelican plugin: what the front page leads with.

`lead_article` is the newest published article with a featured photo;
`category_latest` the newest three articles of each category, for the side
column on wide screens; `menu_categories` the categories the site menu on
every page links to (only them: Pelican's `categories` carries every
article too, so a menu reading it would tie every page to every article
and an incremental build would render them all again). Templates only
display them.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.article_generator_finalized, handlers.add_front_page,
        provides=("context.lead_article", "context.category_latest", "context.menu_categories"),
        needs=("article.featured_photo",),
    ),
)


def register():
    connect(HANDLERS)
