"""Plain text from the HTML that Pelican and typogrify produce."""

from bs4 import BeautifulSoup

# Elements after which text runs on as a new sentence or line.
BLOCK_TAGS = ["p", "br", "li", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figcaption"]


def plain_text(html: str) -> str:
    """Text of an HTML fragment: tags dropped, entities decoded, white space folded.

    Titles come out of typogrify as HTML (`&#8220;`, `<span class="amp">`), and
    summaries as rendered Markdown; links, meta tags and images need the text.
    Inline elements join without a space ("<em>kata</em>." stays "kata."),
    block elements are kept apart by one.
    """
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for block in soup.find_all(BLOCK_TAGS):
        block.insert_after(" ")
    return " ".join(soup.get_text().split())
