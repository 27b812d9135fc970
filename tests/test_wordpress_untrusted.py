"""`invoke import-wordpress` treats the export as untrusted (issue #16): a careless or hostile export
cannot read outside the uploads folder, write outside content/, add header lines, or stop the import."""

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from editorial.wordpress.html_body import to_markdown
from editorial.wordpress.photos import PhotoSource, UploadChanged
from editorial.wordpress.post_metadata import wordpress_date
from editorial.wordpress.single_line import one_line
from old_addresses.redirects import old_path_problem
from site_copy import copy_project, invoke
from phone_photos import phone_heic
from wordpress_export import CANARY, HOSTILE_UPLOADS_URL, declared_giant_jpeg, hostile_export, photo

OFFICE = "kab-temanggung"
EXISTING_ARTICLE = """Title: Sudah Ada
Date: 2024-06-06 10:00
Category: Berita
Author: Humas
Offices: kab-temanggung
Reporting_office: kab-temanggung
Slug: sudah-ada
Summary: Berita yang sudah ada.

Temanggung – Berita yang sudah ada di situs.
"""
ARTICLES = "content/articles/kab-temanggung/2024"
INJECTION_FILE = f"{ARTICLES}/2024-06-04-rapat-baris-baru.md"
PHOTO_FILE = f"{ARTICLES}/2024-06-03-foto-di-luar-folder.md"


def files_below(folder: Path, leave_out: Path | None = None) -> dict[str, bytes]:
    """Every file below `folder` (symlinks not followed, compiled Python left out), by relative path."""
    found = {}
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__" and Path(directory, name) != leave_out]
        for name in names:
            path = Path(directory, name)
            found[str(path.relative_to(folder))] = b"" if path.is_symlink() else path.read_bytes()
    return found


def header_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n\n", 1)[0].split("\n")


