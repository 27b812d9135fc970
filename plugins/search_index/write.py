"""The search index's files written into the output, through the output guard."""

import shutil
from pathlib import Path

from sitelib.output import output_file

from .indexing import INDEX_FOLDER


def write_index(site: Path, files: dict[str, bytes]) -> None:
    """Replace site/pagefind/ by `files` (names inside it); a name that would leave the output stops the build."""
    folder = output_file(site, INDEX_FOLDER)
    targets = {name: output_file(site, f"{INDEX_FOLDER}/{name}") for name in sorted(files)}
    if folder.exists():
        shutil.rmtree(folder)
    for name, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[name])
