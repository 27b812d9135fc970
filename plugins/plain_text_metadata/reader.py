"""Our Markdown reader: the header read by `sitelib.metadata`, plain-text fields escaped for typogrify.

Pelican's own Markdown reader leaves the header to Python-Markdown's `meta`
extension; `invoke check` and the office permission check would then read
headers with another parser, and a file could mean one thing to the check
and another to the build. This reader uses the one parser everything else
uses and gives Markdown only the body.
"""

import html
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from sitelib.metadata import parse_document
from sitelib.content_dates import DATE_FIELDS, content_datetime

from .typography import reader_typogrifies, typogrified

# Fields an editor types as plain text. (Image texts and credits are never
# fed to typogrify; templates escape them.)
PLAIN_TEXT_FIELDS = ("title", "summary")
META_EXTENSION = "markdown.extensions.meta"


def as_html_text(value: str) -> str:
    """Text as HTML that means exactly that text: `<`, `>`, `&` and `\\` escaped.

    Quotes stay as typed so typogrify can curl them; the backslash is escaped
    because smartypants would otherwise treat it as an escape and drop it.
    """
    return html.escape(value, quote=False).replace("\\", "&#92;")


def markdown_without_meta(settings: dict) -> dict:
    """Python-Markdown's settings as Pelican's reader completes them (every configured extension
    loaded), minus the `meta` extension it adds: the header is ours to read."""
    extensions = list(dict.fromkeys([*settings.get("extensions", []), *settings.get("extension_configs", {})]))
    return {**settings, "extensions": [name for name in extensions if name != META_EXTENSION]}


def render_body(body: str, settings) -> str:
    """A body's HTML as the build renders it (Python-Markdown with the site's settings)."""
    return Markdown(**markdown_without_meta(settings["MARKDOWN"])).convert(body)


class PlainTextMarkdownReader(MarkdownReader):
    def read(self, source_path):
        """The body rendered by Markdown, the header's first value of each key as metadata."""
        self._source_path = source_path
        # Plain UTF-8: parse_document drops the one byte-order mark Pelican's `utf-8-sig` drops
        # (reading with `utf-8-sig` here too would drop a second one).
        document = parse_document(Path(source_path).read_text(encoding="utf-8"))
        content = render_body(document.markdown_body, self.settings)
        metadata = {key: self.process_metadata(key, entry.value) for key, entry in document.metadata.items()}
        if reader_typogrifies(self.settings):  # as Pelican would after its cache (typography.py)
            content = typogrified(content, self.settings) if content else content
            for name in PLAIN_TEXT_FIELDS:
                if name in metadata:
                    metadata[name] = typogrified(metadata[name], self.settings)
        return content, metadata

    def process_metadata(self, name, value):
        if name in PLAIN_TEXT_FIELDS:
            value = as_html_text(value)
        value = super().process_metadata(name, value)
        if name in DATE_FIELDS:  # in the site's zone now, as Pelican would put it, formatted faster
            value = content_datetime(value, self.settings["TIMEZONE"])
        return value


def use_plain_text_reader(readers) -> None:
    """Read Markdown with our reader (the `readers_init` signal)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = PlainTextMarkdownReader
