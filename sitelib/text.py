"""Plain text from the HTML that Pelican and typogrify produce."""

from markupsafe import Markup


def plain_text(html: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, white space folded.

    Titles come out of typogrify as HTML (`&#8220;`, `<span class="amp">`), and
    summaries as rendered Markdown; links, meta tags and images need the text.
    MarkupSafe's `striptags` does it fast; Markdown puts a line break between
    blocks, so paragraphs stay apart.
    """
    if not html:
        return ""
    return Markup(html).striptags()
