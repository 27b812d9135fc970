"""Any export WordPress's own importer reads is imported, read as a stream, and passes `invoke check` (issue #19).

WXR 1.0, 1.1 and 1.2; the http and https namespaces; WordPress.com; multisite
sub-sites (uploads below /wp-content/uploads/sites/N/ and, on networks made
before WordPress 3.5, /files/). Exports are built by tests/wordpress_export.py
from WordPress's documented format.
"""

import re
from pathlib import Path

import pytest

from benchmarks import wxr_bench
from editorial.wordpress.wxr import WxrError, read_export, uploads_urls
from site_copy import invoke, project_without_articles, snapshot
from wordpress_export import (
    FORMAT_EXPORTS, attachment, format_export, format_item, item, write_format_export,
)

IMPORTED = {  # export -> (its article about manasik, its page)
    name: (f"content/articles/{office}/2021/2021-06-15-{office.removeprefix('kab-')}-manasik-haji.md",
           f"content/pages/{office.removeprefix('kab-')}-layanan-phu.md")
    for name, (office, *_) in FORMAT_EXPORTS.items()
}


def header(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A project with the fixed pages only, after importing every format's export as its office, then `invoke check`."""
    base = tmp_path_factory.mktemp("format")
    project = project_without_articles(base)
    reports = {}
    for name, (office, *_) in FORMAT_EXPORTS.items():
        export, uploads = format_export(base, name)
        result = invoke(project, "import-wordpress", str(export), "--office", office, "--uploads", str(uploads))
        assert result.returncode == 0, name + "\n" + result.stdout + result.stderr
        reports[name] = result.stdout
    return {"project": project, "reports": reports, "checked": invoke(project, "check"), "base": base}


@pytest.mark.parametrize("name", FORMAT_EXPORTS)
def test_every_post_page_and_photo_of_each_format_is_imported(imported, name):
    report = imported["reports"][name]
    office = FORMAT_EXPORTS[name][0]
    assert "Berita diimpor: 4 (draf: 0)" in report
    assert "Halaman diimpor: 1 (draf: 0)" in report
    assert "Dilewati: lampiran ×2" in report
    assert f"Foto: 2 berkas disalin ke content/images/{office}/ (1 di badan berita), 0 tidak ada di folder uploads, " \
           "0 ditolak, 0 dari situs lain" in report
    project = imported["project"]
    article, page = IMPORTED[name]
    values = header(project / article)
    assert values["Image"] == f"{{static}}/images/{office}/2021/06/sampul.jpg"  # its attachment comes after the post
    assert values["Image_alt"] == f"Sampul manasik {FORMAT_EXPORTS[name][1]}"
    assert values["Image_caption"] == "Manasik di aula kantor."
    assert values["Category"] and values["Tags"] == "Manasik, Seksi PHU"
    assert values["Author"] == "Humas/rf"
    body = (project / article).read_text(encoding="utf-8")
    assert f"({{static}}/images/{office}/2021/06/manasik.jpg" in body
    assert "menjaga kesehatan sejak dini" in body
    for photo in ("manasik.jpg", "sampul.jpg"):
        assert (project / "content/images" / office / "2021/06" / photo).is_file()
    assert header(project / page)["Title"] == f"Layanan PHU {FORMAT_EXPORTS[name][1]}"


def test_every_imported_format_passes_invoke_check(imported):
    checked = imported["checked"]
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout + checked.stderr


@pytest.mark.parametrize("name, old_path", [
    ("https-1.2", "/2021/06/15/temanggung-manasik-haji/"),
    ("wordpress-com", "/2021/06/15/banjarnegara-manasik-haji/"),
    # A sub-site's addresses keep its folder: once the network's domain points here, the old links land on them.
    ("multisite-folder", "/kudus/2021/06/15/kudus-manasik-haji/"),
    ("multisite-files", "/2021/06/15/pati-manasik-haji/"),
])
def test_old_addresses_are_below_the_site_they_were_on(imported, name, old_path):
    assert header(imported["project"] / IMPORTED[name][0])["Old_path"] == old_path


@pytest.mark.parametrize("name", ["https-1.2", "wxr-1.1"])  # the block editor and the classic editor
def test_a_video_only_post_and_a_code_first_post_pass_check_by_construction(imported, name):
    """Issue #19: a post that is only a video has no sentence to summarise, one that opens with code would
    give a summary that reads as HTML, an old address may hold "//"; each imports so that check passes."""
    project = imported["project"]
    office, prefix = FORMAT_EXPORTS[name][0], {"https-1.2": "temanggung", "wxr-1.1": "purworejo"}[name]
    video = project / f"content/articles/{office}/2021/2021-06-16-{prefix}-video-manasik.md"
    values = header(video)
    assert values["Summary"] == values["Title"] == f"Video Manasik {FORMAT_EXPORTS[name][1]}"
    assert values["Old_path"] == f"/2021/06/16/{prefix}-video-manasik/"  # no "//"
    assert "<https://youtu.be/M7lc1UVf-VE>" in video.read_text(encoding="utf-8")  # the site's player (video_embeds)
    assert "Video dan kiriman media sosial, ditulis sebagai alamat di barisnya sendiri: 1" in imported["reports"][name]
    code = header(project / f"content/articles/{office}/2021/2021-06-17-{prefix}-kode-jadwal.md")
    assert "<div" not in code["Summary"] and code["Summary"]
    assert office


def test_wxr_1_0_terms_are_read_once_and_its_authors_come_from_the_posts(imported):
    second = imported["project"] / "content/articles/kab-magelang/2021/2021-06-20-magelang-pelunasan-tahap-dua.md"
    values = header(second)
    assert values["Tags"] == "Pelunasan"  # the "tag" domain of WXR 1.0, listed twice in the item
    assert values["Category"] == "Pengumuman"  # listed twice too, once without a nicename
    assert values["Author"] == "humas"  # WXR 1.0 has no <wp:author>: dc:creator
    first = header(imported["project"] / IMPORTED["wxr-1.0"][0])
    assert (first["Category"], first["Tags"]) == ("Haji dan Umrah", "Manasik, Seksi PHU")


def test_author_names_come_from_wp_author(imported):
    second = imported["project"] / "content/articles/kab-purworejo/2021/2021-06-20-purworejo-pelunasan-tahap-dua.md"
    assert header(second)["Author"] == "Humas Kab. Purworejo"


def test_a_comment_does_not_replace_the_posts_fields(imported):
    article = imported["project"] / IMPORTED["wordpress-com"][0]
    text = article.read_text(encoding="utf-8")
    assert "Terima kasih" not in text and "akismet" not in text
    assert header(article)["Title"] == "Manasik Haji Kab. Banjarnegara"


def test_importing_every_format_again_changes_nothing(imported, tmp_path):
    project = imported["project"]
    before = snapshot(project / "content")
    for name, (office, *_) in FORMAT_EXPORTS.items():
        export, uploads = format_export(tmp_path, name)
        result = invoke(project, "import-wordpress", str(export), "--office", office, "--uploads", str(uploads))
        assert result.returncode == 0 and "Berita diimpor: 0" in result.stdout, result.stdout + result.stderr
    assert snapshot(project / "content") == before


# Reading the file.

SITE = "https://kemenag-wonosobo.contoh.test"


def small_export(path: Path, **options) -> Path:
    posts = [item(post_id=n, title=f"Berita {n}", link=f"{SITE}/2024/06/0{n}/berita-{n}/", content=f"<p>Isi {n}.</p>",
                  date=f"2024-06-0{n} 08:00:00", name=f"berita-{n}") for n in (1, 2, 3)]
    return write_format_export(path, title="Kankemenag", site=SITE, blog=SITE, items=posts, **options)


@pytest.mark.parametrize("version, scheme, prefix", [
    ("1.2", "https", "wp"), ("1.2", "http", "wp"), ("1.1", "https", "wp"), ("1.0", "http", "wp"),
    ("1.2", "https", "wordpress"),  # the namespace is known by its URI, whatever prefix the document gives it
])
def test_the_namespace_is_taken_from_the_document(tmp_path, version, scheme, prefix):
    export = small_export(tmp_path / "ekspor.xml", version=version, scheme=scheme, prefix=prefix)
    if prefix != "wp":
        export.write_text(export.read_text().replace("<wp:", f"<{prefix}:").replace("</wp:", f"</{prefix}:"))
    read = read_export(export)
    assert (read.version, read.count, read.authors) == (version, 3, {"humas": "Humas Kankemenag"})
    items = list(read.items())
    assert [(i.post_id, i.slug, i.date, i.status, i.post_type) for i in items] == [
        (str(n), f"berita-{n}", f"2024-06-0{n} 08:00:00", "publish", "post") for n in (1, 2, 3)]
    assert items[0].content == "<p>Isi 1.</p>"


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
                  + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
                  + ']>\n<rss><channel><title>&i;</title></channel></rss>')
