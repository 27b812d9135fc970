"""Errors that stop the build with a message an editor can act on.

Pelican prints an exception's class and message and exits non-zero, so
the text must say what is wrong and how to fix it, in Indonesian.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from . import metadata


class SiteConfigError(Exception):
    """A setting or a data file of the site is wrong."""


ERROR = "GALAT"
WARNING = "PERINGATAN"


INVISIBLE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with every line break and control character written as an escape (\\n, \\x0b, \\u2028)."""
    return INVISIBLE.sub(lambda found: repr(found.group(0))[1:-1], text)


@dataclass(frozen=True)
class Finding:
    """One problem in one content file: where, which field, what is wrong, how to fix it."""

    path: str
    field: str
    message: str
    line: int | None = None
    severity: str = ERROR
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        """One line, whatever a file name or value holds: a line break in a path could otherwise
        start a workflow command (`::stop-commands::`) in a CI log."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f"kolom {self.field}: " if self.field else ""
        hint = f" {self.hint}" if self.hint else ""
        return printable(f"{where}: {self.severity}: {field}{self.message}{hint}")


class ContentError(Exception):
    """Content that must not be published as it is; lists every finding."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        lines = "\n".join(f"- {finding}" for finding in findings)
        super().__init__(
            f"{len(findings)} masalah pada konten; perbaiki lalu bangun ulang "
            f"(`invoke check` memeriksa semuanya):\n{lines}"
        )


def _file_text(path: str | Path) -> str | None:
    """A content file's text as written (byte-order mark and line ends kept), or None when it cannot be read."""
    try:
        return Path(path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def metadata_line(path: str | Path, field: str) -> int | None:
    """Line number of `Field:` in the header of a content file (read with the one header parser)."""
    text = _file_text(path)
    entry = metadata.parse_document(text).first(field) if text is not None else None
    return entry.line if entry else None


def file_line_containing(path: str | Path, needle: str) -> int | None:
    """The first line of a content file that contains `needle` (a photo reference in the body)."""
    text = _file_text(path)
    return metadata.line_containing(metadata.normalised_text(text), needle) if text is not None else None
