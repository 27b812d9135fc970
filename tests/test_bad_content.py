"""The bad-input corpus: each mistake is caught by `invoke check` and by the build,
or sanitised where that is the rule, and a failed publish keeps the previous output."""

import shutil
import stat
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_copy import ROOT, copy_project, invoke

CORPUS = Path(__file__).resolve().parent / "bad_content"

EXPECTED = {
    "no-title": "articles/tanpa-judul.md: GALAT: kolom Title: tidak ada; kolom ini wajib.",
    "bad-date": "articles/tanggal-salah.md:2: GALAT: kolom Date: tanggal '2024-13-45 25:00' tidak bisa dibaca.",
    "unknown-office": (
        "articles/kantor-salah.md:6: GALAT: kolom Offices: kantor 'Kab. Magelng' tidak dikenal. "
        "Mungkin maksud Anda kab-magelang (Kankemenag Kab. Magelang)"
    ),
    "missing-image": "articles/gambar-hilang.md:13: GALAT: gambar '{static}/images/tidak-ada.jpg' tidak ditemukan.",
    "duplicate-slug": "GALAT: kolom Slug: alamat /2024/05/manasik-haji-wonosobo/ sudah dipakai oleh",
    "metadata-typo": "articles/salah-ketik.md:6: GALAT: kolom Ofices: kolom 'Ofices' tidak dikenal. Mungkin maksud Anda 'Offices'?",
    "script-in-title": "articles/skrip-judul.md:1: GALAT: kolom Title: judul tidak boleh berisi tag HTML",
    "empty-file": "articles/kosong.md: GALAT: berkas kosong.",
    "not-utf8": "articles/bukan-utf8.md:1: GALAT: berkas bukan UTF-8",
    "corrupt-photo": (
        "content/images/rusak.jpg: GALAT: foto 'content/images/rusak.jpg' tidak bisa dibaca: "
        "berkas rusak atau bukan gambar."
    ),
    # Hostile or careless files (issue #16): each passed `invoke check` or escaped the build before.
    "html-article": "articles/berita.html: GALAT: berkas ini bukan berkas .md, jadi tidak dibaca sebagai berita atau halaman.",
    "markdown-suffix": "articles/berita.markdown: GALAT: berkas Markdown berakhiran '.markdown' tidak dibaca.",
    "old-path-escape": (
        "articles/alamat-lama-keluar.md:10: GALAT: kolom Old_path: alamat lama '/2021/../../../lolos/' "
        "tidak boleh berisi bagian . atau .. atau //."
    ),
    "old-path-scheduled": (
        "articles/impor.md:10: GALAT: kolom Old_path: alamat lama /2099/01/berita-terjadwal/ sudah dipakai halaman lain situs ini. "
        "Alamat itu milik content/articles/terjadwal.md."
    ),
    "old-path-reserved": (
        "articles/impor.md:10: GALAT: kolom Old_path: alamat lama /kategori/haji-dan-umrah/ memakai folder /kategori/ milik halaman situs ini."
    ),
    "tag-without-slug": "articles/tag-tanda.md:4: GALAT: kolom Tags: '!!!' tidak bisa menjadi alamat tag (slug)",
    "category-without-slug": "articles/kategori-tanda.md:3: GALAT: kolom Category: '???' tidak bisa menjadi alamat kategori (slug)",
    "title-without-slug": (
        "articles/judul-tanda.md:1: GALAT: kolom Title: judul tidak menghasilkan alamat (slug) yang bisa dipakai: "
        "kosong (tidak ada huruf atau angka)."
    ),
    "link-to-non-content": (
        "articles/tautan-foto.md:13: GALAT: tautan '{filename}/images/foto.jpg' menuju berkas yang bukan berita atau halaman."
    ),
    "photo-outside-content": "articles/foto-luar.md:13: GALAT: gambar '{static}/../tasks.py' menuju berkas di luar folder content.",
    "truncated-photo": (
        "content/images/terpotong.jpg: GALAT: foto 'content/images/terpotong.jpg' tidak bisa dibaca: berkas rusak atau bukan gambar."
    ),
    "photo-bomb": (
        "content/images/bom.png: GALAT: foto 'content/images/bom.png' (13.000 × 13.000 piksel) tidak diolah: "
        "berkas 20,1 KB menyatakan 169,0 megapiksel"
    ),
    # The photo standard (issue #18): every photo file in content/, referenced or not.
    "phone-photo": (
        "content/images/IMG_20240502_081500.jpg: GALAT: foto 'content/images/IMG_20240502_081500.jpg' "
        "belum memenuhi standar foto situs: berisi metadata (EXIF/XMP, komentar)."
    ),
    "tall-photo": (
        "content/images/tangkapan-layar.png: GALAT: foto 'content/images/tangkapan-layar.png' belum memenuhi standar "
        "foto situs: PNG tanpa bagian transparan (foto disimpan sebagai JPEG); sisi terpanjang 20.000 piksel, lebih dari 2.048."
    ),
    "repeated-field": "articles/kolom-ganda.md:10: GALAT: kolom Reporting_office: kolom ini ditulis lagi (sudah ada di baris 7).",
    "line-separator": (
        "articles/pemisah-baris.md:9: GALAT: kolom Summary: nilainya berisi karakter tak terlihat pemisah baris atau kendali (U+2028)."
    ),
    "page-slug-reserved": "pages/kantor.md:2: GALAT: kolom Slug: alamat /kantor/ memakai folder /kantor/ milik halaman situs ini.",
    # Found by a hostile review: Pelican rewrites {…} in any url-like attribute and copies the file it names.
    "placeholder-attribute": "articles/kutipan.md:13: GALAT: penanda '{attach}' tidak boleh dipakai di atribut cite pada <q>.",
    "placeholder-typo": "articles/salah-penanda.md:13: GALAT: penanda '{Static}' tidak dikenal (di atribut href pada <a>).",
    "pipe-placeholder": "articles/tautan-pipa.md:13: GALAT: tautan '|static|/images/gps.jpg' memakai penanda bentuk lama",
    "control-character-body": "articles/kendali.md:13: GALAT: badan berita berisi karakter kendali tak terlihat (U+000B).",
    "long-slug": "articles/slug-panjang.md:8: GALAT: kolom Slug: slug 'aaaa",
    "long-title": "articles/judul-panjang.md:1: GALAT: kolom Title: judul 406 karakter; paling banyak 300.",
    "date-overflow": (
        "articles/tanggal-ujung.md:2: GALAT: kolom Date: tanggal '9999-12-31T23:59:00-12:00' di luar rentang tahun 1000–9998."
    ),
    "hidden-folder": "articles/.tersembunyi: GALAT: folder tersembunyi di folder konten tidak dibaca.",
}
# Corpus folders that must pass check, build and publish (what is wrong is removed with a
# warning, or handled: photos that meet the standard, a JPEG at the largest size and a transparent PNG).
PASSING = {"script-in-body", "standard-photos"}
HOW_TO_FIX = {
    "no-title": "Tulis judul berita",
    "bad-date": "Tulis tahun-bulan-tanggal jam:menit (WIB)",
    "missing-image": "Periksa nama berkas",
    "duplicate-slug": "Beri salah satu berita Slug lain.",
    "empty-file": "Isi metadata dan teks berita",
    "not-utf8": "Simpan ulang berkas dengan pengodean UTF-8",
    "corrupt-photo": "Simpan ulang foto dari ponsel atau kamera",
    "html-article": "Tulis isinya sebagai berkas .md",
    "markdown-suffix": "Ganti nama berkasnya sehingga berakhiran .md.",
    "old-path-scheduled": "Hapus baris Old_path atau perbaiki alamatnya.",
    "truncated-photo": "Simpan ulang foto dari ponsel atau kamera",
    "photo-bomb": "paling besar 200 megapiksel",
    "phone-photo": "Jalankan `invoke prepare-photos`",
    "tall-photo": "Jalankan `invoke prepare-photos`",
    "repeated-field": "setiap kolom hanya boleh ditulis sekali",
    "line-separator": "ketik ulang nilainya di satu baris",
}
# One case for each place the build stops: before reading (metadata, photo files), while reading a body, checking addresses.
PUBLISH_CASES = ["bad-date", "link-to-non-content", "phone-photo", "old-path-scheduled", "html-article"]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def project(request, tmp_path):
    return copy_project(tmp_path / "situs", CORPUS / request.param)


