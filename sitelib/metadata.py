"""The one reader of a content file's metadata header.

A content file is a header of `Key: value` lines, a blank line, and the
Markdown body. The build (our Markdown reader), `invoke check`, the office
permission check and the importer all read headers with `parse_document`,
and the web editor's file format (web_editor/src/pelican-format.js) follows
the same rules, so no two of them can see different values in one file.

The rules (Python-Markdown's `meta` extension, made exact):

- one byte-order mark at the start is dropped; CR LF and CR end lines like LF;
  nothing else ends a line (U+2028, form feed and the like stay inside the
  value, where `invoke check` reports them);
- a first line `---` opens the header; a later `---` or `...` line closes it;
- a key line is up to three spaces, a key of ASCII letters, digits, `_` and
  `-`, a colon, then the value; a line starting with four spaces or a tab
  continues the value before it (joined with one space);
- the header ends at the first blank line (spaces and tabs only), at the
  closing fence, or at the first line that is neither: that line starts the body;
- values lose the spaces and tabs around them; a key may be written more than
  once (every occurrence is kept; the first one counts, `invoke check` refuses
  the repetition).
"""

import re
from dataclasses import dataclass

BYTE_ORDER_MARK = "\ufeff"
OPENING_FENCE = re.compile(r"-{3}(?:[ \t][^\n]*)?")
CLOSING_FENCE = re.compile(r"(?:-{3}|\.{3})(?:[ \t][^\n]*)?")
KEY_LINE = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):([^\n]*)")
MORE_LINE = re.compile(r"(?:[ ]{4}|[ ]{0,3}\t)([^\n]*)")
BLANK_LINE = re.compile(r"[ \t]*")
SPACE = " \t"
# Characters other programs (Python's splitlines, browsers, editors) treat as
# line or page breaks, and other control characters: never part of a value.
LINE_BREAK_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Entry:
    """One `Key: value` of a header."""

    name: str  # as the file writes it
    value: str
    line: int  # of the key, counted from 1


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


def normalised_text(text: str) -> str:
    """The text as the header rules see it: no byte-order mark, LF line ends."""
    if text.startswith(BYTE_ORDER_MARK):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_document(text: str) -> Document:
    """Header entries and body of a content file's text."""
    lines = normalised_text(text).split("\n")
    entries: list[Entry] = []
    index = 0
    if OPENING_FENCE.fullmatch(lines[0]):
        index = 1
    while index < len(lines):
        line = lines[index]
        if BLANK_LINE.fullmatch(line) or (index > 0 and CLOSING_FENCE.fullmatch(line)):
            index += 1
            break
        key = KEY_LINE.fullmatch(line)
        more = MORE_LINE.fullmatch(line)
        if key:
            entries.append(Entry(key.group(1), key.group(2).strip(SPACE), index + 1))
        elif more and entries:
            previous = entries[-1]
            joined = " ".join(part for part in (previous.value, more.group(1).strip(SPACE)) if part)
            entries[-1] = Entry(previous.name, joined, previous.line)
        else:
            break
        index += 1
    return Document(tuple(entries), "\n".join(lines[index:]), index + 1)


def line_break_characters(value: str) -> list[str]:
    """The invisible line-break and control characters in a value, as 'U+2028'."""
    return sorted({f"U+{ord(found):04X}" for found in LINE_BREAK_CHARACTERS.findall(value)})
