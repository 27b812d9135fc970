"""Signal receivers of the page identity plugin."""

from pathlib import Path

from pelican.generators import ArticlesGenerator

from sitelib.build_selection import selection_for
from sitelib.content import all_articles, content_by_generator

from .card_drawing import CardDrawing
from .identity import CARD_FOLDER, add_identity, card_output_path, card_text
from .write import write_card


# The cards being drawn for a build (card_drawing.py), by output folder, until its articles are written.
_drawings: dict[str, CardDrawing] = {}


def add_identity_to_all(generators) -> None:
    """Identity of every article and page; share images (a photo or a drawn card) for articles, the missing cards
    drawn in other processes while the pages are written."""
    for generator, items in content_by_generator(generators):
        with_card = isinstance(generator, ArticlesGenerator) and generator.settings.get("SHARE_CARD_IMAGES", True)
        if with_card:  # start drawing the missing cards (not those the last build published already)
            selection = selection_for(generator.settings)
            carded = items_with_cards(items)
            cards = [card_text(generator.settings, c) for c in carded]
            fresh = [card for card, c in zip(cards, carded) if not selection.made_before(card_output_path(c, card))]
            unfinished = _drawings.pop(generator.output_path, None)
            if unfinished is not None:  # of a build of this folder that failed before its articles were written
                unfinished.cancel()
            _drawings[generator.output_path] = CardDrawing(fresh, Path(generator.settings["CACHE_PATH"]) / CARD_FOLDER)
        for content in items:
            add_identity(content, generator.settings, with_card)


def items_with_cards(items) -> list:
    return [c for c in items if c.save_as and not getattr(c, "featured_photo", None)]


def write_cards(generator, writer) -> None:
    """Copy the articles' cards into the output once the articles are written (or keep the last build's)."""
    drawing = _drawings.pop(generator.output_path, None)
    if drawing is not None:
        drawing.finish()
    selection = selection_for(generator.settings)
    for content in all_articles(generator):
        write_card(content, generator.output_path, selection.keep_file)
