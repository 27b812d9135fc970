"""The Google News sitemap: articles of the last two days, at most 1,000.

"The last two days" are counted back from the newest published article, not
from the build's clock, so two builds of the same content write the same
file. The site publishes every day, so the newest article is hours old and
the window is the one Google asks for.
"""

from datetime import timedelta
from xml.sax.saxutils import escape

from sitelib.ordering import newest_first

WINDOW = timedelta(days=2)
LIMIT = 1000


def recent(articles) -> list:
    """Articles published within the window before the newest one, in the site's order (newest first)."""
    if not articles:
        return []
    newest = max(a.date for a in articles)
    chosen = [a for a in articles if newest - WINDOW <= a.date]
    return sorted(chosen, key=newest_first)[:LIMIT]


def news_sitemap(entries: list[tuple[str, str, str]], publication: str, language: str = "id") -> str:
    """`entries`: (absolute URL, title, ISO 8601 publication date)."""
    urls = "".join(
        "<url>"
        f"<loc>{escape(url)}</loc>"
        "<news:news><news:publication>"
        f"<news:name>{escape(publication)}</news:name><news:language>{language}</news:language>"
        "</news:publication>"
        f"<news:publication_date>{published}</news:publication_date>"
        f"<news:title>{escape(title)}</news:title>"
        "</news:news></url>\n"
        for url, title, published in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}</urlset>\n"
    )
