"""Share URLs: percent-encoding, the X length rule, one href per network."""

import re
from dataclasses import dataclass
from urllib.parse import quote

from .networks import Network

# X counts every link as 23 characters and allows 280 per post; the intent
# puts a space between the text and the link.
X_POST_LIMIT = 280
X_LINK_LENGTH = 23
POST_TEXT_LIMIT = X_POST_LIMIT - X_LINK_LENGTH - 1
ELLIPSIS = "…"

# twitter-text v3: these ranges weigh 1, every other code point 2.
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
# Characters that count 2: every character outside the light ranges (one pass of the regex engine per title,
# not a Python loop per character).
_HEAVY = re.compile("[^" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _LIGHT_RANGES) + "]")


def encode(value: str) -> str:
    """RFC 3986 percent-encoding of a query value: every reserved character, spaces as %20."""
    return quote(value, safe="")


def x_weighted_length(text: str) -> int:
    """Length of `text` as X counts it (Latin 1, CJK and emoji 2)."""
    return len(text) + len(_HEAVY.findall(text))


def post_text(title: str, limit: int = POST_TEXT_LIMIT) -> str:
    """`title`, shortened with "…" (at a word break where possible) so it fits beside the link."""
    if x_weighted_length(title) <= limit:
        return title
    budget = limit - x_weighted_length(ELLIPSIS)
    kept, used = [], 0
    for char in title:
        used += x_weighted_length(char)
        if used > budget:
            break
        kept.append(char)
    shortened = "".join(kept)
    word_break = shortened.rfind(" ")
    if word_break > len(shortened) * 2 // 3:
        shortened = shortened[:word_break]
    return shortened.rstrip() + ELLIPSIS


def share_fields(url: str, title: str, summary: str = "") -> dict[str, str]:
    """The values a network's params may use (see networks.toml)."""
    return {
        "url": url,
        "title": title,
        "summary": summary,
        "post_text": post_text(title),
        "mail_body": f"{summary}\r\n\r\n{url}" if summary else url,
    }


def build_href(network: Network, fields: dict[str, str], encoded: dict[str, str] | None = None) -> str:
    """The share link of one network; buttons (print, copy, native) get the page URL. `encoded` remembers
    each parameter template's encoded value for the other networks of the same page (most share "{url}")."""
    if network.kind != "link":
        return fields["url"]
    encoded = {} if encoded is None else encoded
    values = []
    for name, template in network.params:
        if template not in encoded:
            encoded[template] = encode(template.format_map(fields))
        values.append(f"{name}={encoded[template]}")
    return f"{network.base}?{'&'.join(values)}"


@dataclass(frozen=True)
class ShareButton:
    """One button of the share bar, as templates read it."""

    id: str
    label: str
    accessible_name: str
    kind: str
    href: str
    icon: str  # SVG path data on a 24x24 viewBox

    @property
    def opens_new_tab(self) -> bool:
        return self.kind == "link" and not self.href.startswith("mailto:")


class ShareBar(tuple):
    """One page's share buttons, in order (a tuple: it cannot change after it is made). What an incremental
    build digests of it (sitelib/value_digest.py) is what `share_buttons` makes it from, not the thirty-odd
    texts it holds: the networks chosen, the address, title and summary. Anything else it shows comes from the
    network registry and settings, which are part of the build's fingerprint."""

    def __new__(cls, buttons, made_from: tuple):
        bar = super().__new__(cls, buttons)
        bar.made_from = made_from
        return bar

    def __digest__(self) -> tuple:
        return self.made_from


def share_buttons(networks: list[Network], url: str, title: str, summary: str = "") -> ShareBar:
    """The share bar for one page, in the order of `networks`."""
    fields, encoded = share_fields(url, title, summary), {}
    return ShareBar(
        (ShareButton(n.id, n.label, n.accessible_name, n.kind, build_href(n, fields, encoded), n.icon) for n in networks),
        (tuple(n.id for n in networks), url, title, summary),
    )
