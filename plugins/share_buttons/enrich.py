"""What the share plugin puts on each article and page, from Pelican objects."""

import shutil
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from sitelib.content import all_articles, all_pages
from sitelib.output import output_file
from sitelib.site_folders import SHARE_CARD_FOLDER
from sitelib.text import plain_text

from . import card_image, links, networks

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
    cached_file: str = ""  # the cached card it copies from


def selected_networks(settings) -> list[networks.Network]:
    names = settings.get("SHARE_BUTTONS", networks.DEFAULT_SHARE_BUTTONS)
    return networks.select_networks(names, networks.load_registry())


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
    """The generated card of `content`, drawn now unless the cache has it."""
    card = card_text(settings, content)
    cached = card_image.cached_card(card, Path(settings["CACHE_PATH"]) / CARD_FOLDER)
    output_path = f"{CARD_FOLDER}/{content.slug}-{card.fingerprint()[:12]}.jpg"
    return ShareImage(
        url=f"{settings['ABSOLUTE_SITEURL']}/{output_path}",
        width=card_image.WIDTH,
        height=card_image.HEIGHT,
        alt=f"Kartu berita: {content.plain_title}",
        output_path=output_path,
        cached_file=str(cached),
    )


def featured_image(settings, content) -> ShareImage | None:
    """The article's own photo (photos plugin), at its largest variant, if it has one."""
    featured = getattr(content, "featured_photo", None)
    if not featured:
        return None
    variant = featured.photo.largest(featured.photo.mime)
    return ShareImage(
        url=f"{settings['ABSOLUTE_SITEURL']}/{variant.published}",
        width=variant.width, height=variant.height, alt=featured.alt, mime=variant.mime,
    )


def enrich(content, settings, chosen_networks, with_card: bool) -> None:
    """Attach plain texts, share buttons and (for articles) the preview image."""
    content.plain_title = plain_text(content.title)
    content.plain_summary = plain_text(getattr(content, "summary", ""))
    content.canonical_url = canonical_url(settings, content)
    content.share_buttons = links.share_buttons(
        chosen_networks, content.canonical_url, content.plain_title, content.plain_summary
    )
    if with_card and content.save_as:  # nothing for items this build does not publish
        content.share_image = featured_image(settings, content) or card_for(settings, content)


def write_card(content, output_path: str) -> None:
    """Copy the cached card of `content` into the output folder."""
    image = getattr(content, "share_image", None)
    if image and image.cached_file:
        target = output_file(output_path, image.output_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image.cached_file, target)


def check_settings(pelican) -> None:
    """Fail before any content is read when SHARE_BUTTONS names an unknown network."""
    selected_networks(pelican.settings)


def enrich_all(generators) -> None:
    """Share data on every article and page; preview cards for articles."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            items, with_card = all_articles(generator), generator.settings.get("SHARE_CARD_IMAGES", True)
        elif isinstance(generator, PagesGenerator):
            items, with_card = all_pages(generator), False
        else:
            continue
        chosen = selected_networks(generator.settings)
        if with_card:  # draw the missing cards on all cores first; enrich() then finds them cached
            cards = [card_text(generator.settings, c) for c in items if c.save_as and not getattr(c, "featured_photo", None)]
            card_image.draw_missing(cards, Path(generator.settings["CACHE_PATH"]) / CARD_FOLDER)
        for content in items:
            enrich(content, generator.settings, chosen, with_card)


def write_cards(generator, writer) -> None:
    """Copy the articles' cards into the output once the articles are written."""
    for content in all_articles(generator):
        write_card(content, generator.output_path)
