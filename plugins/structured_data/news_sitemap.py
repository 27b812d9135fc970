"""The Google News sitemap: articles of the last two days, at most 1,000."""

from datetime import datetime, timedelta
from xml.sax.saxutils import escape

WINDOW = timedelta(days=2)
LIMIT = 1000


def recent(articles, now: datetime) -> list:
    """Articles published within the window before `now`, newest first."""
    chosen = [a for a in articles if now - WINDOW <= a.date <= now]
    return sorted(chosen, key=lambda a: a.date, reverse=True)[:LIMIT]


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
