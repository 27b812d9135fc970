"""The web editor's body components (issue #19, points 3, 5, 6): a document attached to an article, a photo
gallery written and read back, and videos and social posts in the preview pane.

Chromium drives the editor on a copy of the project through the guarded local proxy, as
test_web_editor_browser.py does; the document rules are sitelib.file_kinds', the gallery the site's
(plugins/photos), the providers plugins/video_embeds'.
"""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import read_settings
from PIL import Image
from playwright.sync_api import expect

from conftest import ROOT
from linked_files.file_markup import INFO_CLASS
from sitelib.file_kinds import DOCUMENT, FILE_KINDS, MAX_FILE_BYTES, file_label, file_problem, suffixes
from web_editor.body_components import NAME_DIGEST_LENGTH
from site_copy import copy_project, invoke
from test_web_editor_browser import (
    PINNED_NOW, WONOSOBO, editing, fill_article, open_editor, open_new_article, open_office, publish_now,
)

PHOTOS = ROOT / "tests" / "photo_content"
GALLERY_ARTICLE = "content/articles/kab-wonosobo/2024/galeri-manasik.md"
VIDEO_TITLE = "Video Manasik dari Editor Web"
VIDEO_ARTICLE = f"""Title: {VIDEO_TITLE}
Date: 2024-05-03 10:00
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Summary: Berita uji dengan video dan kiriman media sosial.

Wonosobo – Rekaman manasik haji.

https://www.youtube.com/watch?v=M7lc1UVf-VE

[Manasik di aula](https://youtu.be/M7lc1UVf-VE "Rekaman manasik, 2 Mei 2024.")

https://www.instagram.com/p/C6abcdEFGhi/

Penutup berita.
"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A copy of the project with the gallery article and its photos and an article with videos, its preview
    built, the guarded local proxy on it and the site served; yields (project, url)."""
    project = copy_project(tmp_path_factory.mktemp("dokumen") / "situs", ROOT / "content")
    shutil.copytree(PHOTOS, project / "content", dirs_exist_ok=True)
    (project / "content" / "articles" / "kab-wonosobo" / "2024" / "2024-05-03-video-manasik.md").write_text(VIDEO_ARTICLE, encoding="utf-8")
    with editing(project) as url:
        yield project, url


@pytest.fixture
def page(browser, editor):
    context, page = open_editor(browser, editor[1], PINNED_NOW, "Asia/Jakarta")
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.requests = []
    context.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
    assert page.errors == [], page.errors


def site_section(project: Path) -> dict:
    return json.loads((project / "editor-output" / "admin" / "config.json").read_text())["site"]


def small_pdf(path: Path) -> None:
    """A real one-page PDF (Pillow writes it), a few KB."""
    Image.new("RGB", (200, 100), (20, 120, 60)).save(path, "PDF")


def add_component(page, name: str) -> None:
    page.locator("[data-slate-editor=true]").click()
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Tambah komponen").click()
    page.get_by_role("menuitem", name=name).click()


def test_the_contract_carries_the_document_rules(editor):
    documents = site_section(editor[0])["documents"]
    assert [kind["suffix"] for kind in documents["kinds"]] == list(suffixes(DOCUMENT))
    assert documents["max_bytes"] == MAX_FILE_BYTES
    assert documents["folder"] == "content/dokumen" and documents["public_folder"] == "{static}/dokumen"


def test_a_pdf_uploaded_in_the_editor_is_saved_below_content_dokumen_and_linked(page, editor, tmp_path):
    project, _ = editor
    pdf = tmp_path / "Daftar Jemaah Berhak Lunas.pdf"
    small_pdf(pdf)
    assert file_problem(pdf) == ""
    open_new_article(page)
    fill_article(page, "Pengumuman Daftar Jemaah dari Editor Web", status="Terbit")
    add_component(page, "Dokumen")
    page.get_by_label("Judul dokumen", exact=True).fill("Daftar jemaah berhak lunas 2024")
    page.locator("input[data-document-upload]").set_input_files(str(pdf))
    # Named after the file, with its digest: another "Daftar Jemaah Berhak Lunas.pdf" of the month is never overwritten.
    name = f"daftar-jemaah-berhak-lunas-{hashlib.sha256(pdf.read_bytes()).hexdigest()[:NAME_DIGEST_LENGTH]}.pdf"
    expect(page.get_by_text(f"{{static}}/dokumen/kab-wonosobo/2024/05/{name}")).to_be_visible()
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("link", name="Daftar jemaah berhak lunas 2024")).to_be_visible()
    size = file_label(FILE_KINDS[".pdf"], pdf.stat().st_size)  # "PDF, 2 KB", as the page writes it
    expect(preview.locator(f"span.{INFO_CLASS}")).to_have_text(f"({size})")
    publish_now(page)
    [article] = (project / "content" / "articles").rglob("*-pengumuman-daftar-jemaah-dari-editor-web.md")
    text = article.read_text(encoding="utf-8")
    assert f"\n\n[Daftar jemaah berhak lunas 2024]({{static}}/dokumen/kab-wonosobo/2024/05/{name})\n" in text
    saved = project / "content" / "dokumen" / "kab-wonosobo" / "2024" / "05" / name
    assert saved.read_bytes() == pdf.read_bytes() and file_problem(saved) == ""
    assert page.dialogs == []
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout


