"""Signal receivers of the page identity plugin."""

from pathlib import Path

from pelican.generators import ArticlesGenerator

from sitelib.build_selection import selection_for
from sitelib.content import all_articles, content_by_generator

from . import card_image
from .identity import CARD_FOLDER, add_identity, card_output_path, card_text
from .write import write_card


def add_identity_to_all(generators) -> None:
    """Identity of every article and page; share images (a photo or a drawn card) for articles."""
    for generator, items in content_by_generator(generators):
        with_card = isinstance(generator, ArticlesGenerator) and generator.settings.get("SHARE_CARD_IMAGES", True)
        if with_card:  # draw the missing cards on all cores first (not those the last build published already)
            selection = selection_for(generator.settings)
            cards = [card_text(generator.settings, c) for c in items_with_cards(items)]
            fresh = [card for card, c in zip(cards, items_with_cards(items))
                     if not selection.made_before(card_output_path(c, card))]
            card_image.draw_missing(fresh, Path(generator.settings["CACHE_PATH"]) / CARD_FOLDER)
        for content in items:
            add_identity(content, generator.settings, with_card)


def items_with_cards(items) -> list:
    return [c for c in items if c.save_as and not getattr(c, "featured_photo", None)]


def write_cards(generator, writer) -> None:
    """Copy the articles' cards into the output once the articles are written (or keep the last build's)."""
    selection = selection_for(generator.settings)
    for content in all_articles(generator):
        write_card(content, generator.output_path, selection.keep_file)
