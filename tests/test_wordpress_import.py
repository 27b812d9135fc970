"""`invoke import-wordpress`: two offices' WordPress exports become articles that pass `invoke check` and publish."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, text_of
from editorial.wordpress.html_body import autop, to_markdown
from editorial.wordpress.photos import PhotoSource
from editorial.wordpress.post_metadata import CategoryMap, credit, first_sentence, old_path, our_slug
from phone_photos import CAMERA_TEXTS
from photos.standard import Standard, standard_reasons
from seed_articles import KOTA_MAGELANG, WONOSOBO
from site_copy import copy_project, import_twice, invoke, project_without_articles, snapshot
from wordpress_export import (
    ENTITY_TITLE_TEXT, MAGELANG_OLD_PATH, PHONE_UPLOADS_URL, WONOSOBO_OLD_PATH, magelang_export, phone_export, photo,
    wonosobo_export,
)

SITE = "http://localhost:8000"  # publishconf's default SITEURL: the copies publish without one
WONOSOBO_FILE = "content/articles/kab-wonosobo/2021/2021-06-15-lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu.md"
MAGELANG_FILE = "content/articles/kota-magelang/2022/2022-08-23-rakor-seksi-phu-se-eks-karesidenan-kedu.md"
MANASIK_FILE = "content/articles/kab-wonosobo/2024/2024-05-02-manasik-lansia.md"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A project whose content is the fixed pages only, after importing both exports (twice)."""
    base = tmp_path_factory.mktemp("wordpress")
    project = project_without_articles(base)
    exports = {"kab-wonosobo": wonosobo_export(base), "kota-magelang": magelang_export(base)}
    reports = {}
    for office, (export, uploads) in exports.items():
        result = invoke(project, "import-wordpress", str(export), "--office", office, "--uploads", str(uploads))
        assert result.returncode == 0, result.stdout + result.stderr
        reports[office] = result.stdout
    first = snapshot(project / "content")
    again = {office: invoke(project, "import-wordpress", str(export), "--office", office, "--uploads", str(uploads))
             for office, (export, uploads) in exports.items()}
    return {"project": project, "reports": reports, "first": first, "again": again, "exports": exports}


@pytest.fixture(scope="module")
def published(imported):
    project = imported["project"]
    checked = invoke(project, "check")
    built = invoke(project, "publish")
    assert built.returncode == 0, built.stdout + built.stderr
    return {"checked": checked, "output": project / "output"}