@pytest.mark.parametrize("name, content, message", [
    ("pengumuman.pdf", b"<!doctype html><script>alert(1)</script>",
     'Isi berkas "pengumuman.pdf" bukan PDF (berkas rusak atau akhiran namanya salah), jadi tidak diunggah. '
     "Simpan ulang dokumen itu sebagai PDF lalu unggah lagi."),
    ("halaman.html", b"<!doctype html>",
     'Berkas "halaman.html" tidak bisa dilampirkan: situs hanya menerbitkan dokumen PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ZIP.'),
], ids=["html-as-pdf", "html"])
def test_a_file_that_is_not_a_document_is_refused_in_the_browser(page, editor, tmp_path, name, content, message):
    project, _ = editor
    bad = tmp_path / name
    bad.write_bytes(content)
    before = sorted(path for path in (project / "content").rglob("*") if path.is_file())
    open_new_article(page)
    fill_article(page, "Berkas Palsu dari Editor Web", status="Terbit")
    add_component(page, "Dokumen")
    page.get_by_label("Judul dokumen", exact=True).fill("Pengumuman")
    with page.expect_event("dialog"):
        page.locator("input[data-document-upload]").set_input_files(str(bad))
    assert page.dialogs == [message]
    expect(page.locator("[data-document-link]")).to_have_count(0)
    assert sorted(path for path in (project / "content").rglob("*") if path.is_file()) == before


def test_a_document_over_the_limit_is_refused(page, editor, tmp_path):
    """MAX_FILE_BYTES from sitelib.file_kinds: a PDF one byte over is refused before anything is read."""
    large = tmp_path / "besar.pdf"
    with large.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_FILE_BYTES + 1)
    open_new_article(page)
    add_component(page, "Dokumen")
    with page.expect_event("dialog"):
        page.locator("input[data-document-upload]").set_input_files(str(large))
    assert page.dialogs == ['Berkas "besar.pdf" (50 MB) lebih besar dari batas 50 MB, jadi tidak diunggah. '
                            "Perkecil berkasnya (misalnya simpan ulang PDF dengan ukuran lebih kecil), atau unggah video ke YouTube."]


def test_a_hand_written_gallery_is_read_into_the_component_and_written_back_unchanged(page, editor):
    """The gallery of tests/photo_content: its photos show in the component's list and as the site's grid in
    the preview; the article saved with another title differs in the title line only."""
    project, _ = editor
    article = project / GALLERY_ARTICLE
    before = article.read_text(encoding="utf-8")
    open_office(page, WONOSOBO)
    page.get_by_text("Galeri Taman Manasik", exact=False).first.click()
    expect(page.get_by_label("Teks alternatif (wajib)", exact=True).first).to_have_value("Padang rumput hijau di bawah langit biru")
    expect(page.get_by_label("Teks alternatif (wajib)", exact=True)).to_have_count(3)
    preview = page.frame_locator("iframe").first
    grid = preview.locator("ul.gallery")
    expect(grid.locator("li.gallery-item")).to_have_count(3)
    expect(grid.locator("figcaption")).to_have_count(2)
    expect(grid.locator("img").first).to_have_attribute("alt", "Padang rumput hijau di bawah langit biru")
    title = page.get_by_label("Judul", exact=True)
    original = title.input_value()
    title.fill(original + " (Diperbarui)")
    publish_now(page)
    changed = article.read_text(encoding="utf-8")
    assert changed.replace(f"Title: {original} (Diperbarui)", f"Title: {original}") == before
    page.reload()
    title.fill(original)
    publish_now(page)
    assert article.read_text(encoding="utf-8") == before