QUADRATIC = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "' + "a" * 50_000 + '">]>\n'
             '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>'
             "<title>" + "&a;" * 5_000 + "</title></channel></rss>")


@pytest.mark.parametrize("text, message", [
    (BILLION_LAUGHS, "berisi deklarasi <!DOCTYPE>"),
    (QUADRATIC, "berisi deklarasi <!DOCTYPE>"),  # 250 MB once expanded: refused before any expansion
    ('<?xml version="1.0"?><rss><channel><title>Feed biasa</title><item><title>x</title></item></channel></rss>',
     "bukan berkas ekspor WordPress (WXR)"),
    ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title></feed>',
     "bukan berkas ekspor WordPress (WXR)"),
    ('<rss xmlns:wp="http://example.test/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>',
     "bukan berkas ekspor WordPress (WXR)"),
    ('<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item>',
     "tidak bisa dibaca sebagai XML"),
])
def test_a_doctype_or_a_file_that_is_not_wxr_is_refused(tmp_path, text, message):
    export = tmp_path / "ekspor.xml"
    export.write_text(text)
    with pytest.raises(WxrError, match=re.escape(message)):
        read_export(export)


def test_a_doctype_export_writes_nothing(imported, tmp_path):
    project = imported["project"]
    export = tmp_path / "bom.xml"
    export.write_text(BILLION_LAUGHS)
    before = snapshot(project / "content")
    result = invoke(project, "import-wordpress", str(export), "--office", "kab-wonosobo")
    assert result.returncode == 1
    assert "Impor gagal, tidak ada berkas yang ditulis" in result.stderr and "<!DOCTYPE>" in result.stderr
    assert snapshot(project / "content") == before


