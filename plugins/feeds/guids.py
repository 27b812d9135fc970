"""RSS item ids that readers must not open as links.

RSS 2.0 takes a <guid> without an isPermaLink attribute for a permalink, a
URL a reader may open. Pelican gives every feed item a `tag:` URI (RFC 4151,
from the item's link and date) and writes it without the attribute, so the
W3C Feed Validator rejects every item. The ids stay exactly as they are, so
readers do not see old items as new; only isPermaLink="false" is added.
Atom's <id> is any URI and needs nothing.

The receiver uses Pelican's `feed_generated` signal, sent with the
feedgenerator object after the items are added and before the file is
written, rather than `get_writer`: Pelican uses a single writer, so a plugin
supplying one would shut out any other (and the second one found is a
warning, fatal in our builds).
"""

from urllib.parse import urlsplit


def is_link(guid: str) -> bool:
    """Whether `guid` is an absolute http(s) URL, the only kind of id RSS may call a permalink."""
    parts = urlsplit(guid)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def mark_guids(items) -> None:
    """isPermaLink="false" on each feedgenerator item whose id is not a link; an explicit choice is kept."""
    for item in items:
        guid = item.get("unique_id")
        if guid is not None and item.get("unique_id_is_permalink") is None and not is_link(guid):
            item["unique_id_is_permalink"] = False

