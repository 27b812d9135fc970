"""Writing news-sitemap.xml into output/."""

from sitelib.output import output_file
from sitelib.site_folders import NEWS_SITEMAP


def write_news_sitemap_file(output_path: str, xml: str) -> None:
    output_file(output_path, NEWS_SITEMAP).write_text(xml, encoding="utf-8")
