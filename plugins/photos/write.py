"""Copying the photo variants the published items use into output/."""

import shutil

from sitelib.output import output_file


def write_variants(items, output_path: str) -> None:
    for item in items:
        if not item.save_as:
            continue  # not published by this build
        for variant in getattr(item, "photo_variants", ()):
            target = output_file(output_path, variant.published)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(variant.cached, target)
