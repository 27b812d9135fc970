"""Pelican plugin: what identifies each article and page wherever it is shown or shared.

Each article and page gets `plain_title`, `plain_summary` (as typed, for
meta tags and share texts) and `canonical_url`; published articles get
`share_image` (the og:image): their featured photo, or a 1200×630 card
drawn from the title, date and offices (cached in cache/kartu/ by what it
shows). Setting: SHARE_CARD_IMAGES (default True).
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.all_generators_finalized, handlers.add_identity_to_all,
        provides=(*both("plain_title"), *both("plain_summary"), *both("canonical_url"), "article.share_image"),
        needs=(
            "article.featured_photo", "article.date_text", "article.offices",
            *both("body"), *both("escaped_title"), *both("escaped_summary"),
        ),
    ),
    Handler(signals.article_writer_finalized, handlers.write_cards, needs=("article.share_image",)),
)


def register():
    connect(HANDLERS)
