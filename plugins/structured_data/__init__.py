"""Pelican plugin: schema.org JSON-LD and the Google News sitemap.

Every article gets `json_ld` (NewsArticle with its offices as
GovernmentOrganization, and a BreadcrumbList); the home page gets the
publisher's Organization (`site_json_ld`). news-sitemap.xml lists the
articles of the last two days (at most 1,000). What it reads from other
plugins is declared in HANDLERS; the build checks PLUGINS against it.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.all_generators_finalized, handlers.add_json_ld,
        provides=("article.json_ld", "context.site_json_ld"),
        needs=(
            "article.plain_title", "article.plain_summary", "article.canonical_url", "article.share_image",
            "article.date_iso", "article.modified_iso", "article.reporting_office", "article.offices",
        ),
    ),
    Handler(
        signals.article_writer_finalized, handlers.write_news_sitemap,
        needs=("article.canonical_url", "article.plain_title", "article.date_iso"),
    ),
)


def register():
    connect(HANDLERS)
