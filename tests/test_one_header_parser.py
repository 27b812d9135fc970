"""One header parser: the build's reader, `invoke check` and the office check read every file alike."""

from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st
from markdown import Markdown
from pelican.settings import read_settings

from content_checks.source import read_source
from plain_text_metadata.reader import PlainTextMarkdownReader
from sitelib.metadata import line_break_characters, parse_document

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))

# Files whose header other parsers (Python's splitlines, a plain "---" check) would read differently.
TRICKY = {
    "bom": "\ufeffTitle: Dengan BOM\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "fenced": "---\nTitle: Berpagar\nReporting_office: kab-wonosobo\n---\nIsi.\n",
    "fenced-dots": "---\nTitle: Berpagar titik\n...\nIsi.\n",
    "crlf": "Title: CRLF\r\nReporting_office: kab-wonosobo\r\n\r\nIsi.\r\n",
    "lone-cr": "Title: CR\rReporting_office: kab-wonosobo\r\rIsi.\r",
    "line-separator": "Title: Judul\u2028Reporting_office: kab-magelang\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "paragraph-separator": "Summary: a\u2029b\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "form-feed": "Title: Halaman\x0cbaru\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "continuation": "Title: Judul panjang\n    lanjutan judul\n\tlanjutan bertab\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "repeated": "Reporting_office: kab-wonosobo\nTitle: x\nReporting_office: kab-magelang\n\nIsi.\n",
    "no-blank-line": "Title: Tanpa baris kosong\nIni badan berita.\n",
    "no-header": "Isi saja, tanpa kepala.\n",
    "spaces": "  Title:    spasi di sekitar   \t\nReporting_office:kab-wonosobo\n\nIsi.\n",
}


def test_the_rules():
    document = parse_document(TRICKY["continuation"])
    assert [(e.name, e.value, e.line) for e in document.entries] == [
        ("Title", "Judul panjang lanjutan judul lanjutan bertab", 1), ("Reporting_office", "kab-wonosobo", 4),
    ]
    assert document.body == "Isi.\n" and document.body_line == 6
    assert parse_document(TRICKY["bom"]).first("title").value == "Dengan BOM"
    assert parse_document(TRICKY["fenced"]).first("reporting_office").value == "kab-wonosobo"
    assert parse_document(TRICKY["fenced"]).body == "Isi.\n"
    assert parse_document(TRICKY["lone-cr"]).first("reporting_office").value == "kab-wonosobo"
    separated = parse_document(TRICKY["line-separator"])
    assert separated.first("title").value == "Judul\u2028Reporting_office: kab-magelang"
    assert separated.first("reporting_office").value == "kab-wonosobo"
    assert line_break_characters(separated.first("title").value) == ["U+2028"]
    repeated = parse_document(TRICKY["repeated"])
    assert repeated.first("reporting_office").value == "kab-wonosobo"
    assert [(e.name, e.value, e.line) for e in repeated.repeated] == [("Reporting_office", "kab-magelang", 3)]
    assert parse_document(TRICKY["no-blank-line"]).body == "Ini badan berita.\n"
    assert parse_document(TRICKY["no-header"]).entries == ()
    assert parse_document(TRICKY["spaces"]).metadata["title"].value == "spasi di sekitar"


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_the_build_reads_what_the_check_reads(tmp_path, name):
    """Our Markdown reader (the build) and read_source (invoke check, office check) give the same values."""
    path = tmp_path / f"{name}.md"
    path.write_bytes(TRICKY[name].encode("utf-8"))
    source = read_source(path, path.name)
    _, metadata = PlainTextMarkdownReader(SETTINGS).read(str(path))
    checked = {key: entry.value for key, entry in source.meta.items()}
    built = {key: str(value) for key, value in metadata.items()}
    for field in ("title", "summary"):  # plain text reaches typogrify escaped
        if field in checked:
            checked[field] = checked[field].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert built == checked


KEY = st.sampled_from(["Title", "Summary", "Tags", "Slug", "Reporting_office", "x-y_1"])
VALUE = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -.,:"), max_size=20)
LINE = st.one_of(
    st.builds(lambda indent, key, value: f"{indent}{key}:{value}", st.sampled_from(["", " ", "   "]), KEY, VALUE),
    st.builds(lambda indent, value: f"{indent}{value}", st.sampled_from(["    ", "\t", "     "]), VALUE),
    st.just(""), st.just("---"), st.just("..."), VALUE,
)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=8))
def test_the_rules_are_python_markdowns_meta_rules(lines):
    """On ordinary text (no invisible line breaks), we read exactly what Python-Markdown's meta extension reads."""
    text = "\n".join(lines + ["", "Isi."])
    markdown = Markdown(extensions=["meta"])
    markdown.convert(text)
    expected = {key: " ".join(part for part in values if part) for key, values in markdown.Meta.items()}
    ours: dict[str, list[str]] = {}
    for entry in parse_document(text).entries:
        ours.setdefault(entry.name.lower(), []).append(entry.value)
    assert {key: " ".join(part for part in values if part) for key, values in ours.items()} == expected
