"""Signal receiver of the stable lists plugin."""

import pelican.writers

from .membership import with_fast_membership
from .paging import StablePaginator
from .period_archives import use_fast_period_archives


def use_stable_pages(pelican_object) -> None:
    """Pelican's writer paginates every list with StablePaginator (it looks the class up when it writes)."""
    pelican.writers.Paginator = StablePaginator


def fast_membership(generator) -> None:
    """Once Pelican has made the category, tag and author lists: membership in them at once (membership.py)."""
    with_fast_membership(generator)


def fast_period_archives(generator) -> None:
    """Pelican's monthly archives made in one pass over the articles (period_archives.py)."""
    use_fast_period_archives(generator)
