"""Documents, videos and audio files (issue #19): linked from content, checked, published, shown.

Unit tests for the pure rules (sitelib.file_kinds, plugins/linked_files) and
one preview build of the real content plus tests/document_content: a real
PDF, an XLSX container, an H.264 video made from a photograph, an MP3 of a
recorded sound. Chromium checks that nothing of a video or audio file is
loaded before the reader presses play, and that the video then plays.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup

from browser import free_port, serve
from conftest import ROOT, content_with, nu_check, preview_build, run_pelican, site_settings, text_of
from content_checks import scan
from linked_files.file_markup import LinkedFile, linked_body
from linked_files.file_rules import FileProblem, folder_problem, resolve_link
from sitelib.errors import ERROR, WARNING
from sitelib.file_kinds import FILE_KINDS, MAX_FILE_BYTES, file_kind, file_label, file_problem, name_problem, size_text

ARTICLE = "2026/06/pengumuman-berhak-lunas/"
DOCUMENTS = Path("dokumen/kab-wonosobo/2026/06")
MEDIA = Path("media/kab-wonosobo/2026/06")


# -- pure rules --------------------------------------------------------------------------------------

def test_sizes_read_as_indonesian_readers_write_them():
    assert size_text(240_000) == "240 KB"
    assert size_text(300) == "1 KB"
    assert size_text(1_400_000) == "1,4 MB"
    assert size_text(48_000_000) == "48 MB"
    assert file_label(FILE_KINDS[".pdf"], 240_000) == "PDF, 240 KB"


def test_a_kind_is_read_from_the_ending_whatever_the_case_or_query():
    assert file_kind("Daftar.PDF").label == "PDF"
    assert file_kind("{static}/media/a/b.mp4?x=1#t=5").category == "video"
    assert file_kind("foto.jpg") is None and file_kind("halaman.html") is None and file_kind("skrip.svg") is None


def test_names_and_folders(tmp_path):
    assert name_problem(PurePosixPath("dokumen/kab-kudus/2026/06/daftar.pdf")) == ""
    assert "content/dokumen/" in name_problem(PurePosixPath("media/kab-kudus/daftar.pdf"))
    assert "content/media/" in name_problem(PurePosixPath("dokumen/kab-kudus/video.mp4"))
    assert "spasi" in name_problem(PurePosixPath("dokumen/kab-kudus/daftar jemaah.pdf"))
    assert "spasi" in name_problem(PurePosixPath("dokumen/.tersembunyi/daftar.pdf"))
    assert name_problem(PurePosixPath("dokumen/halaman.html")) == "jenis berkas ini tidak diterbitkan situs"


def test_a_file_must_begin_as_its_format_does(tmp_path):
    html = tmp_path / "daftar.pdf"
    html.write_bytes(b"<!doctype html><script>alert(1)</script>")
    assert "bukan PDF" in file_problem(html)
    pdf = ROOT / "tests/document_content" / DOCUMENTS / "daftar-jemaah-berhak-lunas.pdf"
    assert file_problem(pdf) == ""
    heic_as_video = tmp_path / "foto.mp4"
    heic_as_video.write_bytes(b"\0\0\0\x18ftypheic" + bytes(20))
    assert "bukan MP4" in file_problem(heic_as_video)  # a photo with its metadata does not pass as a video
    big = tmp_path / "besar.mp4"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written
    assert "lebih dari batas 50 MB" in file_problem(big)


def test_links_to_documents_get_type_and_size_and_lone_media_links_become_players(tmp_path):
    files = {
        "{static}/dokumen/d.pdf": LinkedFile(tmp_path / "d.pdf", FILE_KINDS[".pdf"], 240_000, "dokumen/d.pdf"),
        "{static}/media/v.mp4": LinkedFile(tmp_path / "v.mp4", FILE_KINDS[".mp4"], 4_000_000, "media/v.mp4"),
        "{static}/media/a.mp3": LinkedFile(tmp_path / "a.mp3", FILE_KINDS[".mp3"], 90_000, "media/a.mp3"),
    }
    html = (
        '<p>Lihat <a href="{static}/dokumen/d.pdf">daftar "lunas" &lt;I&gt;</a> dan <a href="https://contoh.test/">ini</a>.</p>'
        '<p><a href="{static}/media/v.mp4"><img alt="Manasik &amp; doa" src="{static}/images/p.jpg"></a></p>'
        '<p>Dengarkan <a href="{static}/media/a.mp3">takbir</a> di sini.</p>'
        '<p><a href="{static}/media/a.mp3">Audio: takbir</a></p>'
        '<p><a href="{static}/images/foto.jpg">foto</a></p>'
    )
    result, used = linked_body(html, files.get, "https://situs.test")
    soup = BeautifulSoup(result, "html.parser")
    document = soup.find("a", string='daftar "lunas" <I>')
    assert document["href"] == "https://situs.test/dokumen/d.pdf"
    assert document.find_next_sibling("span")["class"] == ["file-info"] and text_of(document.parent).startswith('Lihat daftar "lunas" <I> (PDF, 240 KB) dan')
    video = soup.find("video")
    assert video.parent.name == "figure" and video["preload"] == "none" and "controls" in video.attrs
    assert video["src"] == "https://situs.test/media/v.mp4" and video["poster"] == "{static}/images/p.jpg"
    assert video.parent.figcaption.get_text() == "Manasik & doa" and text_of(video.a) == "Manasik & doa"
    inline = soup.find("a", string="takbir")  # in a sentence: a link with its type and size, no player
    assert inline["href"] == "https://situs.test/media/a.mp3" and inline.find_next_sibling("span").get_text() == "(MP3, 90 KB)"
    audio = soup.find("audio")
    assert audio["preload"] == "none" and audio.parent.figcaption.get_text() == "takbir"  # "Audio: " left out
    assert soup.find("a", string="foto")["href"] == "{static}/images/foto.jpg"  # photos are the photos plugin's
    assert [linked.published for linked in used] == ["dokumen/d.pdf", "media/v.mp4", "media/a.mp3"]


def test_a_link_is_resolved_inside_the_content_folder_only(tmp_path):
    root = tmp_path / "content"
    (root / "dokumen/k").mkdir(parents=True)
    (root / "dokumen/k/d.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "rahasia.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "dokumen/k/keluar.pdf").symlink_to(tmp_path / "rahasia.pdf")
    (root / "dokumen/k/tautan.pdf").symlink_to(root / "dokumen/k/d.pdf")
    articles = root / "articles"
    articles.mkdir()
    assert isinstance(resolve_link("{static}/dokumen/k/d.pdf", articles, root), LinkedFile)
    for reference, words in (
        ("{static}/../rahasia.pdf", "di luar folder content"),
        ("{static}/dokumen/k/keluar.pdf", "di luar folder content"),
        ("{static}/dokumen/k/tautan.pdf", "symlink"),
        ("{static}/dokumen/k/tidak-ada.pdf", "tidak ada"),
    ):
        found = resolve_link(reference, articles, root)
        assert isinstance(found, FileProblem) and words in found.message, (reference, found)


# -- `invoke check` and the build ------------------------------------------------------------------

def _check(content: Path, tmp_path: Path):
    settings = site_settings(content, CACHE_PATH=str(tmp_path / "cache"))
    return scan.check_sources(settings)


BROKEN = """Title: Pengumuman dengan dokumen yang salah
Date: 2026-06-03 08:00
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Summary: Dokumen yang hilang dan yang isinya bukan PDF.

