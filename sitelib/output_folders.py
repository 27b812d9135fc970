"""The previous build's folders, made ahead in a new build's output by another process.

An incremental build links most files of the previous build into its new output, and each file needs its
folder: at 50,000 articles about 90,000 folders (every article and list page has its own), and a `mkdir` on a
journaling disk takes 25–280 µs, one after another in the build as it links. So when an incremental build
starts, a child process makes every folder the previous build's files were in (from its manifest), while the
build reads the content on the other core; when the build links a file, its `mkdir` finds the folder made (a
lookup). Once the build is written, the folders made ahead that hold none of its files are removed again:
the output is exactly what a full build makes.

The build works out the folders from the manifest it has read and hands the list to the child; only plain
names are used (`plain_name`, the same rule as for the files the build links; never the build's own records),
always below the new output folder, which Pelican has just emptied: nothing can be made elsewhere. Folders are
made ahead only when the code and settings are those of the previous build (the same addresses); the build
waits for the child before it writes anything, so no plugin removes a folder the child is filling.
"""

import os
import posixpath
import subprocess
import sys
from pathlib import Path

from .site_folders import BUILD_RECORDS

PROJECT = Path(__file__).resolve().parents[1]


def plain_name(name: str) -> bool:
    """A '/'-separated path below a folder: relative, no '.' or '..' parts, no empty parts, no backslash or NUL."""
    return (name not in ("", ".", "..") and posixpath.normpath(name) == name and not name.startswith(("/", "../"))
            and not any(character in name for character in "\\\0\n\r"))


def folders_of(names) -> list[str]:
    """Every folder the plain file names lie in, each folder's parents included, parents first (never a name of
    the build's own records: a file the build writes)."""
    folders = set()
    for name in names:
        if not plain_name(name) or name.split("/", 1)[0] in BUILD_RECORDS:
            continue
        folder = posixpath.dirname(name)
        while folder and folder not in folders:
            folders.add(folder)
            folder = posixpath.dirname(folder)
    return sorted(folders, key=lambda folder: (folder.count("/"), folder))


def make_folders(output: Path, folders: list[str]) -> None:
    """Make `folders` below `output` (made already: left as they are); stop at the first other failure, the
    build makes what it needs itself."""
    for folder in folders:
        if not plain_name(folder):
            continue
        try:
            os.mkdir(os.path.join(output, folder))
        except FileExistsError:
            continue
        except (OSError, ValueError):
            return


def unused_folders(made: list[str], files) -> list[str]:
    """The folders in `made` that hold none of `files` (at any depth), deepest first."""
    used = set(folders_of(files))
    return [folder for folder in reversed(made) if folder not in used]


def remove_empty(output: Path, folders: list[str]) -> None:
    """Remove `folders` below `output`, deepest first; one that is not empty stays."""
    for folder in folders:
        try:
            os.rmdir(os.path.join(output, folder))
        except OSError:
            continue


class FolderMaker:
    """The child process making `folders` (plain names, parents first) in `output`."""

    def __init__(self, output: Path, folders: list[str]):
        self.output = Path(output)
        self.folders = folders
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sitelib.output_folders", str(self.output)], cwd=PROJECT,
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            self.process.stdin.write("\n".join(folders).encode("utf-8", "surrogateescape"))
            self.process.stdin.close()
        except OSError:  # the child is gone: the build makes its folders itself
            pass

    def wait(self) -> None:
        self.process.wait()

    def stop(self) -> None:
        """The build stopped: no more folders (the staging folder is being removed)."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()


def main(argv: list[str]) -> int:
    """`python -m sitelib.output_folders OUTPUT`: make the folders named on standard input (one a line) in OUTPUT."""
    output = Path(argv[0])
    folders = sys.stdin.buffer.read().decode("utf-8", "surrogateescape").split("\n")
    if output.is_dir():
        make_folders(output, folders)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
