"""A Markdown reader whose plain-text metadata fields reach typogrify as escaped text."""

import html

from pelican.readers import MarkdownReader

# Fields an editor types as plain text. (Image texts and credits are never
# fed to typogrify; templates escape them.)
PLAIN_TEXT_FIELDS = ("title", "summary")


def as_html_text(value: str) -> str:
    """Text as HTML that means exactly that text: `<`, `>`, `&` and `\\` escaped.

    Quotes stay as typed so typogrify can curl them; the backslash is escaped
    because smartypants would otherwise treat it as an escape and drop it.
    """
    return html.escape(value, quote=False).replace("\\", "&#92;")


class PlainTextMarkdownReader(MarkdownReader):
    def process_metadata(self, name, value):
        if name in PLAIN_TEXT_FIELDS:
            if isinstance(value, list):  # continuation lines
                value = " ".join(part.strip() for part in value)
            value = as_html_text(value)
        return super().process_metadata(name, value)


def install(readers) -> None:
    """Read Markdown with our reader (the `readers_init` signal)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = PlainTextMarkdownReader