Wonosobo – Unduh [daftar]({static}/dokumen/kab-wonosobo/2026/06/tidak-ada.pdf).

Juga [jadwal]({static}/dokumen/kab-wonosobo/2026/06/palsu.pdf).
"""


@pytest.fixture(scope="module")
def document_content(tmp_path_factory) -> Path:
    return content_with(tmp_path_factory, "dokumen", "document_content")


def test_check_passes_the_document_article_and_warns_about_another_sites_upload(document_content, tmp_path):
    findings = [f for f in _check(document_content, tmp_path) if "pengumuman-pelunasan" in f.path]
    assert [f.severity for f in findings] == [WARNING], findings
    assert "unggahan di situs lain" in findings[0].message and findings[0].line == 21


def test_check_refuses_missing_and_disguised_documents_and_foreign_files(document_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(document_content, content)
    (content / "articles/dokumen-salah.md").write_text(BROKEN)
    (content / DOCUMENTS / "palsu.pdf").write_text("<!doctype html><title>x</title>")
    (content / DOCUMENTS / "halaman.html").write_text("<script>alert(1)</script>")
    (content / MEDIA / "salah-tempat.pdf").write_bytes(b"%PDF-1.4\n")
    errors = [str(f) for f in _check(content, tmp_path) if f.severity == ERROR]
    assert any("dokumen-salah.md:9: GALAT" in line and "tidak-ada.pdf': berkasnya tidak ada" in line for line in errors), errors
    assert any("dokumen-salah.md:11: GALAT" in line and "isi berkas bukan PDF" in line for line in errors), errors
    assert any("halaman.html" in line and "tidak diterbitkan" in line for line in errors), errors
    assert any("salah-tempat.pdf" in line and "content/dokumen/" in line for line in errors), errors
    assert any(line.startswith(os.path.relpath(content / DOCUMENTS / "palsu.pdf")) for line in errors), errors
    # The build refuses what the check refuses.
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(tmp_path / "out"),
         "-e", f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode != 0 and "GALAT" in result.stdout + result.stderr


def test_a_symlink_in_the_document_folder_is_refused(tmp_path):
    root = tmp_path / "content"
    (root / "dokumen").mkdir(parents=True)
    (root / "dokumen/passwd.pdf").symlink_to("/etc/passwd")
    problem = folder_problem(root / "dokumen/passwd.pdf", root)
    assert problem is not None and "symlink" in problem.message


# -- the built site ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def document_site(tmp_path_factory, document_content):
    return preview_build(tmp_path_factory, "dokumen", document_content)


def test_the_page_shows_each_documents_type_and_size_and_publishes_it(document_site):
    body = document_site.soup(ARTICLE).select_one(".article-body")
    assert "Daftar jemaah berhak lunas tahap I (PDF, 19 KB)" in text_of(body)
    assert "jadwal manasik (XLSX, 1 KB)" in text_of(body)
    source = ROOT / "tests/document_content"
    for relative in (DOCUMENTS / "daftar-jemaah-berhak-lunas.pdf", MEDIA / "manasik-video.mp4", MEDIA / "takbir.mp3"):
        assert (document_site.root / relative).read_bytes() == (source / relative).read_bytes()
        assert body.find(attrs={"href": f"/{relative.as_posix()}"}) or body.find(attrs={"src": f"/{relative.as_posix()}"})
    assert not list(document_site.root.rglob("*.md"))


def test_videos_and_audio_load_nothing_before_play_and_a_poster_is_a_published_photo(document_site):
    body = document_site.soup(ARTICLE).select_one(".article-body")
    videos = body.find_all("video")
    assert len(videos) == 2 and all(video["preload"] == "none" for video in videos)
    poster = videos[0]["poster"]
    assert re.fullmatch(r"/images/varian/poster-manasik-[0-9a-f]{10}-\d+\.jpg", poster) and document_site.path(poster.lstrip("/")).is_file()
    assert "poster" not in videos[1].attrs
    assert body.find("audio")["preload"] == "none"
    assert not body.find("img")  # the poster photo is no image in the text


def test_the_document_page_passes_the_nu_html_checker(document_site, tmp_path):
    result = nu_check(document_site, [ARTICLE], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_file_no_published_item_links_to_is_not_published(document_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(document_content, content)
    article = content / "articles/kab-wonosobo/2026/pengumuman-pelunasan.md"
    article.write_text(article.read_text().replace("Slug: pengumuman-berhak-lunas", "Slug: pengumuman-berhak-lunas\nStatus: draft"))
    (content / "pages/draf-sk.md").write_text(  # a draft page (a WordPress import makes them from private pages)
        "Title: Draf SK\nSlug: draf-sk\nStatus: draft\n\n"
        "[SK]({static}/dokumen/kab-wonosobo/2026/06/daftar-jemaah-berhak-lunas.pdf)\n")
    output = run_pelican("publishconf.py", tmp_path / "out", content=content,
                         extra={"CACHE_PATH": str(tmp_path / "cache"), "SEARCH_INDEX": False})
    assert not (output / "dokumen").exists() and not (output / "media").exists()
    assert not (output / "drafts").exists() and "Draf SK" not in "".join(p.read_text() for p in output.rglob("*.html"))


@pytest.fixture(scope="module")
def served_documents(document_site):
    with serve(document_site.root, free_port()) as url:
        yield url


def test_no_media_request_before_play_then_the_video_plays(browser, served_documents):
    page = browser.new_page(viewport={"width": 412, "height": 900})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{served_documents}/{ARTICLE}", wait_until="networkidle")
    assert not [url for url in requested if "/media/" in url], requested
    assert all(url.startswith(served_documents) for url in requested), requested
    page.locator("video").first.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('video').muted = true")
    page.locator("video").first.evaluate("video => video.play()")
    page.wait_for_function("document.querySelector('video').currentTime > 0", timeout=10_000)
    assert [url for url in requested if url.endswith("/media/kab-wonosobo/2026/06/manasik-video.mp4")]
    page.close()
