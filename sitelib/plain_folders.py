"""Writing a new file below a folder without following a symbolic link on the way.

Content folders are untrusted: a folder of content/articles/ may be a symbolic
link to anywhere on the machine (`invoke check` calls it a GALAT, but a task may
run before anyone checks). `invoke new` and `invoke move-articles` create their
files here: every folder from the top down must be a real folder (or not exist
yet), the file must not exist. The writing itself walks down with folder handles
opened O_NOFOLLOW (a folder swapped for a link after the check is refused, not
followed) and creates the file with O_EXCL | O_NOFOLLOW.
"""

import os
from pathlib import Path


class WayRefused(Exception):
    """The file cannot be created there; the message says why (Indonesian)."""


def way_problem(top: Path, target: Path) -> str | None:
    """Why `target` (below `top`) cannot be created as a new file, or None: a symbolic link or a file on the way
    from `top` down, or something already at `target`."""
    if top not in target.parents:
        return f"{target} tidak di dalam {top}"
    if top.is_symlink():
        return f"{top} adalah tautan simbolik (symlink)"
    current = top
    for part in target.relative_to(top).parts[:-1]:
        current = current / part
        if current.is_symlink():
            return f"{current} adalah tautan simbolik (symlink)"
        if current.exists() and not current.is_dir():
            return f"{current} adalah berkas, bukan folder"
    if os.path.lexists(target):
        return f"{target} sudah ada"
    return None


FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def write_new_file(top: Path, target: Path, data: bytes) -> None:
    """Create `target` with `data`, and the folders it needs below `top` (`top` too, when its parent is a real
    folder: a fresh clone has no empty folders); WayRefused when `way_problem` says no, or when anything on the
    way turns out to be a link or a file while writing."""
    if not os.path.lexists(top) and top.parent.is_dir() and not top.parent.is_symlink():
        top.mkdir()
    problem = way_problem(top, target)
    if problem:
        raise WayRefused(problem)
    try:
        folder = os.open(top, FOLDER_FLAGS)
    except OSError as error:
        raise WayRefused(f"{top} bukan folder biasa ({error.strerror})") from None
    try:
        current = top
        for part in target.relative_to(top).parts[:-1]:
            current = current / part
            try:
                os.mkdir(part, dir_fd=folder)
            except FileExistsError:
                pass
            try:
                inner = os.open(part, FOLDER_FLAGS, dir_fd=folder)
            except OSError as error:
                raise WayRefused(f"{current} bukan folder biasa ({error.strerror})") from None
            os.close(folder)
            folder = inner
        try:
            descriptor = os.open(target.name, NEW_FILE_FLAGS, 0o644, dir_fd=folder)
        except OSError as error:
            raise WayRefused(f"{target} tidak bisa dibuat ({error.strerror})") from None
    finally:
        os.close(folder)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
