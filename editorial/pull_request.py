"""A pull request read as data from git: which files it changes and what they hold.

Nothing from the pull request is checked out, run or filtered: the changes
come from `git diff -z --raw BASE...HEAD` (additions, changes, deletions,
renames, mode changes, with every path byte for byte) and each file's
content from its blob (`git cat-file blob`), so the base branch's code judges
the pull request's files without executing any of them.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

REGULAR_FILE_MODES = ("100644", "100755")
NO_FILE = "000000"


class GitError(Exception):
    """git could not answer (an unknown ref, no common history); the message is Indonesian."""


@dataclass(frozen=True)
class FileVersion:
    path: str  # as git names it, relative to the repository
    mode: str  # "100644", "120000" (symbolic link), "160000" (submodule), …
    blob: str

    @property
    def is_regular_file(self) -> bool:
        return self.mode in REGULAR_FILE_MODES


@dataclass(frozen=True)
class Change:
    status: str  # A added, M modified, D deleted, R renamed, C copied, T type changed
    before: FileVersion | None  # at the merge base
    after: FileVersion | None  # at the head


def _path(raw: bytes) -> str:
    return raw.decode("utf-8", errors="surrogateescape")


def parse_raw_diff(output: bytes) -> list[Change]:
    """Changes from `git diff -z --raw --no-abbrev` output."""
    fields = output.split(b"\0")
    changes = []
    index = 0
    while index < len(fields) and fields[index]:
        old_mode, new_mode, old_blob, new_blob, status = fields[index].lstrip(b":").decode().split(" ")
        letter = status[0]
        paths = 2 if letter in "RC" else 1
        names = [_path(raw) for raw in fields[index + 1: index + 1 + paths]]
        index += 1 + paths
        before = FileVersion(names[0], old_mode, old_blob) if old_mode != NO_FILE else None
        after = FileVersion(names[-1], new_mode, new_blob) if new_mode != NO_FILE else None
        changes.append(Change(letter, None if letter == "C" else before, after))
    return changes


class Repository:
    """Read-only questions to the git repository in `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _git(self, *args: str) -> bytes:
        result = subprocess.run(["git", *args], cwd=self.folder, capture_output=True)
        if result.returncode != 0:
            raise GitError(f"git {' '.join(args[:2])} gagal: {result.stderr.decode(errors='replace').strip()}")
        return result.stdout

    def commit(self, ref: str) -> str:
        """The commit a ref names; GitError when there is none."""
        try:
            return self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
        except GitError:
            raise GitError(f"'{ref}' bukan commit di repositori ini (ambil dulu dengan git fetch).") from None

    def changes(self, base: str, head: str) -> list[Change]:
        """What `head` changes since its merge base with `base`, renames detected."""
        output = self._git(
            "diff", "-z", "--raw", "--no-abbrev", "-M", "--no-ext-diff", "--no-textconv", "--ignore-submodules=none",
            f"{self.commit(base)}...{self.commit(head)}", "--",
        )
        return parse_raw_diff(output)

    def blob(self, sha: str) -> bytes:
        return self._git("cat-file", "blob", sha)

    def file_at(self, commit: str, path: str) -> FileVersion | None:
        """The file at `path` in `commit`, or None when there is none."""
        listed = self._git("--literal-pathspecs", "ls-tree", "-z", "--full-tree", commit, "--", path)
        if not listed:
            return None
        meta, name = listed.rstrip(b"\0").split(b"\t", 1)
        mode, kind, sha = meta.decode().split(" ")
        return FileVersion(_path(name), mode, sha) if kind == "blob" else None

    def files_containing(self, commit: str, texts: list[str], folders: list[str]) -> list[str]:
        """Paths below `folders` in `commit` whose content contains one of `texts` (fixed strings)."""
        patterns = [argument for text in texts for argument in ("-e", text)]
        result = subprocess.run(
            ["git", "--literal-pathspecs", "grep", "-z", "-l", "-F", "--no-textconv", *patterns, commit, "--", *folders],
            cwd=self.folder, capture_output=True,
        )
        if result.returncode not in (0, 1):  # 1: nothing found
            raise GitError(f"git grep gagal: {result.stderr.decode(errors='replace').strip()}")
        prefix = f"{commit}:".encode()
        return [_path(line[len(prefix):]) for line in result.stdout.split(b"\0") if line.startswith(prefix)]
