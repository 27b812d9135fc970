"""An office's WordPress archive comes over whole (issue #19): documents, videos, audio, galleries, old addresses.

`wordpress_export.archive_export` is an office archive as WordPress sites
hold it. It is imported into a project without articles, then `invoke
check` must pass with no hand edit, and the build must publish every
document and video with the page showing its type and size, and every
imported file at its old /wp-content/uploads/ address too. The report is
compared with the files: every address it lists as written as a link is
on the line it names; every one it says was dropped is absent.
"""

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, text_of
from old_addresses.old_uploads import address_clash, entry_problem, old_address_problem, read_old_uploads, toml_text
from site_copy import import_twice, invoke, project_without_articles, snapshot
from wordpress_export import (
    ARCHIVE_DISGUISED, ARCHIVE_FOREIGN_PHOTO, ARCHIVE_MISSING, ARCHIVE_UPLOADS_URL, ARCHIVE_YOUTUBE, archive_export,
)

OFFICE = "kab-sragen"
ANNOUNCEMENT = "content/articles/kab-sragen/2025/2025-05-10-pengumuman-berhak-lunas.md"
BLOCKS = "content/articles/kab-sragen/2025/2025-05-11-jadwal-manasik-dan-rekaman.md"
BIG_VIDEO = "content/articles/kab-sragen/2025/2025-05-12-rekaman-lengkap-pelepasan.md"
ONLY_VIDEO = "content/articles/kab-sragen/2025/2025-05-13-video-manasik.md"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("arsip")
    project = project_without_articles(base)
    export, uploads = archive_export(base, ROOT)
    first, files, again = import_twice(project, export, uploads, OFFICE)
    assert again.returncode == 0, again.stdout + again.stderr
    checked = invoke(project, "check")
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return {"project": project, "report": first.stdout, "files": files, "checked": checked}


def read(archive, relative: str) -> str:
    return (archive["project"] / relative).read_text(encoding="utf-8")


def test_the_import_passes_invoke_check_without_a_hand_edit(archive):
    checked = archive["checked"]
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout + checked.stderr
    # What stays a link to the old site is a warning naming the file and line, never silent.
    assert f"{ANNOUNCEMENT}:11: PERINGATAN" in checked.stdout and ARCHIVE_MISSING in checked.stdout


def test_a_second_import_changes_nothing(archive):
    assert snapshot(archive["project"] / "content") == archive["files"]


def test_documents_videos_and_audio_are_copied_and_linked(archive):
    project = archive["project"]
    announcement = read(archive, ANNOUNCEMENT)
    assert f"[Daftar jemaah berhak lunas]({{static}}/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf)" in announcement
    # A name with spaces becomes a plain one; the file is byte for byte the upload.
    assert f"[jadwal]({{static}}/dokumen/{OFFICE}/2025/05/Jadwal-Manasik-2025.xlsx)" in announcement
    # A photo linking to the PDF keeps the PDF's link; a link without text gets the file's name as its text.
    lines = announcement.splitlines()
    at = lines.index(f"![Sampul daftar]({{static}}/images/{OFFICE}/2025/05/pelunasan.jpg)")
    assert lines[at + 2] == f"[Dokumen: daftar-berhak-lunas.pdf]({{static}}/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf)"
    assert f"Rekaman takbir: [takbir.mp3]({{static}}/media/{OFFICE}/2025/05/takbir.mp3)" in lines
    stored = project / f"content/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf"
    assert stored.read_bytes() == (ROOT / "tests/document_content/dokumen/kab-wonosobo/2026/06/daftar-jemaah-berhak-lunas.pdf").read_bytes()
    blocks = read(archive, BLOCKS)
    # The file block: one link (its "Unduh" button and PDF viewer dropped); the video block with its poster.
    assert blocks.count("daftar-berhak-lunas.pdf") == 1 and "Unduh" not in blocks and "<object" not in blocks
    assert (f"[![Video: Manasik di halaman kantor]({{static}}/images/{OFFICE}/2025/05/poster-manasik.jpg)]"
            f"({{static}}/media/{OFFICE}/2025/05/manasik.mp4)") in blocks.splitlines()
    assert f"[Audio: takbir.mp3]({{static}}/media/{OFFICE}/2025/05/takbir.mp3)" in blocks.splitlines()
    assert sorted(p.name for p in (project / f"content/media/{OFFICE}/2025/05").iterdir()) == ["manasik.mp4", "takbir.mp3"]
    # A code block opening the post is no summary; a post that is only a video is summarised by its title.
    assert "Summary: Jadwal Manasik dan Rekaman Kegiatan\n" in blocks
    assert "Summary: Video Manasik\n" in read(archive, ONLY_VIDEO)


