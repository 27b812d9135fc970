"""Storing every content object's URL as a plain attribute."""

from pelican.generators import ArticlesGenerator, PagesGenerator

from sitelib.content import all_articles, all_pages


def store_links(generators) -> None:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            items = all_articles(generator)
        elif isinstance(generator, PagesGenerator):
            items = all_pages(generator)
        else:
            continue
        for content in items:
            content.href = content.url
