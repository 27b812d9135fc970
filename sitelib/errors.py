"""Errors that stop the build with a message an editor can act on.

Pelican prints an exception's class and message and exits non-zero, so
the text must say what is wrong and how to fix it, in Indonesian.
"""

from dataclasses import dataclass
from pathlib import Path


class SiteConfigError(Exception):
    """A setting or a data file of the site is wrong."""


ERROR = "GALAT"
WARNING = "PERINGATAN"


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
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f"kolom {self.field}: " if self.field else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{where}: {self.severity}: {field}{self.message}{hint}"


class ContentError(Exception):
    """Content that must not be published as it is; lists every finding."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        lines = "\n".join(f"- {finding}" for finding in findings)
        super().__init__(
            f"{len(findings)} masalah pada konten; perbaiki lalu bangun ulang "
            f"(`invoke check` memeriksa semuanya):\n{lines}"
        )


def metadata_line(path: str | Path, field: str) -> int | None:
    """Line number of `Field:` in the metadata block of a Markdown file."""
    prefix = field.lower() + ":"
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return None  # the metadata block ends at the first blank line
        if line.lower().startswith(prefix):
            return number
    return None
