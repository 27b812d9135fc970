"""The bad-input corpus: each mistake is caught by `invoke check` and by the build,
or sanitised where that is the rule, and a failed publish keeps the previous output."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_copy import copy_project, invoke

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
        "articles/foto-rusak.md:13: GALAT: foto 'content/images/rusak.jpg' tidak bisa dibaca: "
        "berkas rusak atau bukan gambar."
    ),
}
HOW_TO_FIX = {
    "no-title": "Tulis judul berita",
    "bad-date": "Tulis tahun-bulan-tanggal jam:menit (WIB)",
    "missing-image": "Periksa nama berkas",
    "duplicate-slug": "Beri salah satu berita Slug lain.",
    "empty-file": "Isi metadata dan teks berita",
    "not-utf8": "Simpan ulang berkas dengan pengodean UTF-8",
    "corrupt-photo": "Simpan ulang foto dari ponsel atau kamera",
}


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def project(request, tmp_path):
    return copy_project(tmp_path / "situs", CORPUS / request.param)


@pytest.mark.parametrize("project", sorted(EXPECTED), indirect=True)
def test_check_and_build_fail_with_a_clear_message(project, request):
    case = request.node.callspec.params["project"]
    checked = invoke(project, "check")
    assert checked.returncode == 1
    assert one_line(EXPECTED[case]) in one_line(checked.stdout), checked.stdout
    if case in HOW_TO_FIX:
        assert HOW_TO_FIX[case] in checked.stdout
    built = invoke(project, "build")
    assert built.returncode != 0
    assert one_line(EXPECTED[case]) in one_line(built.stdout + built.stderr)


@pytest.mark.parametrize("project", sorted(EXPECTED), indirect=True)
def test_failed_publish_keeps_the_previous_output(project):
    output = project / "output"
    output.mkdir()
    (output / "index.html").write_text("situs yang sedang tayang")
    published = invoke(project, "publish")
    assert published.returncode != 0
    assert [p.name for p in project.iterdir() if "output" in p.name] == ["output"]
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "situs yang sedang tayang"


@pytest.mark.parametrize("project", ["script-in-body"], indirect=True)
def test_script_in_body_is_reported_and_removed(project):
    checked = invoke(project, "check")
    assert checked.returncode == 0
    assert "PERINGATAN: tag <script> di badan berita akan dibuang" in checked.stdout
    published = invoke(project, "publish")
    assert published.returncode == 0, published.stdout + published.stderr
    page = (project / "output/2024/05/manasik-haji-wonosobo/index.html").read_text()
    body = BeautifulSoup(page, "html.parser").select_one(".article-body")
    assert "Klik" in body.get_text()
    assert not body.find("script") and "alert" not in str(body)
    assert not any(attribute.startswith("on") for tag in body.find_all(True) for attribute in tag.attrs)
    assert body.find("a", string="Tautan").get("href") is None
