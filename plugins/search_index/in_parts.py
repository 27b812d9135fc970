"""The site indexed part by part (parts.py): each part's pages, its signature, and a Pagefind run only for a
part the incremental build does not keep."""

from pathlib import Path

from sitelib.build_selection import Selection
from sitelib.errors import SiteConfigError

from .indexing import FAILED, INDEX_FOLDER, build_index, indexable_pages, indexer_version
from .parts import disagreement, listed_parts, part_signature
from .stable_index import stabilised
from .write import parts_present, remove_other_parts, write_part


def search_page_parts(site: Path, search_page: str) -> list[str]:
    """The parts the written search page lists; it must list them exactly once."""
    path = site / search_page
    listed = listed_parts(path.read_text(encoding="utf-8")) if search_page and path.is_file() else None
    if listed is None:
        raise SiteConfigError(
            f"{FAILED}: halaman pencarian {search_page or '(SEARCH_SAVE_AS kosong)'} tidak ada atau tidak memuat "
            "satu daftar bagian indeks (data-search-parts, theme/templates/search.html)."
        )
    return listed


def index_in_parts(site: Path, search_page: str, selection: Selection) -> list[str]:
    """Index each part the search page lists, one Pagefind process after another, newest year first; a part
    whose folder the selection keeps is not indexed again. Returns the parts (re)written."""
    listed = search_page_parts(site, search_page)
    pages = indexable_pages(site, selection)
    problem = disagreement(listed, list(pages), search_page)
    if problem:
        raise SiteConfigError(f"{FAILED}: {problem}")
    remove_other_parts(site, listed)
    indexer = indexer_version() if listed else ""
    written = []
    for part in listed:
        if not selection.keep_folder(f"{INDEX_FOLDER}/{part}", part_signature(part, pages[part], indexer)):
            write_part(site, part, stabilised(build_index(site, list(pages[part]))))
            written.append(part)
    present = parts_present(site)
    if present != sorted(listed):
        raise SiteConfigError(
            f"{FAILED}: folder {INDEX_FOLDER}/ memuat bagian {' '.join(present) or 'kosong'}, "
            f"halaman pencarian mencantumkan {' '.join(listed) or 'kosong'}."
        )
    return written
