"""Copying the documents, videos and audio files published items link to into output/."""

import shutil

from sitelib.output import output_file


def write_files(items, output_path: str) -> None:
    for item in items:
        if not item.save_as:
            continue  # not published by this build
        for linked in getattr(item, "linked_files", ()):
            target = output_file(output_path, linked.published)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(linked.path, target)
