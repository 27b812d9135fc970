"""Guarded writes inside the content folder: a file is written at once, through a temporary file in the same
folder (os.replace for a rewrite, a hard link for a new name, which never replaces a file), only below the
content folder, never through a symbolic link."""

import os
import stat
import tempfile
from pathlib import Path

from .report_lines import display

TEMPORARY_PREFIX = ".menyiapkan-"
TEMPORARY_SUFFIX = ".tmp"  # not a photo name: a file left by an interrupted run is never taken for a photo


def folder_inside(folder: Path, root: Path) -> bool:
    """Whether `folder` is the content folder or a folder below it, with no symbolic link on the way."""
    try:
        relative = folder.absolute().relative_to(root.absolute())
    except ValueError:
        return False
    current = root.resolve()
    for part in relative.parts:
        current = current / part
        if part in ("..", ".") or current.is_symlink() or not current.is_dir():
            return False
    return True


class WriteRefused(Exception):
    """A file that is not written (message in Indonesian)."""


def checked_place(path: Path, root: Path) -> None:
    """WriteRefused unless `path` is in a folder inside `root` and is not a symbolic link."""
    if not folder_inside(path.parent, root):
        raise WriteRefused(f"folder '{display(path.parent)}' berada di luar folder content atau melalui tautan simbolik")
    if path.is_symlink():
        raise WriteRefused(f"'{display(path)}' adalah tautan simbolik")


def _temporary_copy(folder: Path, data: bytes, mode_of: Path) -> Path:
    """A new file in `folder` holding `data`, with the permissions of `mode_of`."""
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, stat.S_IMODE(os.lstat(mode_of).st_mode))
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def replace_file(path: Path, data: bytes, root: Path) -> None:
    """Write `data` over the regular file `path` at once (a reader sees the old file or the new one)."""
    checked_place(path, root)
    temporary = _temporary_copy(path.parent, data, path)
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def create_file(path: Path, data: bytes, mode_of: Path, root: Path) -> None:
    """Write `data` as the new file `path`, at once; FileExistsError when anything has that name."""
    checked_place(path, root)
    temporary = _temporary_copy(path.parent, data, mode_of)
    try:
        os.link(temporary, path)  # never replaces anything, a symlink included
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the name is checked, then taken
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.rename(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
