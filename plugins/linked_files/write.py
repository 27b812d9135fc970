"""Copying the documents, videos and audio files published items link to into output/."""

import shutil

from sitelib.build_manifest import file_sha256
from sitelib.build_selection import selection_at
from sitelib.output import output_file


def write_files(items, output_path: str) -> None:
    """Copy each linked file, unless the last build published the same bytes there (kept as it is)."""
    keep = selection_at(output_path).keep_file
    for item in items:
        if not item.save_as:
            continue  # not published by this build
        for linked in getattr(item, "linked_files", ()):
            target = output_file(output_path, linked.published)
            if not target.exists() and not keep(linked.published, file_sha256(linked.path)):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(linked.path, target)
