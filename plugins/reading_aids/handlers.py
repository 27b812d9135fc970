"""Reading aids on Pelican's articles."""

from sitelib.content import all_articles
from sitelib.text import plain_text

from .aids import link_neighbours, reading_time_text


def add_reading_aids(generator) -> None:
    for article in all_articles(generator):
        article.reading_time = reading_time_text(plain_text(article._content))
    link_neighbours(generator.articles)
