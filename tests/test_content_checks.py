"""Unit tests of the editorial rules and the sanitiser."""

import os
import re
from pathlib import Path

import pytest
from PIL import Image

from content_checks import body, rules, scan
from content_checks.sanitize import sanitize_html
from content_checks.source import parse_source, read_source
from office_tags.registry import load_registry
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


def checking(content_root=ROOT / "content", photo_cache=None):
    return rules.Checking(SETTINGS, REGISTRY, content_root, photo_cache)
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
    return rules.metadata_findings(parse_source("uji.md", text), kind, checking())


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


def small_photo(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), "white").save(path, "JPEG")


def test_body_rules(tmp_path):
    small_photo(tmp_path / "images" / "ada.jpg")
    html = (
        '<img src="{static}/images/ada.jpg" alt="Foto"><img src="{static}/images/ada.jpg">'
        '<img src="https://contoh.test/x.jpg" alt="Luar"><img src="images/ada.jpg" alt="Relatif">'
        '<a href="{filename}/articles/tidak-ada.md">x</a>'
    )
    messages = [f.message for f in body.body_findings("uji.md", html, None, checking(tmp_path), tmp_path)]
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
    assert [str(f) for f in scan.check_sources(SETTINGS) if f.is_error] == []


def test_featured_image_must_exist_and_have_alt(tmp_path):
    small_photo(tmp_path / "images" / "ada.jpg")
    def image_findings(lines):
        source = parse_source("uji.md", COMPLETE.replace("Summary:", lines + "\nSummary:"))
        return [(f.field, f.message) for f in rules.metadata_findings(source, "article", checking(tmp_path), tmp_path)]
    assert image_findings("Image: {static}/images/ada.jpg\nImage_alt: Foto") == []
    assert image_findings("Image: {static}/images/ada.jpg") == [("Image_alt", "foto utama butuh teks alternatif.")]
    assert image_findings("Image: {static}/images/hilang.jpg\nImage_alt: Foto") == [
        ("Image", "foto '{static}/images/hilang.jpg' tidak ditemukan.")
    ]


def photo_file_findings(content_root: Path) -> list:
    return scan.photo_file_findings({**SETTINGS, "PATH": str(content_root)})


def test_unreadable_photos_are_errors_naming_the_file_once(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "rusak.jpg").write_bytes(b"bukan foto")
    html = '<img src="{static}/images/rusak.jpg" alt="Foto"><a href="{static}/images/rusak.jpg">unduh</a>'
    assert body.body_findings("uji.md", html, None, checking(tmp_path), tmp_path) == []  # said of the file itself
    [finding] = photo_file_findings(tmp_path)
    assert finding.path == os.path.relpath(tmp_path / "images" / "rusak.jpg") and finding.is_error
    assert f"foto '{finding.path}' tidak bisa dibaca" in finding.message and "Simpan ulang foto" in finding.hint
    # A file not named as a photo is no photo of the content folder: judged where it is used as one.
    (tmp_path / "images" / "rusak.txt").write_bytes(b"bukan foto")
    source = parse_source("uji.md", COMPLETE.replace("Summary:", "Image: {static}/images/rusak.txt\nImage_alt: Foto\nSummary:"))
    featured = rules.metadata_findings(source, "article", checking(tmp_path), tmp_path)
    assert [(f.field, f.severity, f.line) for f in featured] == [("Image", "GALAT", 7)]
    assert "tidak bisa dibaca" in featured[0].message and "Simpan ulang foto" in featured[0].hint


def test_photos_that_do_not_meet_the_standard_are_errors_referenced_or_not(tmp_path):
    wide, heavy = tmp_path / "images" / "lebar.png", tmp_path / "images" / "berat.jpg"
    wide.parent.mkdir()
    Image.new("L", (8001, 4)).save(wide)
    small_photo(heavy)
    with heavy.open("ab") as padding:  # bytes after the end of the JPEG: still a readable photo
        padding.write(bytes(15 * 1024 * 1024) + b"video")
    found = photo_file_findings(tmp_path)
    assert [(f.path, f.severity) for f in found] == [(os.path.relpath(heavy), "GALAT"), (os.path.relpath(wide), "GALAT")]
    assert "berkas 15,7 MB, lebih dari 1 MB; ada data lain setelah gambar" in found[0].message
    assert "PNG tanpa bagian transparan (foto disimpan sebagai JPEG); sisi terpanjang 8.001 piksel, lebih dari 2.048" in found[1].message
    assert all("Jalankan `invoke prepare-photos`" in f.hint for f in found)
    small_photo(heavy)
    assert [f.path for f in photo_file_findings(tmp_path)] == [os.path.relpath(wide)]
    html = '<img src="{static}/images/lebar.png" alt="Lebar">'
    assert body.body_findings("uji.md", html, None, checking(tmp_path), tmp_path) == []  # said once, of the file


@pytest.mark.parametrize("title", ['Jamaah Usia < 60 & "Lansia"', "Kuota 10 > 8, a<b", "Tanda &amp; dan &lt;"])
def test_a_bare_angle_bracket_or_ampersand_in_a_title_is_text(title):
    assert rules.text_findings(parse_source("uji.md", COMPLETE.replace("Title: Manasik Haji", f"Title: {title}"))) == []


@pytest.mark.parametrize("field", ["Title", "Summary"])
@pytest.mark.parametrize("tag", ["<b>tebal</b>", "<script>alert(1)</script>", "<br/>", "<!-- catatan -->"])
def test_a_real_html_tag_in_a_title_or_summary_is_an_error(field, tag):
    text = COMPLETE.replace("Title: Manasik Haji", "Title: Manasik Haji" + (f" {tag}" if field == "Title" else ""))
    text = text.replace("Summary: Ringkasan.", "Summary: Ringkasan." + (f" {tag}" if field == "Summary" else ""))
    found = rules.text_findings(parse_source("uji.md", text))
    assert [(f.field, f.severity) for f in found] == [(field, "GALAT")]
    assert "tidak boleh berisi tag HTML" in found[0].message


def test_a_placeholder_with_escaped_braces_is_found_whatever_else_the_body_holds():
    """Attributes are read decoded: `&#123;filename&#125;` in an image's src is the same mistake as
    `{filename}` there, with or without a brace elsewhere in the body (it once depended on that)."""
    placeholder = re.compile(r"\{(?P<what>.*?)\}")
    alone = '<p><img src="&#123;filename&#125;/articles/x.md" alt="foto"></p>'
    for html in (alone, alone + "<p>rumus {x}</p>", '<p><img src="&#x7B;filename}/articles/x.md" alt="foto"></p>'):
        assert [needle for _, needle in body.placeholder_problems(html, placeholder)] == ["{filename}"], html
    assert body.placeholder_problems("<p>Tanpa penanda &amp; kurung.</p>", placeholder) == []
