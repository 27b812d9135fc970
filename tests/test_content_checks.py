"""Unit tests of the editorial rules and the sanitiser."""

from pathlib import Path

from content_checks import rules, scan
from content_checks.sanitize import sanitize_html
from content_checks.source import parse_source, read_source
from office_tags.registry import load_registry
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "data" / "offices.toml")
COMPLETE = """Title: Manasik Haji
Date: 2024-05-01 09:30
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Summary: Ringkasan.

Wonosobo – Isi.
"""


def findings(text, kind="article"):
    return rules.metadata_findings(parse_source("uji.md", text), kind, REGISTRY, "Asia/Jakarta")


def test_complete_article_has_no_findings():
    assert findings(COMPLETE) == []


def test_metadata_block_is_read_with_line_numbers_and_continuations():
    source = parse_source("uji.md", "Title: Satu\nSummary: dua\n    tiga\n\nBadan: bukan metadata\n")
    assert source.meta["summary"].value == "dua tiga" and source.meta["summary"].line == 2
    assert "badan" not in source.meta and source.body.startswith("Badan")


def test_drafts_may_be_incomplete_but_warned():
    found = findings("Title: Draf\nStatus: draft\n\nIsi.\n")
    assert found and not any(f.is_error for f in found)
    assert {f.field for f in found} >= {"Date", "Summary", "Offices", "Reporting_office"}


def test_untitled_draft_is_still_an_error():
    assert any(f.is_error and f.field == "Title" for f in findings("Status: draft\nDate: 2024-05-01\n\nIsi.\n"))


def test_new_article_placeholders_block_publication_but_not_drafts():
    from editorial.new_article import TEMPLATE

    text = TEMPLATE.format(title="Judul", date="2024-05-01 09:30", slug="judul", office="kab-wonosobo")
    assert not any(f.is_error for f in findings(text))
    published = findings(text.replace("Status: draft\n", ""))
    assert {f.field for f in published if f.is_error} == {"Author", "Summary", ""}


def test_status_values_and_slug_form():
    bad = findings(COMPLETE.replace("Summary:", "Status: terbit\nSlug: Judul Berita!\nSummary:"))
    assert [(f.field, f.is_error) for f in bad] == [("Status", True), ("Slug", True)]


def test_lengths_are_warnings():
    long = findings(COMPLETE.replace("Title: Manasik Haji", "Title: " + "a" * 111).replace("Summary: Ringkasan.", "Summary: " + "b" * 201))
    assert [(f.field, f.severity) for f in long] == [("Title", "PERINGATAN"), ("Summary", "PERINGATAN")]


def test_date_with_an_explicit_zone_is_kept_and_without_is_wib():
    assert rules.parse_date("2024-05-01 09:30", "Asia/Jakarta").utcoffset().total_seconds() == 7 * 3600
    assert rules.parse_date("2024-05-01T09:30+08:00", "Asia/Jakarta").utcoffset().total_seconds() == 8 * 3600


def test_body_rules(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ada.jpg").write_bytes(b"jpg")
    html = (
        '<img src="{static}/images/ada.jpg" alt="Foto"><img src="{static}/images/ada.jpg">'
        '<img src="https://contoh.test/x.jpg" alt="Luar"><img src="images/ada.jpg" alt="Relatif">'
        '<a href="{filename}/articles/tidak-ada.md">x</a>'
    )
    messages = [f.message for f in rules.body_findings("uji.md", html, None, tmp_path, tmp_path)]
    assert messages == [
        "gambar '{static}/images/ada.jpg' tidak punya teks alternatif (alt).",
        "gambar 'https://contoh.test/x.jpg' diambil dari situs lain.",
        "gambar 'images/ada.jpg' ditulis tanpa {static}, sehingga akan rusak di situs.",
        "tautan '{filename}/articles/tidak-ada.md' menuju berkas yang tidak ada.",
    ]


def test_sanitiser_drops_active_content_and_keeps_links_and_figures():
    html = (
        '<p onclick="x()">a<script>alert(1)</script><a href="{filename}/a.md">b</a>'
        '<a href="javascript:alert(1)">c</a></p><figure><img src="{static}/i.jpg" alt="d" '
        'loading="lazy" width="10" height="5" srcset="{static}/i-1.jpg 1x"><figcaption>e</figcaption></figure>'
    )
    clean = sanitize_html(html)
    assert "script" not in clean and "onclick" not in clean and "javascript" not in clean
    assert 'href="{filename}/a.md"' in clean and "<figcaption>e</figcaption>" in clean
    assert 'loading="lazy"' in clean and 'srcset="{static}/i-1.jpg 1x"' in clean


def test_read_source_reports_empty_and_non_utf8_files(tmp_path):
    empty = tmp_path / "kosong.md"
    empty.write_text("  \n")
    assert read_source(empty, "kosong.md").message == "berkas kosong."
    latin = tmp_path / "latin.md"
    latin.write_bytes("Title: Judul\nSummary: caf\xe9\n".encode("latin-1"))
    finding = read_source(latin, "latin.md")
    assert finding.line == 2 and "bukan UTF-8" in finding.message


def test_the_real_content_has_no_errors():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert [str(f) for f in scan.check_sources(settings) if f.is_error] == []


def test_featured_image_must_exist_and_have_alt(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ada.jpg").write_bytes(b"jpg")
    def image_findings(lines):
        source = parse_source("uji.md", COMPLETE.replace("Summary:", lines + "\nSummary:"))
        return [(f.field, f.message) for f in rules.metadata_findings(source, "article", REGISTRY, "Asia/Jakarta", tmp_path, tmp_path)]
    assert image_findings("Image: {static}/images/ada.jpg\nImage_alt: Foto") == []
    assert image_findings("Image: {static}/images/ada.jpg") == [("Image_alt", "foto utama butuh teks alternatif.")]
    assert image_findings("Image: {static}/images/hilang.jpg\nImage_alt: Foto") == [
        ("Image", "foto '{static}/images/hilang.jpg' tidak ditemukan.")
    ]
