"""Writing a new file below a folder without following a symbolic link on the way.

Content folders are untrusted: a folder of content/articles/ may be a symbolic
link to anywhere on the machine (`invoke check` calls it a GALAT, but a task may
run before anyone checks). `invoke new` and `invoke move-articles` create their
files here: every folder from the top down must be a real folder (or not exist
yet), the file must not exist, and it is opened with O_EXCL | O_NOFOLLOW.
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


def write_new_file(top: Path, target: Path, data: bytes) -> None:
    """Create `target` with `data`, and the folders it needs below `top`; WayRefused when `way_problem` says no
    (checked again here, at the moment of writing)."""
    problem = way_problem(top, target)
    if problem:
        raise WayRefused(problem)
    current = top
    for part in target.relative_to(top).parts[:-1]:
        current = current / part
        if not current.exists():
            current.mkdir()
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