def test_what_cannot_be_carried_over_stays_visible_and_the_report_says_where(archive):
    report = archive["report"]
    assert "Tidak terbawa, ditulis sebagai tautan yang terlihat ke alamat lamanya: 4" in report
    big = f"{ARCHIVE_UPLOADS_URL}/2025/05/rekaman-lengkap.mp4"
    assert f"[Video: rekaman-lengkap.mp4]({big})" in read(archive, BIG_VIDEO)
    assert re.search(rf"^  - {re.escape(BIG_VIDEO)}:\d+: {re.escape(big)} \(51 MB, lebih dari batas 50 MB; unggah videonya ke YouTube", report, re.M)
    assert f"[daftar lama]({ARCHIVE_UPLOADS_URL}/{ARCHIVE_DISGUISED})" in read(archive, ANNOUNCEMENT)
    assert not list(archive["project"].glob("content/**/palsu.pdf"))  # an HTML page named .pdf is never copied
    # The photo of another site inside nested blocks: a visible link, not an image left in the body.
    assert f"[Foto: Foto kiriman warga]({ARCHIVE_FOREIGN_PHOTO})" in read(archive, BLOCKS).splitlines()
    assert ARCHIVE_YOUTUBE in read(archive, ANNOUNCEMENT).splitlines()  # the site shows a player there


def test_every_address_the_report_lists_is_on_the_line_it_names(archive):
    listed = re.findall(r"^  - (content/\S+\.md):(\d+): (\S+) \(", archive["report"], re.M)
    assert len(listed) == 4
    for file, line, address in listed:
        assert address in read(archive, file).splitlines()[int(line) - 1], (file, line, address)
    dropped = re.findall(r"^  - ditolak: (content/\S+\.md): (\S+) \(.*dibuang dari berita\)$", archive["report"], re.M)
    for file, address in dropped:
        assert address not in read(archive, file)


def test_the_gallery_and_the_old_upload_addresses(archive):
    announcement = read(archive, ANNOUNCEMENT).splitlines()
    at = announcement.index(f"![Jemaah melunasi biaya haji]({{static}}/images/{OFFICE}/2025/05/pelunasan.jpg)")
    assert announcement[at + 1] == f"![Aula manasik]({{static}}/images/{OFFICE}/2025/05/aula.jpg)"  # one a line: a gallery
    entries, problems = read_old_uploads(archive["project"] / "content")
    assert not problems
    mapped = {entry.old_path: entry.stored for entry in entries}
    assert mapped["/wp-content/uploads/2025/05/daftar-berhak-lunas.pdf"] == f"dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf"
    assert mapped["/wp-content/uploads/2025/05/aula-1024x683.jpg"] == f"images/{OFFICE}/2025/05/aula.jpg"
    assert not any("cdn.lain" in old or "palsu" in old or "rekaman-lengkap" in old for old in mapped)


