"""Signal receivers of the page identity plugin."""

from pathlib import Path

from pelican.generators import ArticlesGenerator

from sitelib.content import all_articles, content_by_generator

from . import card_image
from .identity import CARD_FOLDER, add_identity, card_text
from .write import write_card


def add_identity_to_all(generators) -> None:
    """Identity of every article and page; share images (a photo or a drawn card) for articles."""
    for generator, items in content_by_generator(generators):
        with_card = isinstance(generator, ArticlesGenerator) and generator.settings.get("SHARE_CARD_IMAGES", True)
        if with_card:  # draw the missing cards on all cores first; add_identity() then finds them cached
            cards = [card_text(generator.settings, c) for c in items if c.save_as and not getattr(c, "featured_photo", None)]
            card_image.draw_missing(cards, Path(generator.settings["CACHE_PATH"]) / CARD_FOLDER)
        for content in items:
            add_identity(content, generator.settings, with_card)


def write_cards(generator, writer) -> None:
    """Copy the articles' cards into the output once the articles are written."""
    for content in all_articles(generator):
        write_card(content, generator.output_path)
