"""Reading a Markdown source file's metadata block, with line numbers.

Uses Python-Markdown's own `meta` patterns, the ones Pelican's reader uses,
so a field is seen here exactly when Pelican sees it.
"""

from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

from sitelib.errors import Finding


@dataclass(frozen=True)
class MetaValue:
    name: str  # as the editor wrote it
    value: str
    line: int


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    meta: dict[str, MetaValue]  # by lowercase name
    body: str

    def value(self, name: str) -> str:
        entry = self.meta.get(name.lower())
        return entry.value if entry else ""

    def line_of(self, needle: str) -> int | None:
        """First line of the file containing `needle`."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if needle in line:
                return number
        return None


def parse_source(path: str, text: str) -> SourceFile:
    lines = text.splitlines()
    meta: dict[str, MetaValue] = {}
    current = None
    body_start = 0
    for index, line in enumerate(lines):
        if index == 0 and BEGIN_RE.match(line):
            continue
        if not line.strip() or (index > 0 and END_RE.match(line)):
            body_start = index + 1
            break
        match = META_RE.match(line)
        more = META_MORE_RE.match(line)
        if match:
            current = match.group("key")
            meta[current.lower()] = MetaValue(current, match.group("value").strip(), index + 1)
        elif more and current:
            previous = meta[current.lower()]
            meta[current.lower()] = MetaValue(current, f"{previous.value} {more.group('value').strip()}", previous.line)
        else:
            body_start = index
            break
    else:
        body_start = len(lines)
    return SourceFile(path, text, meta, "\n".join(lines[body_start:]))


def read_source(path: str | Path, display_path: str) -> SourceFile | Finding:
    """The parsed file, or the finding that says why it cannot be read."""
    data = Path(path).read_bytes()
    if not data.strip():
        return Finding(display_path, "", "berkas kosong.", hint="Isi metadata dan teks berita, atau hapus berkasnya.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Finding(
            display_path, "", f"berkas bukan UTF-8 (bita ke-{error.start + 1} tidak terbaca).", line,
            hint="Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai, Encoding: UTF-8).",
        )
    return parse_source(display_path, text.lstrip("\ufeff"))
