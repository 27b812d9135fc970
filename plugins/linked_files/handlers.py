"""Signal receivers of the linked_files plugin."""

from pelican.contents import Article, Page

from sitelib.content import all_articles, all_pages

from .file_markup import linked_body
from .resolving import FileResolver
from .write import write_files


def add_files(content) -> None:
    """Point the body's links to documents, videos and audio files at their published copies."""
    if not isinstance(content, (Article, Page)) or not getattr(content, "source_path", None):
        return  # static files have no body
    content._content, content.linked_files = linked_body(content._content, FileResolver(content), content.settings["SITEURL"])


def write_article_files(generator, writer) -> None:
    write_files(all_articles(generator), generator.output_path)


def write_page_files(generator, writer) -> None:
    write_files(all_pages(generator), generator.output_path)