def test_every_corpus_case_has_an_expectation():
    assert {case.name for case in CORPUS.iterdir()} == set(EXPECTED) | PASSING


@pytest.mark.parametrize("project", sorted(EXPECTED), indirect=True)
def test_check_and_build_fail_with_the_same_clear_message(project, request):
    """Whatever the build refuses, `invoke check` refuses first, with the same Indonesian message."""
    case = request.node.callspec.params["project"]
    checked = invoke(project, "check")
    assert checked.returncode == 1
    assert one_line(EXPECTED[case]) in one_line(checked.stdout), checked.stdout
    if case in HOW_TO_FIX:
        assert HOW_TO_FIX[case] in checked.stdout
    built = invoke(project, "build")
    assert built.returncode != 0
    assert one_line(EXPECTED[case]) in one_line(built.stdout + built.stderr)
    assert "Traceback" not in built.stdout + built.stderr  # the editor's message, not Python's
    assert not list(project.parent.rglob("*lolos*"))  # nothing written outside the output folder


@pytest.mark.parametrize("project", sorted(PASSING - {"script-in-body"}), indirect=True)
def test_check_build_and_publish_pass_together(project):
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout
    assert invoke(project, "build").returncode == 0
    published = invoke(project, "publish")
    assert published.returncode == 0, published.stdout + published.stderr