def soup(output: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((output / url_path.lstrip("/") / "index.html").read_text(), "html.parser")


def test_the_seed_article_file(imported):
    text = (imported["project"] / WONOSOBO_FILE).read_text()
    header, body = text.split("\n\n", 1)
    assert header.splitlines() == [
        "Title: Lima ASN Kankemenag Wonosobo Ikuti Rakor Seksi PHU Se-Eks Karesidenan Kedu di Purworejo",
        "Date: 2021-06-15 14:00",
        "Category: Haji dan Umrah",
        "Tags: Rakor, Seksi PHU",
        "Author: ps-ws",  # the credit at the end of the text
        "Offices: kab-wonosobo, kab-magelang, kota-magelang, kab-temanggung, kab-purworejo, kab-kebumen",
        "Reporting_office: kab-wonosobo",
        "Slug: lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu",
        "Summary: Wonosobo – Lima ASN Perwakilan dari Seksi Penyelenggara Haji dan Umroh serta Subbag TU Kankemenag "
        "Kab. Wonosobo ikuti rapat koordinasi (rakor) Seksi PHU se Eks Karesidenan Kedu yang digelar di…",
        f"Old_path: {WONOSOBO_OLD_PATH}",
    ]
    assert "Dibaca 57 kali" not in body


def test_titles_slugs_summaries_photos_and_shortcodes(imported):
    text = (imported["project"] / MANASIK_FILE).read_text()
    header, body = text.split("\n\n", 1)
    values = dict(line.split(": ", 1) for line in header.splitlines())
    assert values["Title"] == ENTITY_TITLE_TEXT  # entities decoded
    assert values["Slug"] == "manasik-lansia"  # "manasik-%e2%80%9clansia%e2%80%9d", decoded, in our form
    assert values["Summary"] == "Manasik bagi jamaah lansia & pendamping."  # the excerpt, as text
    assert values["Modified"] == "2024-05-03 10:15" and values["Author"] == "Nam/ed"
    assert values["Tags"] == "Manasik, Pengumuman" and values["Category"] == "Haji dan Umrah"
    assert values["Image"] == "{static}/images/kab-wonosobo/2024/05/sampul-manasik.jpg"
    assert values["Image_alt"] == "Jamaah lansia mendengarkan pembimbing manasik"
    assert ('![Jamaah lansia berlatih tawaf]({static}/images/kab-wonosobo/2024/05/manasik-lansia.jpg '
            '"Jamaah lansia berlatih tawaf di aula Kankemenag.")') in body  # [caption], the full-size original
    assert "Kegiatan diikuti 120 jamaah.  \nPeserta didampingi keluarga." in body  # a single line break stays one
    assert "Pendaftaran manasik dibuka setiap Senin." in body and "[su_note" not in body and "gallery" not in body
    assert "Bagikan" not in body and "<img" not in body
    # A photo missing from the uploads, and one on another site, stay visible: links to where they were (issue #19).
    assert re.search(r"^\[Foto: [^\]\n]+\]\(https://kemenag-wonosobo\.contoh\.test/wp-content/uploads/2024/05/hilang\.jpg\)$", body, re.M)
    assert "[Foto: Foto dari situs lain](https://cdn.lain.contoh.test/foto.jpg)" in body.splitlines()
    images = imported["project"] / "content" / "images" / "kab-wonosobo" / "2024" / "05"
    assert sorted(p.name for p in images.iterdir()) == ["manasik-lansia.jpg", "sampul-manasik.jpg"]


def test_drafts_pending_and_private_posts_are_drafts_and_pages_are_pages(imported):
    project = imported["project"]
    drafts = [p for p in (project / "content" / "articles").rglob("*.md") if "\nStatus: draft\n" in p.read_text()]
    assert sorted(p.name for p in drafts) == [
        "2024-05-10-rencana-manasik-tahap-ii.md", "2024-05-11-laporan-internal-phu.md", "2024-05-12-menunggu-persetujuan.md",
    ]
    page = (project / "content" / "pages" / "profil-seksi-phu.md").read_text()
    assert page.startswith("Title: Profil Seksi PHU\nSlug: profil-seksi-phu\n")


def line_with(imported, file: str, needle: str) -> int:
    """The line of an imported file holding `needle`."""
    lines = (imported["project"] / file).read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_the_report(imported):
    report = imported["reports"]["kab-wonosobo"]
    for line in (
        "Berita diimpor: 5 (draf: 3)", "Halaman diimpor: 1 (draf: 0)",
        "Dilewati: lampiran ×2, status trash ×1, revisi ×1, menu ×1", "  - Berita Dibuang: status trash",
        "Tidak terbawa, ditulis sebagai tautan yang terlihat ke alamat lamanya: 2",
        f"  - {MANASIK_FILE}:{line_with(imported, MANASIK_FILE, 'hilang.jpg')}: "
        "https://kemenag-wonosobo.contoh.test/wp-content/uploads/2024/05/hilang.jpg (tidak ada di folder uploads)",
        f"  - {MANASIK_FILE}:{line_with(imported, MANASIK_FILE, 'cdn.lain')}: https://cdn.lain.contoh.test/foto.jpg (dari situs lain)",
        "Shortcode dibuang: su_note ×1 ([caption] menjadi foto berketerangan)",
        "Galeri: 1 (2 foto)",  # [gallery ids="21,22"]: a gallery on the site (issue #19)
        "Sisa tombol bagikan / penghitung dibaca dibuang: Dibaca 57 kali ×1, Bagikan: ×1",
        "  - Pengumuman menjadi tag: 1 berita", "  - PHU → Haji dan Umrah: 2 berita",
        f"  - {WONOSOBO_FILE}: kab-wonosobo, kab-magelang, kota-magelang, kab-temanggung, kab-purworejo, kab-kebumen",
    ):
        assert line in report.splitlines(), line
    magelang = imported["reports"]["kota-magelang"]
    assert "Teks alternatif foto kosong di WordPress: 1 diisi dari keterangan foto, 0 dari judul berita" in magelang


def test_importing_again_changes_nothing(imported):
    assert snapshot(imported["project"] / "content") == imported["first"]
    for result in imported["again"].values():
        assert result.returncode == 0
        assert "Berita diimpor: 0" in result.stdout and "sudah diimpor" in result.stdout


def test_imported_articles_pass_invoke_check(published):
    assert published["checked"].returncode == 0 and "GALAT" not in published["checked"].stdout, published["checked"].stdout



@pytest.mark.parametrize("seed, url, offices", [
    (WONOSOBO, "2021/06/lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu/", [
        "Kankemenag Kab. Magelang", "Kankemenag Kota Magelang", "Kankemenag Kab. Temanggung",
        "Kankemenag Kab. Wonosobo Liputan", "Kankemenag Kab. Purworejo", "Kankemenag Kab. Kebumen",
    ]),
    (KOTA_MAGELANG, "2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu/", [
        "Kankemenag Kab. Magelang", "Kankemenag Kota Magelang Liputan", "Kankemenag Kab. Temanggung",
        "Kankemenag Kab. Purworejo", "Kankemenag Kab. Kebumen",
    ]),
], ids=["classic-editor", "block-editor"])
def test_every_paragraph_the_offices_and_the_credit_are_published(published, seed, url, offices):
    page = soup(published["output"], url)
    body = page.select_one(".article-body")
    paragraphs = [text_of(p) for p in body.find_all("p") if text_of(p)]
    assert paragraphs == seed.paragraphs()
    assert seed.credit in text_of(page.select_one(".article-credit"))
    assert [text_of(li) for li in page.select(".offices .office-list li")] == offices


def test_block_editor_photo_becomes_a_captioned_figure(published):
    figure = soup(published["output"], "2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu/").select_one(".article-body figure")
    assert text_of(figure.figcaption) == "Peserta rakor di Pantai Jatimalang."
    assert figure.img["alt"] == "Peserta rakor di Pantai Jatimalang." and "/images/varian/rakor-plhut-" in figure.img["src"]


@pytest.mark.parametrize("old, new", [
    (WONOSOBO_OLD_PATH, "2021/06/lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu/"),
    (MAGELANG_OLD_PATH, "2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu/"),
])
def test_old_addresses_redirect_to_the_new_ones(published, old, new):
    page = soup(published["output"], old)
    target = f"{SITE}/{new}"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert page.find("link", rel="canonical")["href"] == target
    assert page.find("main").find("a", href=target)
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    sitemap = (published["output"] / "sitemap.xml").read_text()
    assert old not in sitemap and new in sitemap
    assert old not in (published["output"] / "feed" / "atom.xml").read_text()


def test_a_page_whose_old_address_is_unchanged_gets_no_redirect(published):
    page = soup(published["output"], "profil-seksi-phu/")
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None and text_of(page.h1) == "Profil Seksi PHU"


def test_renaming_an_article_keeps_its_redirect_right(imported, tmp_path):
    project = copy_project(tmp_path / "situs", imported["project"] / "content")
    article = project / WONOSOBO_FILE
    article.write_text(article.read_text().replace("Slug: lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu", "Slug: lima-asn-ikuti-rakor"))
    assert invoke(project, "build").returncode == 0
    page = soup(project / "output", WONOSOBO_OLD_PATH)
    assert page.find("link", rel="canonical")["href"] == f"{SITE}/2021/06/lima-asn-ikuti-rakor/"


def test_an_old_address_another_page_uses_stops_the_build(imported, tmp_path):
    project = copy_project(tmp_path / "situs", imported["project"] / "content")
    article = project / WONOSOBO_FILE
    article.write_text(article.read_text().replace(f"Old_path: {WONOSOBO_OLD_PATH}", "Old_path: /tentang-kami/"))
    built = invoke(project, "build")
    assert built.returncode != 0
    assert "kolom Old_path: alamat lama /tentang-kami/ sudah dipakai halaman lain situs ini." in " ".join((built.stdout + built.stderr).split())


@pytest.mark.parametrize("text, message", [
    ("bukan xml sama sekali", "tidak bisa dibaca sebagai XML"),
    ('<?xml version="1.0"?><rss><channel><title>Feed biasa</title></channel></rss>', "bukan berkas ekspor WordPress (WXR)"),
])
def test_an_unreadable_export_writes_nothing(imported, tmp_path, text, message):
    project = imported["project"]
    export = tmp_path / "ekspor.xml"
    export.write_text(text)
    before = snapshot(project / "content")
    result = invoke(project, "import-wordpress", str(export), "--office", "kab-wonosobo")
    assert result.returncode == 1
    assert "Impor gagal, tidak ada berkas yang ditulis" in result.stderr and message in result.stderr
    assert snapshot(project / "content") == before


def test_an_unknown_office_is_refused(imported):
    export, _ = imported["exports"]["kab-wonosobo"]
    result = invoke(imported["project"], "import-wordpress", str(export), "--office", "kab-wonosobu")
    assert result.returncode == 1 and "kantor 'kab-wonosobu' tidak dikenal" in result.stderr


# Photos from phones are imported as the photo standard wants them (issue #18).

PHONE_FILE = "content/articles/kab-kebumen/2024/2024-06-12-foto-dari-ponsel.md"
PHONE_IMAGES = "content/images/kab-kebumen/2024/06"


@pytest.fixture(scope="module")
def phone_import(tmp_path_factory):
    """The fixed pages, then the phone uploads' export imported twice, then `invoke check`."""
    base = tmp_path_factory.mktemp("ponsel")
    project = project_without_articles(base)
    export, uploads = phone_export(base)
    first, imported, again = import_twice(project, export, uploads, "kab-kebumen")
    return {"project": project, "uploads": uploads, "report": first.stdout.splitlines(), "imported": imported,
            "again": again, "checked": invoke(project, "check")}


def test_every_imported_photo_meets_the_standard(phone_import):
    folder = phone_import["project"] / PHONE_IMAGES
    assert sorted(path.name for path in folder.iterdir()) == [
        "grafik.jpg", "iphone.jpg", "logo.png", "ponsel-besar.jpg", "sama-2.jpg", "sama.jpg", "spanduk.jpg",
    ]
    for path in folder.iterdir():
        assert standard_reasons(path, Standard(2048)) == [], path


def test_an_oversized_phone_photo_with_exif_becomes_an_upright_jpeg_without_metadata(phone_import):
    path = phone_import["project"] / PHONE_IMAGES / "ponsel-besar.jpg"
    data = path.read_bytes()
    assert not any(text in data for text in CAMERA_TEXTS) and b"Exif\x00\x00" not in data
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (1365, 2048)  # 2,000 × 3,000 upright, long edge 2,048
        assert not image.getexif()
        red, green, blue = image.convert("RGB").getpixel((image.width // 2, 20))
        assert red > 180 and green < 80 and blue < 80  # the red band is on top: stored sideways, imported upright


def test_a_heic_upload_is_imported_as_jpg_and_referenced_as_jpg(phone_import):
    text = (phone_import["project"] / PHONE_FILE).read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)
    assert "Image: {static}/images/kab-kebumen/2024/06/iphone.jpg" in header.splitlines()
    assert "![Foto dari iPhone]({static}/images/kab-kebumen/2024/06/iphone.jpg)" in body
    # The HEIC and the JPEG both called "sama": the JPEG keeps its name and its bytes, the HEIC takes the next name.
    assert "![Foto HEIC]({static}/images/kab-kebumen/2024/06/sama-2.jpg)" in body
    assert "![Foto JPEG]({static}/images/kab-kebumen/2024/06/sama.jpg)" in body
    assert "![Grafik]({static}/images/kab-kebumen/2024/06/grafik.jpg)" in body  # a PNG without transparency
    assert "![Spanduk]({static}/images/kab-kebumen/2024/06/spanduk.jpg)" in body
    assert "![Logo]({static}/images/kab-kebumen/2024/06/logo.png)" in body  # transparent: stays a PNG
    assert ".heic" not in text and ".webp" not in text and "rusak" not in text and "bom.jpg" not in text
    images = phone_import["project"] / PHONE_IMAGES
    for name in ("sama.jpg", "logo.png"):
        assert (images / name).read_bytes() == (phone_import["uploads"] / "2024/06" / name).read_bytes()
    with Image.open(images / "iphone.jpg") as image:
        assert image.format == "JPEG" and image.size == (600, 800)


def test_the_report_counts_prepared_renamed_and_refused_photos(phone_import):
    report = phone_import["report"]
    for line in (
        "Foto: 7 berkas disalin ke content/images/kab-kebumen/ (7 di badan berita), 0 tidak ada di folder uploads, "
        "2 ditolak, 0 dari situs lain (foto di badan berita yang tidak ada atau dari situs lain ditulis sebagai tautan, lihat di bawah)",
        "  - 5 disiapkan sesuai standar foto (JPEG tanpa metadata, paling besar 2.048 piksel dan 1 MB), "
        "2 sudah sesuai dan disalin apa adanya",
        f"  - nama berubah: iphone.heic → {PHONE_IMAGES}/iphone.jpg",
        f"  - nama berubah: sama.heic → {PHONE_IMAGES}/sama-2.jpg",
        f"  - nama berubah: grafik.png → {PHONE_IMAGES}/grafik.jpg",
        f"  - nama berubah: spanduk.webp → {PHONE_IMAGES}/spanduk.jpg",
        f"  - ditolak: {PHONE_FILE}: {PHONE_UPLOADS_URL}/2024/06/rusak.jpg "
        "(berkas rusak atau bukan gambar JPEG, PNG, WebP, GIF, AVIF atau HEIC; dibuang dari berita)",
        f"  - ditolak: {PHONE_FILE}: {PHONE_UPLOADS_URL}/2024/06/bom.jpg "
        "(foto 20.000 × 20.000 piksel terlalu besar untuk diolah; dibuang dari berita)",
    ):
        assert line in report, line


def test_importing_the_phone_photos_again_changes_nothing(phone_import):
    again = phone_import["again"]
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(phone_import["project"] / "content") == phone_import["imported"]
    assert "Berita diimpor: 0 (draf: 0)" in again.stdout and "sudah diimpor (alamat lama sama) ×1" in again.stdout
    assert "sudah ada berkas lain" not in again.stdout


def test_the_imported_phone_photos_pass_invoke_check(phone_import):
    checked = phone_import["checked"]
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout + checked.stderr


# The pure parts.

def test_autop_follows_wordpress():
    assert autop("Satu\nbaris dua\n\nParagraf dua\n\n<ul><li>x</li></ul>") == (
        "<p>Satu<br />\nbaris dua</p>\n<p>Paragraf dua</p>\n<ul><li>x</li></ul>"
    )


@pytest.mark.parametrize("text, expected", [
    ("… bagi umat. (Hari/rf).", "Hari/rf"), ("… pertemuan tersebut. ps-ws", "ps-ws"), ("… (Nam / ed)", "Nam/ed"),
    ("… seputar haji-umrah.", ""), ("Tanpa kredit di akhir.", ""),
])
def test_credit_at_the_end(text, expected):
    assert credit(text) == expected


def test_first_sentence_knows_abbreviations():
    assert first_sentence("Kankemenag Kab. Wonosobo menggelar manasik (15/6). Peserta 120 orang.") == (
        "Kankemenag Kab. Wonosobo menggelar manasik (15/6)."
    )


def test_a_summary_never_reads_as_html():
    """A post that opens with a code block: its "<div>" would be refused by `invoke check` in a Summary."""
    from editorial.wordpress.post_metadata import summary

    assert summary("", "Salin kode <div class=x> ke halaman. Kode itu menampilkan jadwal.") == ""
    assert summary("<p>Jadwal <b>manasik</b> diumumkan.</p>", "Salin kode <div>.") == "Jadwal manasik diumumkan."
    assert summary("Ringkasan <span>x</span>", "Jadwal manasik diumumkan. Lalu.") == "Ringkasan x"
    assert summary("", "Kuota 10 > 8 dan a<b tetap teks. Lalu.") == "Kuota 10 > 8 dan a<b tetap teks."


def test_old_paths():
    assert old_path("https://x.test/2021/06/15/judul/", "https://x.test") == "/2021/06/15/judul/"
    assert old_path("https://x.test/berita/2021/06/judul", "https://x.test/berita") == "/2021/06/judul/"
    assert old_path("https://x.test/?p=12", "https://x.test") == ""
    assert old_path("https://x.test//2021//06/judul/", "https://x.test") == "/2021/06/judul/"  # no "//" (issue #19)
    assert our_slug("", "Judul Baru: Tahap II", {"SLUG_REGEX_SUBSTITUTIONS": [(r"[^\w\s-]", ""), (r"[-\s]+", "-")]}) == "judul-baru-tahap-ii"


def test_category_mapping(tmp_path):
    mapping = CategoryMap("Berita", {"phu": "Haji dan Umrah"})
    assert mapping.choose([("pengumuman", "Pengumuman"), ("phu", "PHU")]) == ("Haji dan Umrah", ["Pengumuman"], [])
    assert mapping.choose([("agenda", "Agenda")]) == ("Agenda", [], ["Agenda"])
    assert mapping.choose([]) == ("Berita", [], [])
    site_map = CategoryMap.load(ROOT / "data" / "wordpress_categories.toml", "Berita")
    assert site_map.choose([("haji", "Haji")])[0] == "Haji dan Umrah" and site_map.choose([])[0] == "Berita"


def test_a_broken_category_map_is_refused_naming_the_file_and_key(tmp_path):
    from sitelib.errors import SiteConfigError

    for text, expected in (
        ('default = "Berita"\n', "kolom 'default' tidak dikenal"),
        ('[map]\n"phu" = 3\n', "kategori untuk 'phu' harus berupa teks"),
        ('[map\n', "bukan TOML yang sah"),
    ):
        path = tmp_path / "kategori.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SiteConfigError, match=expected):
            CategoryMap.load(path, "Berita")


def test_photo_urls_are_recognised_on_http_and_https(tmp_path):
    uploads = tmp_path / "uploads"
    photo(uploads / "2024" / "05" / "foto.jpg", "navy")
    photos = PhotoSource(["https://situs.test/wp-content/uploads/"], uploads, "kab-x")
    assert photos.uploads_path("https://situs.test/wp-content/uploads/2024/05/foto-300x200.jpg") == "2024/05/foto-300x200.jpg"
    assert photos.local_file("2024/05/foto-300x200.jpg") == (uploads / "2024/05/foto.jpg", "2024/05/foto.jpg")
    markdown, report = to_markdown('<p><img src="https://situs.test/wp-content/uploads/2024/05/foto.jpg" alt=""></p>', photos, "Judul")
    assert markdown == "![Foto: Judul]({static}/images/kab-x/2024/05/foto.jpg)\n" and report.alt_from_title == 1


# Videos, embeds and media files (issue #19): carried over as lines the site shows, never dropped.

def embed_markdown(html: str):
    from editorial.wordpress.html_body import to_markdown
    from editorial.wordpress.photos import PhotoSource

    return to_markdown(html, PhotoSource(["https://x.test/wp-content/uploads"], None, "kab-x"), "Judul")


def test_an_embed_shortcode_becomes_the_address_alone_on_its_line():
    from markdown import markdown
    from video_embeds.embed_paragraphs import embed_body

    body, report = embed_markdown("Awal.\n\n[embed]https://www.youtube.com/watch?v=M7lc1UVf_VE[/embed]\n\nAkhir.")
    assert body == "Awal.\n\n<https://www.youtube.com/watch?v=M7lc1UVf_VE>\n\nAkhir.\n"
    assert report.embeds == ["https://www.youtube.com/watch?v=M7lc1UVf_VE"] and report.shortcodes == []
    html, embeds = embed_body(markdown(body))
    assert [(embed.is_player, embed.video_id) for embed in embeds] == [(True, "M7lc1UVf_VE")]  # the site's player
    assert "youtube-nocookie.com/embed/M7lc1UVf_VE" in html


def test_an_embed_block_keeps_its_caption_as_the_label():
    html = (
        '<!-- wp:embed {"url":"https://youtu.be/M7lc1UVf-VE"} --><figure class="wp-block-embed is-provider-youtube">'
        '<div class="wp-block-embed__wrapper">\nhttps://youtu.be/M7lc1UVf-VE\n</div><figcaption>Manasik [haji] 2024</figcaption>'
        "</figure><!-- /wp:embed -->"
    )
    body, report = embed_markdown(html)
    assert body == "[Manasik \\[haji\\] 2024](https://youtu.be/M7lc1UVf-VE)\n" and report.embeds == ["https://youtu.be/M7lc1UVf-VE"]


def test_video_and_audio_become_visible_links_and_are_reported():
    body, report = embed_markdown(
        '[video width="640" mp4="https://x.test/wp-content/uploads/2021/06/rekaman.mp4"][/video]\n\n'
        '[audio mp3="https://x.test/wp-content/uploads/2021/06/doa.mp3"]'
    )
    assert body == (
        "[Video: rekaman.mp4](https://x.test/wp-content/uploads/2021/06/rekaman.mp4)\n\n"
        "[Audio: doa.mp3](https://x.test/wp-content/uploads/2021/06/doa.mp3)\n"
    )
    # No uploads folder given: the files are not found, so they stay links to their old addresses, reported.
    assert report.kept_links == [("https://x.test/wp-content/uploads/2021/06/rekaman.mp4", "tidak ada di folder uploads"),
                                 ("https://x.test/wp-content/uploads/2021/06/doa.mp3", "tidak ada di folder uploads")]
    body, report = embed_markdown(
        '<!-- wp:video --><figure class="wp-block-video"><video controls src="https://x.test/wp-content/uploads/a.mov">'
        "</video><figcaption>Pelepasan jemaah</figcaption></figure><!-- /wp:video -->"
    )
    assert body == "[Video: Pelepasan jemaah](https://x.test/wp-content/uploads/a.mov)\n"