def test_items_are_handed_on_while_the_file_is_read(tmp_path):
    """The second reading is a stream: items come one by one, and a file cut short after the first reading
    gives its first items, then WxrError (the importer writes nothing: it writes after planning)."""
    export = small_export(tmp_path / "ekspor.xml")
    read = read_export(export)
    text = export.read_text()
    export.write_text(text[: text.index("<item>", text.index("berita-2"))])  # cut inside the third item
    stream = read.items()
    assert next(stream).post_id == "1"
    assert next(stream).post_id == "2"
    with pytest.raises(WxrError, match="tidak bisa dibaca sebagai XML"):
        next(stream)


def test_a_text_split_over_several_cdata_sections_is_read_whole(tmp_path):
    """WXR 1.2 writes a "]]>" inside a post as "]]]]><![CDATA[>"."""
    export = small_export(tmp_path / "ekspor.xml")
    export.write_text(export.read_text().replace("<p>Isi 2.</p>", "<p>a[b]]]]><![CDATA[>c</p>"))
    assert list(read_export(export).items())[1].content == "<p>a[b]]>c</p>"


def test_control_characters_xml_forbids_are_read_as_spaces(tmp_path):
    export = small_export(tmp_path / "ekspor.xml")
    export.write_bytes(export.read_bytes().replace(b"<p>Isi 2.</p>", b"<p>Isi\x0b2\x08.</p>"))
    items = list(read_export(export).items())
    assert items[1].content == "<p>Isi 2 .</p>"


