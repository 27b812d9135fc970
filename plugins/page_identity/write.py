"""Copying the generated share cards into output/."""

import shutil
from collections.abc import Callable
from pathlib import Path

from sitelib.output import output_file

from .card_image import cached_card


def never_kept(name: str, signature: str) -> bool:
    return False


def write_card(content, output_path: str, keep: Callable[[str, str], bool] = never_kept) -> None:
    """Copy the cached card of `content` into the output folder (drawn first if the cache lacks it), unless
    `keep` says the last build's copy stays: a card's name says what it shows, so the name is its signature."""
    image = getattr(content, "share_image", None)
    if image and image.cached_file:
        target = output_file(output_path, image.output_path)
        if keep(image.output_path, image.output_path):
            return
        if image.card is not None:
            cached_card(image.card, Path(image.cached_file).parent)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image.cached_file, target)
