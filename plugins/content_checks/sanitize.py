"""Sanitising article bodies and summaries with nh3 (the ammonia library).

Markdown may carry HTML; scripts, event handlers, `javascript:` URLs and
other active content never reach the page.
"""

import nh3

ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "picture", "source", "span", "time", "mark"}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang"}
ALLOWED_ATTRIBUTES = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "title", "rel"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "title"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


# Made once: nh3.clean would turn these sets into the sanitiser's own on every call.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={**ALLOWED_ATTRIBUTES, "*": GENERIC_ATTRIBUTES},
    link_rel=None,
    clean_content_tags={"script", "style"},
)


def sanitize_html(html: str) -> str:
    """`html` with only the allowed tags and attributes; script and style contents dropped."""
    if not html:
        return html
    return _CLEANER.clean(html)
