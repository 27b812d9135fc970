"""Signal receiver of the old addresses plugin."""

from .write import write_redirects


def write_all_redirects(generator, writer) -> None:
    """Once the pages are written (after the articles), so a clash with any page is seen."""
    write_redirects(generator)
