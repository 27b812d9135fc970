"""Pelican plugin: what the front page leads with.

`lead_article` is the newest published article with a featured photo;
`category_latest` the newest three articles of each category, for the side
column on wide screens. Templates only display them.
"""

from pelican import signals

from . import selection


def register():
    signals.article_generator_finalized.connect(selection.add_front_page)
