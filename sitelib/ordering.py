"""The one order of articles and of pages, total so that two builds of the same content agree.

Pelican reads the content files as a set (their order changes with every
run and every filesystem) and sorts articles by date with a stable sort, so
articles sharing a date and time (editors round to the hour) came out in a
different order on each build: list pages, pagination, feeds, newer/older
links and related news all changed. Every ordering of articles uses
`newest_first` (pelicanconf's ARTICLE_ORDER_BY and the plugins), and
pages use `page_order` (PAGE_ORDER_BY); ties are broken by the slug and
then by the source file, which no two items share.
"""

from functools import lru_cache
from pathlib import PurePath


def source_key(item) -> str:
    """The item's source file relative to the content folder, '/'-separated ('' when it has none)."""
    relative = getattr(item, "relative_source_path", None) or getattr(item, "source_path", None) or ""
    return _posix(relative) if relative else ""


@lru_cache(maxsize=None)
def _posix(path) -> str:
    """`path` as '/'-separated text, worked out once per path: every sort of the site's articles asks for it."""
    return PurePath(path).as_posix()


def newest_first(article) -> tuple:
    """Sort key: the newest article first; on the same moment by slug, then by source file."""
    return (-article.date.timestamp(), getattr(article, "slug", "") or "", source_key(article))


def page_order(page) -> tuple:
    """Sort key of pages: by file name (Pelican's "basename" order, the menu's order), then by source file."""
    source = source_key(page)
    return (PurePath(source).name, source)