@pytest.mark.parametrize("project", PUBLISH_CASES, indirect=True)
def test_failed_publish_keeps_the_previous_output(project):
    output = project / "output"
    output.mkdir()
    (output / "index.html").write_text("situs yang sedang tayang")
    published = invoke(project, "publish")
    assert published.returncode != 0
    assert [p.name for p in project.iterdir() if "output" in p.name] == ["output"]
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "situs yang sedang tayang"


def article_text(slug: str) -> str:
    return (CORPUS / "duplicate-slug" / "articles" / "pertama.md").read_text().replace("manasik-haji-wonosobo", slug)


@pytest.mark.parametrize("kind", ["article", "folder", "photo"])
def test_symbolic_links_in_the_content_are_refused(tmp_path, kind):
    """Pelican follows links anywhere on the machine; a link in the content is a GALAT for check and build."""
    project = copy_project(tmp_path / "situs", ROOT / "content")
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "berita.md").write_text(article_text("berita-dari-luar"))
    if kind == "article":
        (project / "content/articles/tautan.md").symlink_to(outside / "berita.md")
        expected = "content/articles/tautan.md: GALAT: tautan simbolik (symlink) tidak boleh ada di folder konten."
    elif kind == "folder":
        (project / "content/articles/luar").symlink_to(outside, target_is_directory=True)
        expected = "content/articles/luar: GALAT: tautan simbolik (symlink) tidak boleh ada di folder konten."
    else:
        shutil.copy(ROOT / "tests/photo_content/images/manasik.jpg", outside / "foto.jpg")
        (project / "content/images").mkdir(exist_ok=True)
        (project / "content/images/foto.jpg").symlink_to(outside / "foto.jpg")
        (project / "content/articles/foto.md").write_text(article_text("foto-tautan") + "\n![Foto]({static}/images/foto.jpg)\n")
        expected = "GALAT: gambar '{static}/images/foto.jpg' menuju berkas di luar folder content."
    checked = invoke(project, "check")
    assert checked.returncode == 1 and expected in one_line(checked.stdout), checked.stdout
    built = invoke(project, "build")
    assert built.returncode != 0 and expected in one_line(built.stdout + built.stderr)
    assert not list((project / "output").rglob("*berita-dari-luar*"))


@pytest.mark.parametrize("project", ["script-in-body"], indirect=True)
def test_script_in_body_is_reported_and_removed(project):
    checked = invoke(project, "check")
    assert checked.returncode == 0
    assert "PERINGATAN: tag <script> di badan berita akan dibuang" in checked.stdout
    published = invoke(project, "publish")
    assert published.returncode == 0, published.stdout + published.stderr
    # The published tree is readable by the web server (the staging folder was made 0700).
    assert stat.S_IMODE((project / "output").stat().st_mode) == 0o755
    assert {stat.S_IMODE(path.stat().st_mode) for path in (project / "output").rglob("*") if path.is_file()} == {0o644}
    page = (project / "output/2024/05/manasik-haji-wonosobo/index.html").read_text()
    body = BeautifulSoup(page, "html.parser").select_one(".article-body")
    assert "Klik" in body.get_text()
    assert not body.find("script") and "alert" not in str(body)
    assert not any(attribute.startswith("on") for tag in body.find_all(True) for attribute in tag.attrs)
    assert body.find("a", string="Tautan").get("href") is None