def test_uploads_urls_of_sub_sites_wordpress_com_and_the_cdn_longest_first(tmp_path):
    sub = "https://kemenag-jateng.contoh.test/kudus"
    network = "https://kemenag-jateng.contoh.test"

    def attached(url, attached_file):
        """An attachment as read_export keeps it."""
        export = write_format_export(tmp_path / "lampiran.xml", title="x", site=network, blog=sub,
                                     items=[format_item(attachment(9, sub, url, attached_file, "Foto"))])
        return read_export(export).attachments()["9"]

    urls = uploads_urls(network, sub, [
        attached(f"{sub}/wp-content/uploads/sites/3/2021/06/a.jpg", "2021/06/a.jpg"),
        attached("https://cdn.lain.contoh.test/2021/06/b.jpg", "2021/06/b.jpg"),  # another host: not the uploads
        attached(f"{network}/2021/06/c.jpg", "2021/06/c.jpg"),  # the site's root is not an uploads folder
    ])
    assert urls.index(f"{sub}/wp-content/uploads/sites/3/") < urls.index(f"{sub}/wp-content/uploads/")
    assert f"{network}/wp-content/uploads/sites/3/" in urls and f"{sub}/files/" in urls
    assert "https://i0.wp.com/kemenag-jateng.contoh.test/kudus/wp-content/uploads/sites/3/" in urls
    assert not any("cdn.lain" in url for url in urls) and f"{network}/" not in urls
    com = uploads_urls("http://wordpress.com", "https://kemenagkudus.wordpress.com", [])
    assert "https://kemenagkudus.files.wordpress.com/" in com



def test_the_bench_export_is_the_same_every_time_and_imports_whole(tmp_path):
    """`invoke bench-import`'s export (here 40 posts): the same bytes each time; its import, measured in a child
    process, plans and writes every post and photo."""
    first, uploads = wxr_bench.write_export(tmp_path / "a", 40)
    second, _ = wxr_bench.write_export(tmp_path / "b", 40)
    assert first.read_bytes() == second.read_bytes()
    read = read_export(first)
    assert read.count == 80 and len(read.attachments()) == 40
    assert sum(1 for path in uploads.rglob("*.jpg")) == 40
    figures = wxr_bench.run(40)
    imported = figures["import"]
    assert (imported["articles"], imported["photos"], imported["skipped"]) == (40, 40, {"lampiran": 40})
    assert imported["peak_mb"] > 0 and imported["seconds"] > 0 and figures["elementtree_parse"]["peak_mb"] > 0
    assert "40 berita dengan foto" in wxr_bench.format_figures(figures)


def test_child_pages_get_flat_slugs_and_their_nested_addresses_redirect(tmp_path):
    """Issue #19: /profil/struktur/ becomes the page /profil-struktur/, its old address redirecting there."""
    site = "https://kemenag-blora.contoh.test"

    def page(post_id, title, link, name, parent="0"):
        return format_item(item(post_id=post_id, title=title, link=link, content=f"Isi halaman {title}.",
                                date="2020-01-01 08:00:00", post_type="page", name=name),
                           extra=f"<wp:post_parent>{parent}</wp:post_parent>")

    export = write_format_export(tmp_path / "halaman.xml", title="Kankemenag Kab. Blora", site=site, blog=site, items=[
        page(12, "Struktur Organisasi", f"{site}/profil/struktur/", "struktur", parent="11"),  # the child comes first
        page(11, "Profil", f"{site}/profil/", "profil"),
        page(13, "Seksi PHU", f"{site}/profil/struktur/seksi-phu/", "seksi-phu", parent="12"),
        page(14, "Loop", f"{site}/loop/", "loop", parent="14"),
    ], scheme="https")
    project = project_without_articles(tmp_path)
    result = invoke(project, "import-wordpress", str(export), "--office", "kab-blora")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = {header(path)["Slug"]: header(path) for path in (project / "content/pages").glob("*.md") if "Old_path" in header(path)}
    assert sorted(pages) == ["loop", "profil", "profil-struktur", "profil-struktur-seksi-phu"]
    assert pages["profil-struktur-seksi-phu"]["Old_path"] == "/profil/struktur/seksi-phu/"
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout
