"""The plan, as data: the photos that change, the reference edits of each content file, what is left alone.

planning.py makes it; writing.py carries it out; report_lines.py tells it.
"""

from dataclasses import dataclass, field
from pathlib import Path

from photos.standard import Standard


@dataclass(frozen=True)
class PhotoChange:
    """One photo that does not meet the standard, and what it becomes."""

    path: Path  # the photo now
    target: Path  # where the prepared photo goes: `path`, or a new name in the same folder
    digest: str  # sha256 of the prepared photo
    size_before: int
    size_after: int
    pixels_before: tuple[int, int]  # upright
    pixels_after: tuple[int, int]

    @property
    def renamed(self) -> bool:
        return self.target != self.path


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`: one reference to a renamed photo."""

    start: int
    end: int
    text: str
    photo: Path


def apply_edits(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text


@dataclass(frozen=True)
class FileEdits:
    """The planned edits of one content file, and its bytes when they were planned."""

    path: Path
    data: bytes
    edits: tuple[Edit, ...]

    def edited(self) -> bytes:
        """The file with the edits made; every other byte as it was (byte-order mark and line ends included)."""
        return apply_edits(self.data.decode("utf-8"), self.edits).encode("utf-8")


@dataclass
class Plan:
    standard: Standard
    root: Path
    changes: list[PhotoChange] = field(default_factory=list)
    meeting: int = 0  # photos that meet the standard already
    unreadable: int = 0  # photos that cannot be read or are too large to decode
    problems: list[str] = field(default_factory=list)  # one line each, Indonesian
    blocked: set[Path] = field(default_factory=set)  # photos left as they are: a reference cannot follow them
    files: dict[Path, FileEdits] = field(default_factory=dict)

    @property
    def renames(self) -> dict[Path, PhotoChange]:
        """The photos that get a new name, by their real path (how references are matched)."""
        return {change.path.resolve(): change for change in self.changes if change.renamed and change.path not in self.blocked}