def starting_content(folder: Path) -> Path:
    """The fixed pages and one article whose address an imported post wants."""
    content = folder / "awal"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "articles" / "2024" / "2024-06-06-sudah-ada.md").write_text(EXISTING_ARTICLE, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile export imported twice, into a project deep enough that the crafted date's ../../../../ lands in
    the test's folder (where the test sees it) rather than somewhere shared."""
    base = tmp_path_factory.mktemp("tidak-dipercaya")
    export, uploads, canary = hostile_export(base)
    project = copy_project(base / "dalam" / "situs", starting_content(base))
    outside_before = files_below(base, leave_out=project / "content")
    first = invoke(project, "import-wordpress", str(export), "--office", OFFICE, "--uploads", str(uploads))
    imported = files_below(project / "content")
    again = invoke(project, "import-wordpress", str(export), "--office", OFFICE, "--uploads", str(uploads))
    return {"base": base, "project": project, "canary": canary, "first": first, "again": again,
            "outside_before": outside_before, "outside_after": files_below(base, leave_out=project / "content"),
            "imported": imported, "report": first.stdout.splitlines()}


def test_the_import_finishes_without_a_traceback(hostile):
    assert hostile["first"].returncode == 0, hostile["first"].stdout + hostile["first"].stderr
    assert "Traceback" not in hostile["first"].stderr and "Error" not in hostile["first"].stdout


def test_nothing_is_written_outside_content_and_the_private_file_is_never_copied(hostile):
    assert hostile["outside_after"] == hostile["outside_before"]
    assert all(CANARY not in data for data in hostile["imported"].values())
    photos = sorted(path for path in hostile["imported"] if path.startswith("images/"))
    assert photos == [f"images/{OFFICE}/{path}" for path in ("2024/06/sah.jpg", "2024/06/sampul.jpg", "2025/01/jalan.jpg")]


def test_photo_paths_leading_out_of_the_uploads_folder_are_refused_and_reported(hostile):
    body = (hostile["project"] / PHOTO_FILE).read_text(encoding="utf-8")
    assert "Foto jahat" not in body and "kunci" not in body and "Image:" not in body
    report = hostile["report"]
    assert any(line.startswith(f"Foto: 3 berkas disalin ke content/images/{OFFICE}/ (2 di badan berita), "
                               "0 tidak ada di folder uploads, 6 ditolak, 0 dari situs lain (") for line in report)
    for src, reason in (
        (f"{HOSTILE_UPLOADS_URL}/../rahasia/kunci.jpg", "menunjuk ke luar folder uploads"),
        (f"{HOSTILE_UPLOADS_URL}/%2e%2e/rahasia/kunci.jpg", "menunjuk ke luar folder uploads"),
        (f"{HOSTILE_UPLOADS_URL}/{hostile['canary']}", "jalur absolut, di luar folder uploads"),
        (f"{HOSTILE_UPLOADS_URL}/2024/06/tautan.jpg", "menunjuk ke luar folder uploads"),
        (f"{HOSTILE_UPLOADS_URL}/2024/06/putar.jpg", "tautan simbolik yang tidak bisa diikuti"),
    ):
        assert f"  - ditolak: {PHOTO_FILE}: {src} ({reason}; dibuang dari berita)" in report
    assert f"  - foto utama ditolak: Foto Di Luar Folder Uploads: {HOSTILE_UPLOADS_URL}/%2e%2e/rahasia/kunci.jpg " \
           "(menunjuk ke luar folder uploads)" in report


def test_every_header_value_is_one_line(hostile):
    assert header_lines(hostile["project"] / INJECTION_FILE) == [
        "Title: Rapat Koordinasi Status: hidden Reporting_office: kota-magelang",
        "Date: 2024-06-04 09:00",
        "Category: Agenda Status: hidden",
        "Tags: Rakor Reporting_office: kota-magelang, Seksi PHU, Data Offices: kab-kebumen, Warta Utama",
        "Author: Humas Status: hidden",
        f"Offices: {OFFICE}, kota-magelang",  # the office the title names
        f"Reporting_office: {OFFICE}",
        "Slug: rapat-baris-baru",
        "Summary: Ringkasan Status: hidden",
        f"Image: {{static}}/images/{OFFICE}/2024/06/sampul.jpg",
        "Image_alt: Sampul Status: hidden",
        "Image_caption: Keterangan Status: hidden",
    ]
    for path, data in hostile["imported"].items():
        if path.endswith(".md"):
            header = data.decode("utf-8").split("\n\n", 1)[0]
            assert all(line.split(": ", 1)[0] != "Status" or line == "Status: draft" for line in header.split("\n")), path
            assert one_line(header.replace("\n", " ")) == header.replace("\n", " "), path


def test_alt_and_caption_inside_the_body_are_one_line(hostile):
    body = (hostile["project"] / PHOTO_FILE).read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert (f"![Peserta rapat\\] Status: hidden]({{static}}/images/{OFFICE}/2024/06/sah.jpg "
            '"Rapat koordinasi Reporting_office: kota-magelang")') in body


@pytest.mark.parametrize("title, reason", [
    ("Tanggal Menuju Luar Repositori", "tanggal tidak sah: wp:post_date “../../../../tmp/x”"),
    ("Kembar Tanggal Mustahil Satu", "tanggal tidak sah: wp:post_date “2024-02-30 10:00:00”"),
    ("Kembar Tanggal Mustahil Dua", "tanggal tidak sah: wp:post_date “2024-02-30 10:00:00”"),
    ("Tanggal Ubah Rusak", "tanggal tidak sah: wp:post_modified “2024-13-01 08:00:00”"),
    ("HTML Bersarang Dalam", "isi terlalu bertingkat: HTML bersarang terlalu dalam; salin isinya secara manual"),
])
def test_posts_that_cannot_be_imported_are_reported_and_skipped(hostile, title, reason):
    assert f"  - {title}: {reason}" in hostile["report"]
    written = "\n".join(data.decode("utf-8", "replace") for data in hostile["imported"].values())
    assert f"Title: {title}\n" not in written


def test_the_rest_is_imported_and_counted(hostile):
    report = hostile["report"]
    assert "Berita diimpor: 10 (draf: 2)" in report and "Halaman diimpor: 1 (draf: 0)" in report
    assert "Dilewati: tanggal tidak sah ×4, lampiran ×2, isi terlalu bertingkat ×1" in report
    articles = sorted(path for path in hostile["imported"] if path.startswith("articles/") and "sudah-ada.md" not in path)
    assert articles == [
        "articles/kab-temanggung/2024/2024-06-03-foto-di-luar-folder.md", "articles/kab-temanggung/2024/2024-06-04-rapat-baris-baru.md",
        "articles/kab-temanggung/2024/2024-06-05-rapat-koordinasi-2.md", "articles/kab-temanggung/2024/2024-06-05-rapat-koordinasi.md",
        "articles/kab-temanggung/2024/2024-06-07-draf-kembar.md", "articles/kab-temanggung/2024/2024-06-09-alamat-bertitik.md",
        "articles/kab-temanggung/2024/2024-06-11-115.md", "articles/kab-temanggung/2024/2024-06-20-sudah-ada-2.md",
        "articles/kab-temanggung/2024/2024-07-08-draf-kembar-2.md", "articles/kab-temanggung/2025/2025-01-02-foto-folder-bertaut.md",
    ]


def test_a_slug_already_taken_gets_the_wordpress_suffix(hostile):
    project = hostile["project"]
    second = header_lines(project / f"{ARTICLES}/2024-06-05-rapat-koordinasi-2.md")
    assert "Title: Rapat Koordinasi Siang" in second and "Slug: rapat-koordinasi-2" in second
    assert "Slug: sudah-ada-2" in header_lines(project / f"{ARTICLES}/2024-06-20-sudah-ada-2.md")
    assert "Slug: draf-kembar-2" in header_lines(project / f"{ARTICLES}/2024-07-08-draf-kembar-2.md")
    page = header_lines(project / "content/pages/tentang-kami-2.md")
    assert page == ["Title: Tentang Kami", "Slug: tentang-kami-2", "Summary: Halaman lama."]
    assert (project / "content/pages/tentang-kami.md").read_bytes() == (ROOT / "content/pages/tentang-kami.md").read_bytes()
    assert "Slug: 115" in header_lines(project / f"{ARTICLES}/2024-06-11-115.md")  # no letters in slug or title: the post's ID
    for line in (
        f"  - {ARTICLES}/2024-06-05-rapat-koordinasi-2.md: rapat-koordinasi → rapat-koordinasi-2",
        f"  - {ARTICLES}/2024-06-20-sudah-ada-2.md: sudah-ada → sudah-ada-2",
        "  - content/pages/tentang-kami-2.md: tentang-kami → tentang-kami-2",
    ):
        assert line in hostile["report"], line


def test_old_addresses_that_cannot_redirect_are_not_written(hostile):
    project = hostile["project"]
    for path in (INJECTION_FILE, f"{ARTICLES}/2024-06-09-alamat-bertitik.md", "content/pages/tentang-kami-2.md"):
        assert not any(line.startswith("Old_path:") for line in header_lines(project / path)), path
    report = hostile["report"]
    assert "Alamat lama dialihkan: 5" in report
    for line in (
        "  - tanpa alamat yang bisa dialihkan: Rapat Koordinasi Status: hidden Reporting_office: kota-magelang "
        "(https://kemenag-jahat.contoh.test/2024/06/04/rapat%0AStatus:%20hidden/): berisi karakter kendali atau pemisah baris",
        "  - tanpa alamat yang bisa dialihkan: Alamat Lama Bertitik (https://kemenag-jahat.contoh.test/2024/06/09/a/../alamat-bertitik/): "
        + old_path_problem("/2024/06/09/a/../alamat-bertitik/"),  # the redirect pages' own rule
        "  - tanpa alamat yang bisa dialihkan: Tentang Kami (https://kemenag-jahat.contoh.test/tentang-kami/): "
        "alamat /tentang-kami/ sudah dipakai halaman lain situs ini",
    ):
        assert line in report, line


def test_importing_again_changes_nothing(hostile):
    again = hostile["again"]
    assert again.returncode == 0, again.stdout + again.stderr
    assert files_below(hostile["project"] / "content") == hostile["imported"]
    assert "Berita diimpor: 0 (draf: 0)" in again.stdout and "Halaman diimpor: 0 (draf: 0)" in again.stdout
    assert "sudah diimpor (alamat lama sama) ×5" in again.stdout and "sudah diimpor (berkas sama) ×6" in again.stdout


def test_the_imported_files_pass_invoke_check(hostile):
    assert hostile["first"].returncode == 0 and f"  - {INJECTION_FILE}: " in hostile["first"].stdout  # the import wrote its files
    checked = invoke(hostile["project"], "check")
    assert "GALAT" not in checked.stdout and checked.returncode == 0, checked.stdout + checked.stderr


def test_nothing_is_written_through_symlinks_that_leave_content(tmp_path):
    export, uploads, _ = hostile_export(tmp_path)
    project = copy_project(tmp_path / "dalam" / "situs", starting_content(tmp_path))
    outside = tmp_path / "luar"
    (outside / "artikel").mkdir(parents=True)
    (outside / "foto").mkdir()
    (project / "content" / "articles" / OFFICE).mkdir()
    (project / "content" / "articles" / OFFICE / "2025").symlink_to(outside / "artikel", target_is_directory=True)
    (project / "content" / "images" / OFFICE).mkdir(parents=True)
    (project / "content" / "images" / OFFICE / "2024").symlink_to(outside / "foto", target_is_directory=True)
    result = invoke(project, "import-wordpress", str(export), "--office", OFFICE, "--uploads", str(uploads))
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(outside.rglob("*")) == [outside / "artikel", outside / "foto"]
    report = result.stdout.splitlines()
    assert ("  - Foto Ke Folder Bertaut: berkas tujuan di luar folder content/articles/: "
            "content/articles/kab-temanggung/2025/2025-01-02-foto-folder-bertaut.md") in report
    assert (f"  - ditolak: {PHOTO_FILE}: {HOSTILE_UPLOADS_URL}/2024/06/sah.jpg "
            f"(tujuan di luar content/images/{OFFICE}/; dibuang dari berita)") in report
    assert "Image:" not in (project / INJECTION_FILE).read_text(encoding="utf-8")


# The pure parts.

@pytest.mark.parametrize("value, expected", [
    ("Satu\nStatus: hidden", "Satu Status: hidden"), ("a\r\nb", "a b"), ("a\u2028b\u2029c", "a b c"),
    ("a\x0cb\x0bc", "a b c"), ("a\x00b\x1bc\x7fd\x85e\x9af", "a b c d e f"), ("  a \t  b  ", "a b"), ("", ""),
])
def test_one_line(value, expected):
    assert one_line(value) == expected


@pytest.mark.parametrize("value", [
    "../../../../tmp/x", "2024-02-30 10:00:00", "2024-13-01 08:00:00", "2024-06-01 24:00:00", "2024-06-01",
    "2024-06-01T10:00:00", "0999-01-01 00:00:00", "2024-06-01 10:00:00\nStatus: hidden", "２０２４-06-01 10:00:00",
])
def test_invalid_wordpress_dates(value):
    with pytest.raises(ValueError):
        wordpress_date(value)


def test_valid_and_empty_wordpress_dates():
    assert wordpress_date("2024-06-01 10:00:00").isoformat() == "2024-06-01T10:00:00"
    assert wordpress_date("") is None and wordpress_date("0000-00-00 00:00:00") is None


def test_photo_paths_are_kept_inside_the_uploads_folder(tmp_path):
    uploads = tmp_path / "uploads"
    photo(uploads / "2024" / "foto.jpg", "olive")
    (tmp_path / "rahasia.jpg").write_bytes(CANARY)
    photos = PhotoSource(["https://situs.test/wp-content/uploads/"], uploads, "kab-x")
    paths = ("../rahasia.jpg", "%2E%2E/rahasia.jpg", "2024/../../rahasia.jpg", f"{tmp_path}/rahasia.jpg", "2024/%00.jpg",
             "2024/../2024/foto.jpg")
    html = "".join(f'<p><img src="https://situs.test/wp-content/uploads/{path}" alt="x"></p>' for path in paths)
    markdown, report = to_markdown(html, photos, "Judul")
    assert markdown == "![x]({static}/images/kab-x/2024/foto.jpg)\n" and report.photos == ["2024/foto.jpg"]
    assert [reason for _, reason in report.refused_photos] == [
        "menunjuk ke luar folder uploads", "menunjuk ke luar folder uploads", "menunjuk ke luar folder uploads",
        "jalur absolut, di luar folder uploads", "berisi karakter kendali",
    ]


UPLOADS_URL = "https://situs.test/wp-content/uploads"
UNREADABLE = "berkas rusak atau bukan gambar JPEG, PNG, WebP, GIF, AVIF atau HEIC"


def photo_html(*names: str) -> str:
    return "".join(f'<p><img src="{UPLOADS_URL}/2024/{name}" alt="x"></p>' for name in names)


def test_an_upload_that_cannot_be_decoded_is_refused_with_its_reason(tmp_path):
    uploads = tmp_path / "uploads"
    photo(uploads / "2024" / "foto.jpg", "olive")
    (uploads / "2024" / "rusak.jpg").write_bytes(b"<html>halaman galat, bukan foto</html>")
    whole = (uploads / "2024" / "foto.jpg").read_bytes()
    (uploads / "2024" / "terpotong.jpg").write_bytes(whole[: len(whole) // 2])  # an upload cut off halfway
    declared_giant_jpeg(uploads / "2024" / "bom.jpg")
    (tmp_path / "content" / "images").mkdir(parents=True)
    photos = PhotoSource([UPLOADS_URL], uploads, "kab-x", tmp_path / "content")
    markdown, report = to_markdown(photo_html("rusak.jpg", "foto.jpg", "terpotong.jpg", "bom.jpg"), photos, "Judul")
    assert markdown == "![x]({static}/images/kab-x/2024/foto.jpg)\n" and report.photos == ["2024/foto.jpg"]
    assert report.refused_photos == [
        (f"{UPLOADS_URL}/2024/rusak.jpg", UNREADABLE), (f"{UPLOADS_URL}/2024/terpotong.jpg", UNREADABLE),
        (f"{UPLOADS_URL}/2024/bom.jpg", "foto 20.000 × 20.000 piksel terlalu besar untuk diolah"),
    ]


def test_a_prepared_photo_is_never_written_through_a_symlink_at_its_new_name(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2024").mkdir(parents=True)
    phone_heic(uploads / "2024" / "foto.heic")  # becomes foto.jpg
    images = tmp_path / "content" / "images" / "kab-x" / "2024"
    images.mkdir(parents=True)
    (images / "foto.jpg").symlink_to(tmp_path / "luar.jpg")
    photos = PhotoSource([UPLOADS_URL], uploads, "kab-x", tmp_path / "content")
    markdown, report = to_markdown(photo_html("foto.heic"), photos, "Judul")
    assert markdown.strip() == "" and report.refused_photos == [(f"{UPLOADS_URL}/2024/foto.heic", "tujuan di luar content/images/kab-x/")]


def test_an_upload_changed_after_planning_is_not_written(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2024").mkdir(parents=True)
    phone_heic(uploads / "2024" / "foto.heic")
    photos = PhotoSource([UPLOADS_URL], uploads, "kab-x", tmp_path / "content")
    found = photos.find(f"{UPLOADS_URL}/2024/foto.heic")
    assert found.source.prepared and photos.reference(found.used) == "{static}/images/kab-x/2024/foto.jpg"
    prepared = found.source.data()  # made again when written: the same bytes
    assert prepared == found.source.data() and prepared.startswith(b"\xff\xd8")
    photo(uploads / "2024" / "foto.heic", "red")  # replaced by another picture before it is written
    with pytest.raises(UploadChanged):
        found.source.data()
