"""The search index's files written into the output, through the output guard.

Files in the output may be hard links into the previous build (an
incremental build keeps what did not change), so nothing is written
through: a part's folder is removed and made anew, and each file is
unlinked first and created afresh.
"""

import shutil
from pathlib import Path

from sitelib.errors import SiteConfigError
from sitelib.output import output_file
from sitelib.site_folders import SEARCH_INDEX_FOLDER

from .stable_index import ENTRY


def _remove(path: Path) -> None:
    """Remove a file, a symbolic link (not what it points to) or a folder with all it holds."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_part(site: Path, part: str, files: dict[str, bytes]) -> None:
    """Replace site/pagefind/PART/ by `files` (names inside it); a name that would leave the output or the
    part's folder stops the build before anything is removed or written."""
    relative = f"{SEARCH_INDEX_FOLDER}/{part}"
    folder = output_file(site, relative)
    targets = {name: output_file(site, f"{relative}/{name}") for name in sorted(files)}
    outside = [name for name, target in targets.items() if not target.is_relative_to(folder) or target == folder]
    if outside:
        raise SiteConfigError(f"Indeks pencarian bagian {part}: berkas {', '.join(outside)} di luar foldernya.")
    _remove(Path(site) / relative)
    for name, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        with target.open("xb") as handle:
            handle.write(files[name])


def remove_other_parts(site: Path, parts: list[str]) -> None:
    """Remove everything in site/pagefind/ but the folders of `parts` (a year without articles any more, the
    index of before the parts)."""
    index = output_file(site, SEARCH_INDEX_FOLDER)
    if index.is_dir():
        for path in sorted(index.iterdir()):
            if path.name not in parts or not path.is_dir() or path.is_symlink():
                _remove(path)


def parts_present(site: Path) -> list[str]:
    """The folders of site/pagefind/ that hold a Pagefind bundle (its entry file), by name."""
    index = output_file(site, SEARCH_INDEX_FOLDER)
    return sorted(path.parent.name for path in index.glob(f"*/{ENTRY}") if path.is_file()) if index.is_dir() else []
