"""One header parser: the build's reader, `invoke check` and the office check read every file alike."""

from pathlib import Path

import pytest
from pelican.settings import read_settings

from content_checks.source import read_source
from plain_text_metadata.reader import PlainTextMarkdownReader
from sitelib.errors import file_line_containing, metadata_line
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
    # Python-Markdown's `meta` matches fences at the start of a line: four dashes open a header too.
    "four-dashes": "----\nTitle: Pagar empat\nReporting_office: kab-wonosobo\n....\nIsi.\n",
    "no-break-spaces": "Title:\u00a0Spasi tak putus\u3000\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "tab-inside": "Title: a\tb\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "two-boms": "\ufeff\ufeffTitle: Bukan kepala\n\nIsi.\n",
    "looks-blank": "Title: x\n    \u00a0\nReporting_office: kab-wonosobo\n\nIsi.\n",
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
    assert parse_document(TRICKY["four-dashes"]).first("title").value == "Pagar empat"
    assert parse_document(TRICKY["four-dashes"]).body == "Isi.\n"
    assert parse_document(TRICKY["no-break-spaces"]).first("title").value == "Spasi tak putus"
    assert parse_document(TRICKY["tab-inside"]).first("title").value == "a    b"  # "Title: a" ends at column 8: tab to 12
    assert parse_document(TRICKY["two-boms"]).entries == ()
    looks_blank = parse_document(TRICKY["looks-blank"])
    assert [entry.name for entry in looks_blank.entries] == ["Title"]
    assert looks_blank.body_line == 3


def test_error_locations_read_the_header_with_the_one_parser(tmp_path):
    """sitelib.errors finds a field's line as the build reads the file: after two fences, not in the body."""
    path = tmp_path / "berita.md"
    path.write_bytes("\ufeff----\r\nTitle: Judul\r\n...\r\nSlug: di-badan\r\n![foto]({static}/a.jpg)\r\n".encode())
    assert metadata_line(path, "title") == 2
    assert metadata_line(path, "Slug") is None
    assert file_line_containing(path, "{static}/a.jpg") == 5
    assert metadata_line(tmp_path / "tidak-ada.md", "title") is None


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
    # Pelican's own reader and the one parser: tests/test_metadata_property.py.

