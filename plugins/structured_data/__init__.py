"""Pelican plugin: schema.org JSON-LD and the Google News sitemap.

Every article gets `json_ld` (NewsArticle with its offices as
GovernmentOrganization, and a BreadcrumbList); the home page gets the
publisher's Organization (`site_json_ld`). news-sitemap.xml lists the
articles of the last two days (at most 1,000). Needs the share_buttons,
office_tags, indonesian_dates and site_assets plugins before it.
"""

from pelican import signals

from . import enrich


def register():
    signals.all_generators_finalized.connect(enrich.add_all)
    signals.article_writer_finalized.connect(enrich.write_news_sitemap)
