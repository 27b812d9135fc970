"""Copying the generated share cards into output/."""

import shutil

from sitelib.output import output_file


def write_card(content, output_path: str) -> None:
    """Copy the cached card of `content` into the output folder."""
    image = getattr(content, "share_image", None)
    if image and image.cached_file:
        target = output_file(output_path, image.output_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image.cached_file, target)
