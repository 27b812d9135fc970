"""The one reader of a content file's metadata header.

A content file is a header of `Key: value` lines, a blank line, and the
Markdown body. The build (our Markdown reader), `invoke check`, the office
permission check, the error locations of sitelib.errors and the importer all
read headers with `parse_document`, and the web editor's file format
(web_editor/src/pelican-format.js) follows the same rules, so no two of them
can see different values in one file.

The reference is what Pelican's own Markdown reader reads (the file opened as
`utf-8-sig` with universal newlines, then Python-Markdown's whitespace
normalisation and `meta` extension); tests/test_metadata_property.py checks
that the two agree on generated files. The rules:

- one byte-order mark at the start is dropped; CR LF and CR end lines like LF;
  nothing else ends a line (U+2028, form feed and the like stay inside the
  value, where `invoke check` reports them);
- before a header line is read, STX and ETX (U+0002, U+0003) are removed and
  its tabs are expanded to 4-column stops, as Python-Markdown does;
- a first line starting with `---` opens the header; a later line starting
  with `---` or `...` closes it;
- a key line is up to three spaces, a key of ASCII letters, digits, `_` and
  `-`, a colon, then the value; a line starting with four spaces continues
  the value before it (the entry keeps every line's part; `value` joins the
  non-empty parts with one space);
- the header ends at the first blank line (only white space, as Python's
  `str.strip` sees it), at the closing fence, or at the first line that is
  neither: that line starts the body, which is kept as written;
- values lose the white space around them (Python's `str.strip`: also
  no-break spaces, U+2028 and the like at the ends); a key may be written
  more than once (every occurrence is kept; the first one counts, `invoke
  check` refuses the repetition).
"""

import re
from dataclasses import dataclass

BYTE_ORDER_MARK = "\ufeff"
# Python-Markdown's tab_length (the site's MARKDOWN setting keeps the default).
TAB_LENGTH = 4
# Python-Markdown removes its placeholder markers STX and ETX from the source first.
MARKDOWN_REMOVES = str.maketrans("", "", "\x02\x03")
# Matched at the start of a line, as Python-Markdown's `meta` extension matches.
OPENING_FENCE = re.compile(r"-{3}")
CLOSING_FENCE = re.compile(r"-{3}|\.{3}")
KEY_LINE = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):(.*)")
MORE_LINE = re.compile(r"[ ]{4,}(.*)")
# Characters other programs (Python's splitlines, browsers, editors) treat as
# line or page breaks, and other control characters: never part of a value.
LINE_BREAK_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Entry:
    """One `Key: value` of a header."""

    name: str  # as the file writes it
    value: str
    line: int  # of the key, counted from 1
    # The value of the key line and of each continuation line, stripped: the
    # list Pelican's Markdown reader keeps for this occurrence of the key.
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    entries: tuple[Entry, ...]
    body: str
    body_line: int  # the body's first line, counted from 1

    def first(self, name: str) -> Entry | None:
        key = name.lower()
        return next((entry for entry in self.entries if entry.name.lower() == key), None)

    @property
    def metadata(self) -> dict[str, Entry]:
        """The first entry of each key, by lowercase key, in file order."""
        found: dict[str, Entry] = {}
        for entry in self.entries:
            found.setdefault(entry.name.lower(), entry)
        return found

    @property
    def repeated(self) -> list[Entry]:
        """Every entry whose key was already written above it."""
        seen, again = set(), []
        for entry in self.entries:
            key = entry.name.lower()
            if key in seen:
                again.append(entry)
            seen.add(key)
        return again

    @property
    def markdown_body(self) -> str:
        """The body as the build hands it to Markdown (`markdown_body`)."""
        return markdown_body(self.body, self.body_line)

    @property
    def raw_values(self) -> dict[str, list[str]]:
        """Every part of every entry, by lowercase key: what Pelican's Markdown reader reads."""
        found: dict[str, list[str]] = {}
        for entry in self.entries:
            found.setdefault(entry.name.lower(), []).extend(entry.parts)
        return found


def normalised_text(text: str) -> str:
    """The text as the header rules see it: no byte-order mark, LF line ends."""
    if text.startswith(BYTE_ORDER_MARK):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def header_line(line: str) -> str:
    """A line as Python-Markdown's `meta` extension sees it."""
    return line.translate(MARKDOWN_REMOVES).expandtabs(TAB_LENGTH)


def _entry(name: str, parts: tuple[str, ...], line: int) -> Entry:
    return Entry(name, " ".join(part for part in parts if part), line, parts)


def parse_document(text: str) -> Document:
    """Header entries and body of a content file's text."""
    lines = normalised_text(text).split("\n")
    entries: list[Entry] = []
    index = 1 if OPENING_FENCE.match(header_line(lines[0])) else 0
    while index < len(lines):
        line = header_line(lines[index])
        index += 1
        if not line.strip() or CLOSING_FENCE.match(line):
            break
        key, more = KEY_LINE.match(line), MORE_LINE.match(line)
        if key:
            entries.append(_entry(key.group(1), (key.group(2).strip(),), index))
        elif more and entries:
            previous = entries[-1]
            entries[-1] = _entry(previous.name, (*previous.parts, more.group(1).strip()), previous.line)
        else:
            index -= 1  # this line starts the body
            break
    return Document(tuple(entries), "\n".join(lines[index:]), index + 1)


def markdown_body(body: str, body_line: int) -> str:
    """The body as Python-Markdown renders it in Pelican's reader.

    There the header's lines come before the body, so its first line follows a
    line break, and a first line of spaces and tabs counts as blank (an
    indented line after it starts a code block, not a paragraph).
    """
    return "\n" + body if body_line > 1 else body


def line_break_characters(value: str) -> list[str]:
    """The invisible line-break and control characters in a value, as 'U+2028'."""
    return sorted({f"U+{ord(found):04X}" for found in LINE_BREAK_CHARACTERS.findall(value)})


def line_containing(text: str, needle: str) -> int | None:
    """The first line (counted from 1, LF-separated) of `text` that contains `needle`."""
    return next((number for number, line in enumerate(text.split("\n"), start=1) if needle in line), None)