def test_a_gallery_caption_edited_in_the_component_changes_only_its_line(page, editor):
    project, _ = editor
    article = project / GALLERY_ARTICLE
    before = article.read_text(encoding="utf-8")
    open_office(page, WONOSOBO)
    page.get_by_text("Galeri Taman Manasik", exact=False).first.click()
    caption = page.get_by_label("Keterangan (boleh kosong)", exact=True).nth(2)
    caption.fill("Kolam latihan wukuf.")
    publish_now(page)
    assert article.read_text(encoding="utf-8") == before.replace(
        "![Permukaan air jernih kebiruan]({static}/images/galeri-wukuf.jpg)",
        '![Permukaan air jernih kebiruan]({static}/images/galeri-wukuf.jpg "Kolam latihan wukuf.")')
    page.reload()
    caption.fill("")
    publish_now(page)
    assert article.read_text(encoding="utf-8") == before


def test_the_preview_shows_videos_as_the_site_does_without_asking_another_host(page, editor):
    """A YouTube address alone on its line is the site's placeholder (play button, label), a labelled one
    has its label and caption, an Instagram address is a link card; no iframe, and the page asked no other
    host for anything."""
    project, url = editor
    open_office(page, WONOSOBO)
    page.get_by_text(VIDEO_TITLE).first.click()
    preview = page.frame_locator("iframe").first
    videos = preview.locator("figure.video-embed.video-youtube")
    expect(videos).to_have_count(2)
    expect(videos.first.locator(".video-play-icon")).to_have_count(1)
    expect(videos.first.locator(".video-facade-label")).to_have_text("Video YouTube")
    expect(videos.nth(1).locator(".video-facade-label")).to_have_text("Manasik di aula")
    expect(videos.nth(1).locator("figcaption")).to_have_text("Rekaman manasik, 2 Mei 2024.")
    expect(preview.locator("figure.embed-card.embed-card-instagram .embed-card-provider")).to_have_text("Instagram")
    expect(preview.locator("iframe")).to_have_count(0)
    # The play button's look comes from the site's video stylesheet: a round icon.
    radius = videos.first.locator(".video-play-icon").evaluate("icon => getComputedStyle(icon).borderRadius")
    assert radius == "50%"
    page.wait_for_timeout(500)
    hosts = {urlsplit(request).hostname for request in page.requests if urlsplit(request).scheme in ("http", "https")}
    assert hosts <= {"127.0.0.1", "localhost"}, hosts
    # The article is written back unchanged when only its title changes.
    article = project / "content" / "articles" / "kab-wonosobo" / "2024" / "2024-05-03-video-manasik.md"
    title = page.get_by_label("Judul", exact=True)
    title.fill(VIDEO_TITLE + " (Diperbarui)")
    publish_now(page)
    assert article.read_text(encoding="utf-8") == VIDEO_ARTICLE.replace(VIDEO_TITLE, VIDEO_TITLE + " (Diperbarui)", 1)
    page.reload()
    title.fill(VIDEO_TITLE)
    publish_now(page)
    assert article.read_text(encoding="utf-8") == VIDEO_ARTICLE


def test_a_gallery_made_in_the_component_is_the_sites_form_with_prepared_photos(page, editor, tmp_path):
    """Galeri foto → two photos chosen in the media library (prepared in the browser as every upload is), with
    their text alternatives and one caption: the body gets one line a photo, no blank line between, the photos
    are in content/images/ and meet the photo standard, and the article passes `invoke check`."""
    from phone_photos import phone_jpeg
    from photos.standard import standard_for, standard_reasons

    project, _ = editor
    photos = []
    for name, orientation in (("Galeri-Satu.jpg", 6), ("Galeri-Dua.jpg", 1)):
        photos.append(tmp_path / name)
        phone_jpeg(photos[-1], orientation)
    open_new_article(page)
    fill_article(page, "Galeri Baru dari Editor Web", status="Terbit")
    add_component(page, "Galeri foto")
    for index, (photo, alt, caption) in enumerate(zip(photos, ("Jemaah berlatih tawaf", "Jemaah berlatih sa'i"), ("Latihan pagi.", ""))):
        page.get_by_role("button", name="Tambah foto").last.click()
        page.get_by_role("button", name="Pilih foto").last.click()
        page.locator("input[type=file]").set_input_files(str(photo))
        page.get_by_role("button", name="Pakai yang dipilih").click()
        page.get_by_label("Teks alternatif (wajib)", exact=True).nth(index).fill(alt)
        page.get_by_label("Keterangan (boleh kosong)", exact=True).nth(index).fill(caption)
    preview = page.frame_locator("iframe").first
    expect(preview.locator("ul.gallery li.gallery-item")).to_have_count(2)
    publish_now(page)
    [article] = (project / "content" / "articles").rglob("*-galeri-baru-dari-editor-web.md")
    assert article.read_text(encoding="utf-8").endswith(
        "\n\n![Jemaah berlatih tawaf]({static}/images/galeri-satu.jpg \"Latihan pagi.\")\n"
        "![Jemaah berlatih sa'i]({static}/images/galeri-dua.jpg)\n")
    standard = standard_for(read_settings(str(project / "pelicanconf.py")))
    for name in ("galeri-satu.jpg", "galeri-dua.jpg"):
        assert standard_reasons(project / "content" / "images" / name, standard) == []
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout


