"""The search index's files put in their stable order, written through the output guard."""

from pathlib import Path

from sitelib.output import output_file

from .indexing import INDEX_FOLDER
from .stable_index import ENTRY, needed_files, stable_files


def stabilise_index(site: Path) -> None:
    """Rewrite Pagefind's filter, metadata and entry files of site/pagefind/ in a fixed order."""

    def read(name: str) -> bytes:
        return output_file(site, f"{INDEX_FOLDER}/{name}").read_bytes()

    names = needed_files(read(ENTRY), read)
    written, removed = stable_files({name: read(name) for name in names})
    for name in sorted(removed):
        output_file(site, f"{INDEX_FOLDER}/{name}").unlink()
    for name, data in sorted(written.items()):
        output_file(site, f"{INDEX_FOLDER}/{name}").write_bytes(data)
