"""A folder replaced whole or not at all: built beside it, then swapped in by renames.

`invoke publish` builds into a fresh staging folder next to output/ (one
filesystem, so each rename is atomic) and puts it in output/'s place only
when the build succeeded; a failed build leaves output/ as it was. The
target must lie strictly inside the project folder, so neither the project
nor anything outside it is ever renamed or removed.
"""

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .build_selection import abandon_selection
from .output import make_readable


class FolderSwapError(ValueError):
    """The folder to replace is not inside the project folder (message in Indonesian)."""


def swappable_target(target: Path, project: Path) -> Path:
    """`target` resolved; refused unless strictly inside `project` (never the project itself, nor above it)."""
    resolved, root = Path(target).resolve(), Path(project).resolve()
    if resolved == root or not resolved.is_relative_to(root):
        raise FolderSwapError(
            f"Folder keluaran {resolved} tidak berada di dalam folder proyek {root}; tidak ada yang diubah."
        )
    return resolved


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with two renames on one filesystem; the old tree is removed."""
    previous = target.with_name(f".{target.name}-lama")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    new.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


def build_and_swap(target: Path, project: Path, build: Callable[[Path], None]) -> Path:
    """`build(staging)` into a fresh folder beside `target`, made readable, then swapped in; return target.

    Whatever `build` raises, `target` is untouched and the staging folder removed."""
    final = swappable_target(target, project)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-baru-", dir=final.parent))
    try:
        build(staging)
        make_readable(staging)
        replace_folder(staging, final)
    finally:
        abandon_selection(staging)  # a build that stopped makes nothing more there
        shutil.rmtree(staging, ignore_errors=True)
    return final
