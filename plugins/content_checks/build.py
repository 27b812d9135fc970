"""The checks inside a Pelican build: content errors stop it, bodies are sanitised."""

from pathlib import Path

from pelican.contents import Article, Page

from sitelib.content import all_articles, all_pages
from sitelib.errors import ContentError

from . import rules, scan
from .sanitize import sanitize_html
from .source import read_source


def check_before_reading(generator) -> None:
    """Check every file's metadata before Pelican reads it, so editors get our messages."""
    errors = [f for f in scan.check_sources(generator.settings, with_bodies=False) if f.is_error]
    if errors:
        raise ContentError(errors)


def check_and_sanitize(content) -> None:
    """Note what is wrong in the body (images, links), then drop active content."""
    source_path = getattr(content, "source_path", None)
    if not isinstance(content, (Article, Page)) or not source_path:
        return  # static files (images) have no body
    path = Path(source_path)
    root, display = Path(content.settings["PATH"]), scan.display_path(path)
    found = rules.body_findings(display, content._content, None, root, path.parent)
    if found:  # read the source again only to give the editor line numbers
        found = rules.body_findings(display, content._content, read_source(path, display), root, path.parent)
    content.body_errors = [f for f in found if f.is_error]
    content._content = sanitize_html(content._content)


def _raise_body_errors(items) -> None:
    errors = [finding for item in items for finding in getattr(item, "body_errors", ())]
    if errors:
        raise ContentError(errors)


def raise_article_body_errors(generator) -> None:
    _raise_body_errors(all_articles(generator))


def raise_page_body_errors(generator) -> None:
    _raise_body_errors(all_pages(generator))
