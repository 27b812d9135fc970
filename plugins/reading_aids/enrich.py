"""Reading aids on Pelican's articles."""

from sitelib.content import all_articles
from sitelib.text import plain_text

from .aids import link_neighbours, reading_minutes


def add_all(generator) -> None:
    for article in all_articles(generator):
        article.reading_time = f"{reading_minutes(plain_text(article._content))} menit baca"
    link_neighbours(generator.articles)
