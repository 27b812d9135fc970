"""Every content object a Pelican generator holds, whatever its status."""

from pelican.generators import ArticlesGenerator, PagesGenerator

ARTICLE_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations",
    "drafts", "drafts_translations",
)
PAGE_LISTS = (
    "pages", "translations", "hidden_pages", "hidden_translations",
    "draft_pages", "draft_translations",
)


def all_articles(generator: ArticlesGenerator) -> list:
    """Published, hidden and draft articles with their translations."""
    return [item for name in ARTICLE_LISTS for item in getattr(generator, name, [])]


def all_pages(generator: PagesGenerator) -> list:
    """Published, hidden and draft pages with their translations."""
    return [item for name in PAGE_LISTS for item in getattr(generator, name, [])]


def content_by_generator(generators):
    """(generator, all its articles or all its pages) for the article and page generators among `generators`."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            yield generator, all_articles(generator)
        elif isinstance(generator, PagesGenerator):
            yield generator, all_pages(generator)
