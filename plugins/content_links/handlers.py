"""Signal receiver: every content object's URL stored as a plain attribute."""

from sitelib.content import content_by_generator


def store_links(generators) -> None:
    for _, items in content_by_generator(generators):
        for content in items:
            content.href = content.url
