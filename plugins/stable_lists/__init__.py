"""Pelican plugin: list pages numbered from the oldest article, so a new article changes few of them.

Every paginated list (home, categories, tags, offices, regions, monthly
archives) keeps the newest articles on its own address and puts older ones
on archive pages `halaman/1/`, `halaman/2/`, … counted from the oldest
article (blocks.py). Pelican's writer has no setting for that; the plugin
gives it a Paginator of its own (paging.py) when Pelican starts. The
category, tag and author lists answer `in` at once (membership.py), which
Pelican asks once per article of the site for every such page it writes,
and the monthly archives are made in one pass over the articles
(period_archives.py) instead of one per month.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(signals.initialized, handlers.use_stable_pages),
    Handler(signals.article_generator_init, handlers.fast_period_archives),
    Handler(signals.article_generator_finalized, handlers.fast_membership),
)


def register():
    connect(HANDLERS)
