"""Finding embeds in a rendered body: a paragraph that is only an address of a known provider.

Three ways an editor (or the WordPress importer) writes one, each alone on
its line:

    https://www.youtube.com/watch?v=M7lc1UVf-VE
    <https://youtu.be/M7lc1UVf-VE>
    [Manasik haji 2024](https://youtu.be/M7lc1UVf-VE "Keterangan di bawah video.")

The link text labels the embed, the link's title is its caption. An
address inside a sentence, in a list item or in code stays as it is.
"""

from bs4 import BeautifulSoup, NavigableString, Tag

from .embed_markup import embed_html
from .providers import Embed, recognise

# Typogrify turned "--" and "---" in a bare address into dashes, "..." into an ellipsis.
TYPOGRAPHY = str.maketrans({"\u2013": "--", "\u2014": "---", "\u2026": "..."})


def _address_text(text: str) -> str:
    return text.strip().translate(TYPOGRAPHY)


def _is_address(text: str, href: str) -> bool:
    """Link text that only repeats an address (an autolink) is no label."""
    text = _address_text(text).lower()
    bare = href.lower().split("://", 1)[-1]
    return text.startswith(("http://", "https://", "www.")) or text == bare


def paragraph_embed(paragraph: Tag) -> tuple[Embed, str, str] | None:
    """(embed, label, caption) when `paragraph` is only a provider's address, else None."""
    parts = [part for part in paragraph.contents if not (isinstance(part, NavigableString) and not part.strip())]
    if len(parts) == 1 and isinstance(parts[0], Tag) and parts[0].name == "a":
        link = parts[0]
        embed = recognise(link.get("href", ""))
        text = link.get_text()
        label = "" if _is_address(text, link.get("href", "")) else text
        return (embed, label, link.get("title", "")) if embed else None
    # A bare address: text only (typogrify may have wrapped an ampersand in <span class="amp">).
    if any(isinstance(part, Tag) and not (part.name == "span" and part.get("class") == ["amp"]) for part in parts):
        return None
    text = _address_text(paragraph.get_text())
    if not text or any(character.isspace() for character in text):
        return None
    embed = recognise(text)
    return (embed, "", "") if embed else None


def embed_body(html: str) -> tuple[str, tuple[Embed, ...]]:
    """`html` with every lone provider address made an embed, and the embeds in page order."""
    if not html or "http" not in html:
        return html, ()
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for paragraph in soup.find_all("p"):
        recognised = paragraph_embed(paragraph)
        if recognised is None:
            continue
        embed, label, caption = recognised
        paragraph.replace_with(BeautifulSoup(embed_html(embed, label, caption), "html.parser"))
        found.append(embed)
    return (str(soup), tuple(found)) if found else (html, ())
