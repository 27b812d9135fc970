"""sitelib.metadata reads every header as Pelican's own Markdown reader reads it.

Documents are generated from the site's field names (data/metadata_fields.toml)
and values with the characters parsers disagree on: U+2028, U+2029, \\x0b,
\\x0c, \\x85, no-break and ideographic spaces, tabs, STX, a byte-order mark,
CR and CR LF line ends, continuation lines, blank lines that only look blank,
and `---`/`...` fence lines. Pelican reads each from a file, as the build
would without our reader; both must find the same keys and the same raw
values, and our reader must render the same body HTML (unless the body is
white space alone: Python-Markdown renders that as nothing on its own, while
after a header an indented form feed still makes an empty code block). Where a value holds a
line break or control character, `invoke check` and the build refuse the file
(content_checks.rules.header_findings): the property says so, and says the
check sees the character.
"""

import copy
import tempfile
from pathlib import Path

from hypothesis import example, given, settings as hypothesis_settings, strategies as st
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from content_checks.fields import known_fields
from plain_text_metadata.reader import PlainTextMarkdownReader
from sitelib.metadata import line_break_characters, parse_document

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
TEMPORARY = tempfile.TemporaryDirectory(prefix="metadata-property-")  # removed when the session ends
FOLDER = Path(TEMPORARY.name)


class PelicansReading(MarkdownReader):
    """Pelican's Markdown reader, stopped before it interprets values (dates, tags): what it read, by key."""

    def _parse_metadata(self, meta):
        return {name.lower(): list(values) for name, values in meta.items()}


class OurReading(PlainTextMarkdownReader):
    """Our reader (the build's), also stopped before it interprets values, and without the typography it
    applies for Pelican (PelicansReading has none either: tests/test_plain_text_titles.py compares that)."""

    def __init__(self, settings):
        super().__init__({**settings, "READER_TYPOGRIFY": False})

    def process_metadata(self, name, value):
        return value


def read_with(reader_class, text: str) -> tuple[str, dict]:
    path = FOLDER / "berita.md"
    path.write_bytes(text.encode("utf-8"))
    return reader_class(copy.deepcopy(SETTINGS)).read(str(path))


TRICKY = "\u2028\u2029\x0b\x0c\x85\xa0\u3000\t\x02\ufeff"
KEY = st.one_of(
    st.sampled_from([field.name for field in known_fields().values()]),
    st.sampled_from(["TITLE", "x-y_1", "Judul berita", "Tags-"]),
)
VALUE = st.text(st.sampled_from(list("ab :-.,#*>") + list(TRICKY)), max_size=12)
INDENT = st.sampled_from(["", " ", "   ", "\t", " \t"])
CONTINUATION_INDENT = st.sampled_from(["    ", "     ", "\t", "  \t", "\t\t"])
LINE = st.one_of(
    st.builds(lambda indent, key, value: f"{indent}{key}:{value}", INDENT, KEY, VALUE),
    st.builds(lambda indent, value: f"{indent}{value}", CONTINUATION_INDENT, VALUE),
    st.sampled_from(["", " ", "\t", "\x0c", "\u2028", "\xa0", "    \x85"]),
    st.sampled_from(["---", "----", "--- yaml", "---x", "...", "....", "... akhir", "\x02---"]),
    VALUE,
)
LINE_END = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"])
DOCUMENT = st.builds(
    lambda bom, lines, body: bom + "".join(line + end for line, end in lines) + body,
    st.sampled_from(["", "\ufeff", "\ufeff\ufeff"]),
    st.lists(st.tuples(LINE, LINE_END), max_size=8),
    st.sampled_from(["", "Isi berita.\n", "  \n\tkode\n", "Paragraf\u2028satu.\r\n\r\nDua.", "    Title: bukan"]),
)


@hypothesis_settings(max_examples=200, deadline=None, derandomize=True)
@given(DOCUMENT)
@example("----\nTitle: Pagar empat\n\nIsi.\n")
@example("Title: a\tb\n\tlanjut\n\nIsi.\n")
@example("Title:\xa0Spasi tak putus\xa0\nSummary: \u2029ringkas\u2029\n    \xa0\nSlug: bukan-kepala\n")
@example("\x02Title: STX\n\x0c\nSlug: bukan-kepala\n")
def test_our_header_is_pelicans_header(text):
    content, pelican = read_with(PelicansReading, text)
    document = parse_document(text)
    assert document.raw_values == pelican
    # The build's values: the first entry of each key, its lines joined by spaces; its body: Pelican's.
    our_content, ours = read_with(OurReading, text)
    assert ours == {key: entry.value for key, entry in document.metadata.items()}
    for key, entry in document.metadata.items():
        assert entry.parts == tuple(pelican[key][: len(entry.parts)])
    if document.body.strip():  # Python-Markdown renders a body of white space alone as nothing
        assert our_content == content


def test_a_value_with_a_line_break_is_refused_by_the_check():
    """Pelican keeps U+2028 and friends inside a value; the check sees them there and refuses the file."""
    document = parse_document("Title: Judul\u2028Slug: lain\nSummary: a\x0bb\n\nIsi.\n")
    assert document.raw_values == read_with(PelicansReading, "Title: Judul\u2028Slug: lain\nSummary: a\x0bb\n\nIsi.\n")[1]
    assert [line_break_characters(entry.value) for entry in document.entries] == [["U+2028"], ["U+000B"]]
