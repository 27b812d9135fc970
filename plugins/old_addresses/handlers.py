"""Signal receiver of the old addresses plugin."""

from .write import write_old_uploads, write_redirects


def write_all_redirects(generator, writer) -> None:
    """Once the pages are written (after the articles), so a clash with any page is seen."""
    write_redirects(generator)


def write_all_old_uploads(generator, writer) -> None:
    """Once the pages and their photos and files are written: an old upload address shows a published file."""
    write_old_uploads(generator)