def test_old_upload_addresses_keep_working_on_the_published_site(archive):
    output = archive["project"] / "output"
    uploads = output / "wp-content/uploads/2025/05"
    content = archive["project"] / "content"
    assert (uploads / "daftar-berhak-lunas.pdf").read_bytes() == (content / f"dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf").read_bytes()
    assert (uploads / "Jadwal Manasik 2025.xlsx").is_file() and (uploads / "takbir.mp3").is_file()
    # A photo's old address shows what a link to the photo opens on the site: its fallback JPEG, no original.
    page = BeautifulSoup((output / "2025/05/pengumuman-berhak-lunas/index.html").read_text(), "html.parser")
    link = page.select_one(".gallery a.gallery-link")["href"]
    assert (uploads / "pelunasan.jpg").read_bytes() == (output / link.lstrip("/")).read_bytes()
    assert (uploads / "pelunasan.jpg").read_bytes() != (content / f"images/{OFFICE}/2025/05/pelunasan.jpg").read_bytes()
    body = page.select_one(".article-body")
    assert "Daftar jemaah berhak lunas (PDF, 19 KB)" in text_of(body)
    assert body.select_one("figure.video-embed") is not None  # the YouTube line
    assert BeautifulSoup((output / "2025/05/jadwal-manasik-dan-rekaman/index.html").read_text(), "html.parser").find("video")["preload"] == "none"


# -- the old uploads file is content, untrusted like any -----------------------------------------------

def test_an_old_upload_address_can_never_replace_a_page_of_the_site(tmp_path):
    content = tmp_path / "content"
    (content / "dokumen/kab-x").mkdir(parents=True)
    (content / "dokumen/kab-x/a.pdf").write_bytes(b"%PDF-1.4\n")
    reserved = {"kantor", "dokumen", "images", "admin"}
    assert entry_problem("/wp-content/uploads/2025/05/a.pdf", "dokumen/kab-x/a.pdf", content, reserved, "kab-x") == ""
    assert entry_problem("/kudus/wp-content/uploads/sites/3/a.pdf", "dokumen/kab-x/a.pdf", content, reserved, "kab-x") == ""
    assert entry_problem("/files/2025/05/a.pdf", "dokumen/kab-x/a.pdf", content, reserved, "kab-x") == ""
    for old in ("/index.html", "/2025/05/berita/index.html", "/wp-content/uploads/../../index.html",
                "/wp-content/uploads/a.pdf?x", "/dokumen/files/a.pdf", "/admin/files/a.pdf", "wp-content/uploads/a.pdf",
                "/wp-content/uploads/a\n.pdf", "/wp-content/uploads//a.pdf", "/wp-content/uploads/2026/06/a.pdf/b.pdf"):
        assert old_address_problem(old, reserved), old
    assert old_address_problem("/wp-content/blogs.dir/3/files/2026/06/a.pdf", reserved) == ""
    # A page or redirect needing the address as a file or as a folder ("Old_path: /wp-content/uploads/a.pdf/").
    assert address_clash("wp-content/uploads/a.pdf", {"wp-content/uploads/a.pdf/index.html"})
    assert address_clash("wp-content/uploads/a.pdf", {"wp-content/uploads/a.pdf"})
    assert address_clash("wp-content/x/a.pdf", {"wp-content/x"})
    assert not address_clash("wp-content/uploads/a.pdf", {"wp-content/uploads/b.pdf", "2025/05/a/index.html"})
    assert "berakhiran sama" in entry_problem("/wp-content/uploads/a.html", "dokumen/kab-x/a.pdf", content, reserved, "kab-x")
    assert "tidak ada" in entry_problem("/wp-content/uploads/b.pdf", "dokumen/kab-x/b.pdf", content, reserved, "kab-x")
    assert entry_problem("/wp-content/uploads/a.pdf", "../../etc/passwd", content, reserved, "kab-x")
    assert entry_problem("/wp-content/uploads/a.pdf", "articles/berita.md", content, reserved, "kab-x")


