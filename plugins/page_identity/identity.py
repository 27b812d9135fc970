"""Who a page is: its plain title and summary, canonical address and share image (og:image)."""

from dataclasses import dataclass, field
from pathlib import Path

from sitelib.site_folders import SHARE_CARD_FOLDER
from sitelib.text import plain_text
from sitelib.value_digest import NOT_SHOWN

from . import card_image

CARD_FOLDER = SHARE_CARD_FOLDER


@dataclass(frozen=True)
class ShareImage:
    """The og:image of a page."""

    url: str
    width: int
    height: int
    alt: str
    mime: str = "image/jpeg"
    output_path: str = ""  # where the build writes a generated card
    cached_file: str = field(default="", metadata=NOT_SHOWN)  # the cached card it copies from (drawn when the build writes it, if missing)
    card: card_image.CardText | None = None  # what a generated card shows


def canonical_url(settings, content) -> str:
    return f"{settings['ABSOLUTE_SITEURL']}/{content.url}"


def card_text(settings, content) -> card_image.CardText:
    return card_image.CardText(
        site_name=settings["SITENAME"],
        headline=plain_text(content.title),
        date_line=getattr(content, "date_text", ""),
        detail_line=" · ".join(office.short_name for office in getattr(content, "offices", ())),
    )


def card_for(settings, content) -> ShareImage:
    """The generated card of `content`: where the cache keeps it and where the build publishes it."""
    card = card_text(settings, content)
    cached = card_image.card_path(card, Path(settings["CACHE_PATH"]) / CARD_FOLDER)
    output_path = card_output_path(content, card)
    return ShareImage(
        url=f"{settings['ABSOLUTE_SITEURL']}/{output_path}",
        width=card_image.WIDTH,
        height=card_image.HEIGHT,
        alt=f"Kartu berita: {content.plain_title}",
        output_path=output_path,
        cached_file=str(cached),
        card=card,
    )


def card_output_path(content, card: card_image.CardText) -> str:
    """Where a card is published: named by the article and what the card shows, so a name means one image."""
    return f"{CARD_FOLDER}/{content.slug}-{card.fingerprint()[:12]}.jpg"


def featured_image(settings, content) -> ShareImage | None:
    """The article's own photo (photos plugin), as its fallback JPEG (at most 80 KB), if it has one."""
    featured = getattr(content, "featured_photo", None)
    if not featured:
        return None
    variant = featured.photo.fallback
    return ShareImage(
        url=f"{settings['ABSOLUTE_SITEURL']}/{variant.published}",
        width=variant.width, height=variant.height, alt=featured.alt, mime=variant.mime,
    )


def add_identity(content, settings, with_card: bool) -> None:
    """Plain title and summary, canonical address, and (for articles) the share image."""
    content.plain_title = plain_text(content.title)
    content.plain_summary = plain_text(getattr(content, "summary", ""))
    content.canonical_url = canonical_url(settings, content)
    if with_card and content.save_as:  # nothing for items this build does not publish
        content.share_image = featured_image(settings, content) or card_for(settings, content)