def test_a_gallery_photo_without_its_text_alternative_is_not_saved(page, editor):
    """The text alternative is required: a save with a gallery photo without one is refused with a message."""
    project, _ = editor
    article = project / GALLERY_ARTICLE
    before = article.read_text(encoding="utf-8")
    open_office(page, WONOSOBO)
    page.get_by_text("Galeri Taman Manasik", exact=False).first.click()
    page.get_by_label("Teks alternatif (wajib)", exact=True).nth(1).fill("")
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Setiap foto di galeri wajib punya teks alternatif", exact=False)).to_be_visible()
    assert article.read_text(encoding="utf-8") == before
    page.errors.clear()  # Decap logs the refused save


def test_a_document_needs_its_title(page, editor, tmp_path):
    """The link text is required: a document without a title is not saved, nor is its file."""
    project, _ = editor
    pdf = tmp_path / "tanpa-judul.pdf"
    small_pdf(pdf)
    open_new_article(page)
    fill_article(page, "Dokumen Tanpa Judul dari Editor Web", status="Terbit")
    add_component(page, "Dokumen")
    page.locator("input[data-document-upload]").set_input_files(str(pdf))
    expect(page.locator("[data-document-link]")).to_have_count(1)
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Judul dokumen wajib diisi", exact=False)).to_be_visible()
    assert not list((project / "content" / "articles").rglob("*dokumen-tanpa-judul*"))
    assert not list((project / "content").rglob("tanpa-judul.pdf"))
    page.errors.clear()


def test_the_editor_writes_sizes_and_checks_first_bytes_as_python_does(editor, tmp_path):
    """documents.js's size text and signature check against sitelib.file_kinds, on the same inputs."""
    from sitelib.file_kinds import size_text

    sizes = [1, 499, 500, 999_499, 999_999, 1_000_000, 1_449_999, 9_950_000, 10_000_000, MAX_FILE_BYTES]
    heads = {".pdf": [b"%PDF-1.7", b"<html>", b" %PDF-"], ".docx": [b"PK\x03\x04", b"PK\x05\x06", b"PK\x01\x02"],
             ".doc": [bytes.fromhex("d0cf11e0a1b11ae1"), b"%PDF-1.4"], ".zip": [b"PK\x03\x04", b"MZ"]}
    script = """
    import { readFileSync } from 'node:fs';
    import { sizeText, beginsRight, documentKind } from './web_editor/src/documents.js';
    const { site, sizes, heads } = JSON.parse(readFileSync(0, 'utf8'));
    const checked = Object.fromEntries(Object.entries(heads).map(([suffix, list]) =>
      [suffix, list.map((head) => beginsRight(documentKind('x' + suffix, site.documents), Uint8Array.from(head)))]));
    console.log(JSON.stringify({ sizes: sizes.map(sizeText), checked }));
    """
    request = {"site": site_section(editor[0]), "sizes": sizes, "heads": {suffix: [list(head) for head in list_] for suffix, list_ in heads.items()}}
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=editor[0], input=json.dumps(request),
                            capture_output=True, text=True, check=True)
    answer = json.loads(result.stdout)
    assert answer["sizes"] == [size_text(size) for size in sizes]
    assert answer["checked"] == {suffix: [FILE_KINDS[suffix].begins_right(head) for head in list_] for suffix, list_ in heads.items()}
    assert answer["checked"][".pdf"] == [True, False, False]  # the comparison tells them apart
