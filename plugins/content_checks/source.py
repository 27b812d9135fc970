"""A content file as the checks see it: its text, header entries with line numbers, and body.

The header is read by `sitelib.metadata`, the parser our Markdown reader
uses in the build, so a field is seen here exactly when Pelican sees it.
"""

from dataclasses import dataclass
from pathlib import Path

from sitelib.errors import Finding
from sitelib.metadata import Entry, line_containing, markdown_body, normalised_text, parse_document

MetaValue = Entry  # one header entry: name as written, value, line


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    meta: dict[str, MetaValue]  # the first entry of each key, by lowercase name
    body: str
    repeated: tuple[MetaValue, ...] = ()  # entries whose key was written before
    body_line: int = 1  # the body's first line

    def value(self, name: str) -> str:
        entry = self.meta.get(name.lower())
        return entry.value if entry else ""

    def line_of(self, needle: str) -> int | None:
        """First line of the file containing `needle`."""
        return line_containing(self.text, needle)

    @property
    def markdown_body(self) -> str:
        """The body as the build hands it to Markdown (sitelib.metadata.markdown_body)."""
        return markdown_body(self.body, self.body_line)


def parse_source(path: str, text: str) -> SourceFile:
    document = parse_document(text)
    return SourceFile(path, normalised_text(text), document.metadata, document.body, tuple(document.repeated), document.body_line)


def decode(data: bytes, display_path: str) -> str | Finding:
    """The file's text, or the finding that says why it has none."""
    if not data.strip():
        return Finding(display_path, "", "berkas kosong.", hint="Isi metadata dan teks berita, atau hapus berkasnya.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Finding(
            display_path, "", f"berkas bukan UTF-8 (bita ke-{error.start + 1} tidak terbaca).", line,
            hint="Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai, Encoding: UTF-8).",
        )


def parse_bytes(data: bytes, display_path: str) -> SourceFile | Finding:
    """A file's bytes (from disk or from git) parsed, or the finding that says why they cannot be."""
    text = decode(data, display_path)
    return text if isinstance(text, Finding) else parse_source(display_path, text)


def read_source(path: str | Path, display_path: str) -> SourceFile | Finding:
    """The parsed file, or the finding that says why it cannot be read."""
    return parse_bytes(Path(path).read_bytes(), display_path)
