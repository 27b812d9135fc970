"""Copying the photo variants the published items use into output/."""

import shutil

from sitelib.build_selection import selection_at
from sitelib.output import OutputFolder


def write_variants(items, output_path: str) -> None:
    """Copy each variant from the cache, unless the last build's copy is kept: a variant's name holds the hash of
    the photo it was made from, so the name is its signature."""
    keep = selection_at(output_path).keep_file
    output, written = OutputFolder(output_path), set()
    for item in items:
        if not item.save_as:
            continue  # not published by this build
        for variant in getattr(item, "photo_variants", ()):
            if variant.published in written:
                continue  # a photo several items show
            written.add(variant.published)
            target = output.file(variant.published)
            if not target.exists() and not keep(variant.published, variant.published):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(variant.cached, target)