def test_invoke_check_refuses_a_tampered_old_uploads_file(archive, tmp_path):
    project = tmp_path / "situs"
    shutil.copytree(archive["project"], project, symlinks=True, ignore=shutil.ignore_patterns("output", "cache"))
    registry = project / f"content/unggahan-lama/{OFFICE}.toml"
    registry.write_text(toml_text({
        "/wp-content/uploads/2025/05/daftar-berhak-lunas.pdf": f"dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf",
        "/index.html": f"dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf",
        "/wp-content/uploads/2025/05/halaman.html": f"dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf",
    }))
    # Another office's file: an address the first already has; a file of another office's folder.
    (project / "content/dokumen/kab-boyolali/2025/05").mkdir(parents=True)
    shutil.copy(project / f"content/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf", project / "content/dokumen/kab-boyolali/2025/05/salinan.pdf")
    (project / "content/unggahan-lama/kab-boyolali.toml").write_text(
        '"/wp-content/uploads/2025/05/daftar-berhak-lunas.pdf" = "dokumen/kab-boyolali/2025/05/salinan.pdf"\n'
        f'"/wp-content/uploads/2025/05/x.pdf" = "dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf"\n')
    checked = invoke(project, "check")
    assert checked.returncode == 1
    assert f"content/unggahan-lama/{OFFICE}.toml:3: GALAT: alamat lama '/index.html' bukan alamat unggahan WordPress" in checked.stdout
    assert "halaman.html' harus berakhiran sama dengan berkasnya (.pdf)" in checked.stdout
    assert f"content/unggahan-lama/{OFFICE}.toml:4: GALAT: alamat lama '/wp-content/uploads/2025/05/daftar-berhak-lunas.pdf' " \
           "juga ada di content/unggahan-lama/kab-boyolali.toml" in checked.stdout
    assert "content/unggahan-lama/kab-boyolali.toml:2: GALAT: berkas 'dokumen/kab-sragen/2025/05/daftar-berhak-lunas.pdf' " \
           "bukan milik kantor kab-boyolali" in checked.stdout
    folder_taker = project / "content/articles/kab-sragen/2025/2025-05-13-video-manasik.md"
    folder_taker.write_text(folder_taker.read_text().replace(
        "Old_path: /2025/05/13/video-manasik/", "Old_path: /wp-content/uploads/2025/05/daftar-berhak-lunas.pdf/"))
    checked = invoke(project, "check")
    assert "alamat lama '/wp-content/uploads/2025/05/daftar-berhak-lunas.pdf' bertabrakan" in checked.stdout
    built = invoke(project, "build")  # the build refuses what the check refuses
    assert built.returncode != 0 and "unggahan-lama" in built.stdout + built.stderr


def test_a_different_file_already_there_is_never_linked_in_its_place(tmp_path):
    """A document an editor saved under the same name earlier stays theirs; the import takes the next free name."""
    project = project_without_articles(tmp_path)
    export, uploads = archive_export(tmp_path, ROOT)
    earlier = project / f"content/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas.pdf"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"%PDF-1.4\n% pengumuman lain dengan nama yang sama\n")
    result = invoke(project, "import-wordpress", str(export), "--office", OFFICE, "--uploads", str(uploads))
    assert result.returncode == 0, result.stdout + result.stderr
    text = (project / ANNOUNCEMENT).read_text(encoding="utf-8")
    assert f"({{static}}/dokumen/{OFFICE}/2025/05/daftar-berhak-lunas-2.pdf)" in text and "daftar-berhak-lunas.pdf)" not in text
    assert earlier.read_bytes().endswith(b"nama yang sama\n")
    assert (earlier.parent / "daftar-berhak-lunas-2.pdf").read_bytes() == (uploads / "2025/05/daftar-berhak-lunas.pdf").read_bytes()


def test_a_symlinked_document_folder_never_takes_a_copy_outside_content(tmp_path):
    from editorial.wordpress.photos import PhotoSource, Refused
    from editorial.wordpress.upload_files import FileSource

    uploads, content, outside = tmp_path / "uploads", tmp_path / "content", tmp_path / "luar"
    (uploads / "2025/05").mkdir(parents=True)
    (uploads / "2025/05/a.pdf").write_bytes(b"%PDF-1.4\n")
    content.mkdir()
    outside.mkdir()
    (content / "dokumen").symlink_to(outside, target_is_directory=True)
    files = FileSource(PhotoSource([f"{ARCHIVE_UPLOADS_URL}/"], uploads, OFFICE, content))
    found = files.find(f"{ARCHIVE_UPLOADS_URL}/2025/05/a.pdf")
    assert isinstance(found, Refused) and "di luar content/dokumen" in found.reason
