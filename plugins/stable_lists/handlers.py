"""Signal receiver of the stable lists plugin."""

import pelican.writers

from .paging import StablePaginator


def use_stable_pages(pelican_object) -> None:
    """Pelican's writer paginates every list with StablePaginator (it looks the class up when it writes)."""
    pelican.writers.Paginator = StablePaginator
