"""WordPress exports (WXR 1.2) as two offices' sites publish the seed articles, with the usual extras.

Wonosobo's site uses the classic editor (paragraphs separated by blank
lines, [caption] shortcodes), Kota Magelang's the block editor.
"""

import io
import struct
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

from phone_photos import camera_exif, phone_heic, transparent_png
from seed_articles import KOTA_MAGELANG, WONOSOBO

WONOSOBO_SITE = "https://kemenag-wonosobo.contoh.test"
MAGELANG_SITE = "https://kotamagelang.kemenag.contoh.test"
WONOSOBO_OLD_PATH = "/2021/06/15/lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu/"
MAGELANG_OLD_PATH = "/2022/08/24/rakor-seksi-phu-se-eks-karesidenan-kedu/"
ENTITY_TITLE = "Manasik &amp; Bimbingan &#8220;Lansia&#8221; Usia &lt;60 Tahun"
ENTITY_TITLE_TEXT = "Manasik & Bimbingan “Lansia” Usia <60 Tahun"

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>{title}</title>
<link>{site}</link>
<language>id-ID</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{site}</wp:base_site_url>
<wp:base_blog_url>{site}</wp:base_blog_url>
{authors}"""
AUTHOR = """<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[humas]]></wp:author_login><wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>
"""


def item(*, post_id, title, link, content, date, post_type="post", status="publish", name="", categories=(), tags=(),
         excerpt="", meta=None, attachment_url="", modified=None):
    terms = "".join(
        f'<category domain="category" nicename="{slug}"><![CDATA[{label}]]></category>' for slug, label in categories
    ) + "".join(f'<category domain="post_tag" nicename="{t.lower()}"><![CDATA[{t}]]></category>' for t in tags)
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key><![CDATA[{k}]]></wp:meta_key><wp:meta_value><![CDATA[{v}]]></wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    attachment = f"<wp:attachment_url><![CDATA[{attachment_url}]]></wp:attachment_url>" if attachment_url else ""
    return f"""<item>
<title>{escape(title)}</title>
<link>{escape(link)}</link>
<dc:creator><![CDATA[humas]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
<wp:post_modified><![CDATA[{modified or date}]]></wp:post_modified>
<wp:post_name><![CDATA[{name}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
{attachment}{terms}{postmeta}
</item>
"""


def photo(path: Path, color: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), color).save(path, "JPEG")


def wonosobo_export(folder: Path) -> tuple[Path, Path]:
    """The classic-editor site: the 2021 seed, a captioned photo, drafts, skipped items, missing photos, a page."""
    uploads = folder / "uploads-wonosobo"
    photo(uploads / "2024/05/manasik-lansia.jpg", "navy")
    photo(uploads / "2024/05/manasik-lansia-300x200.jpg", "navy")
    photo(uploads / "2024/05/sampul-manasik.jpg", "teal")
    seed = "\n\n".join(WONOSOBO.paragraphs()) + "\n\nDibaca 57 kali"
    uploads_url = f"{WONOSOBO_SITE}/wp-content/uploads"
    captioned = (
        "Wonosobo – Kankemenag Kab. Wonosobo menggelar manasik bagi jamaah lansia di aula kantor.\n\n"
        f'[caption id="attachment_21" align="aligncenter" width="300"]<a href="{uploads_url}/2024/05/manasik-lansia.jpg">'
        f'<img class="size-medium wp-image-21" src="{uploads_url}/2024/05/manasik-lansia-300x200.jpg" alt="Jamaah lansia berlatih tawaf" width="300" height="200" /></a>'
        " Jamaah lansia berlatih tawaf di aula Kankemenag.[/caption]\n\n"
        "Kegiatan diikuti 120 jamaah.\nPeserta didampingi keluarga.\n\n"
        '[su_note note_color="#eee"]Pendaftaran manasik dibuka setiap Senin.[/su_note]\n\n'
        f'<img src="{uploads_url}/2024/05/hilang.jpg" alt="Foto yang tidak ada" />\n\n'
        '<img src="https://cdn.lain.contoh.test/foto.jpg" alt="Foto dari situs lain" />\n\n'
        "[gallery ids=\"21,22\"]\n\nBagikan:\n\n(Nam/ed)"
    )
    items = [
        item(post_id=10, title="Lima ASN Kankemenag Wonosobo Ikuti Rakor Seksi PHU Se-Eks Karesidenan Kedu di Purworejo",
             link=WONOSOBO_SITE + WONOSOBO_OLD_PATH, content=seed, date="2021-06-15 14:00:00",
             name="lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu", categories=[("phu", "PHU")],
             tags=["Rakor", "Seksi PHU"]),
        item(post_id=20, title=ENTITY_TITLE, link=f"{WONOSOBO_SITE}/2024/05/02/manasik-lansia/", content=captioned,
             date="2024-05-02 09:30:00", modified="2024-05-03 10:15:00", name="manasik-%e2%80%9clansia%e2%80%9d",
             categories=[("pengumuman", "Pengumuman"), ("haji", "Haji")], tags=["Manasik"],
             excerpt="Manasik bagi jamaah <em>lansia</em> &amp; pendamping.", meta={"_thumbnail_id": "22"}),
        item(post_id=21, title="manasik-lansia", link=f"{WONOSOBO_SITE}/?attachment_id=21", content="", date="2024-05-02 09:00:00",
             post_type="attachment", status="inherit", attachment_url=f"{uploads_url}/2024/05/manasik-lansia.jpg"),
        item(post_id=22, title="Sampul manasik", link=f"{WONOSOBO_SITE}/?attachment_id=22", content="", date="2024-05-02 09:00:00",
             post_type="attachment", status="inherit", attachment_url=f"{uploads_url}/2024/05/sampul-manasik.jpg",
             meta={"_wp_attachment_image_alt": "Jamaah lansia mendengarkan pembimbing manasik"}),
        item(post_id=30, title="Rencana Manasik Tahap II", link=f"{WONOSOBO_SITE}/?p=30", content="Wonosobo – Rencana manasik tahap kedua.",
             date="2024-05-10 08:00:00", status="draft", categories=[("phu", "PHU")]),
        item(post_id=31, title="Laporan Internal PHU", link=f"{WONOSOBO_SITE}/?p=31", content="Wonosobo – Laporan internal.",
             date="2024-05-11 08:00:00", status="private", name="laporan-internal-phu"),
        item(post_id=32, title="Menunggu Persetujuan", link=f"{WONOSOBO_SITE}/?p=32", content="Wonosobo – Naskah menunggu.",
             date="2024-05-12 08:00:00", status="pending"),
        item(post_id=33, title="Berita Dibuang", link=f"{WONOSOBO_SITE}/?p=33", content="Dibuang.", date="2024-05-12 08:00:00",
             status="trash"),
        item(post_id=34, title="Lima ASN (revisi)", link=f"{WONOSOBO_SITE}/?p=34", content="Revisi.", date="2021-06-15 14:05:00",
             post_type="revision", status="inherit"),
        item(post_id=35, title="Beranda", link=f"{WONOSOBO_SITE}/?p=35", content="", date="2021-01-01 00:00:00",
             post_type="nav_menu_item"),
        item(post_id=40, title="Profil Seksi PHU", link=f"{WONOSOBO_SITE}/profil-seksi-phu/", post_type="page",
             content="Seksi PHU melayani pendaftaran haji.\n\nKantor buka Senin–Jumat.", date="2020-01-01 08:00:00",
             name="profil-seksi-phu"),
    ]
    return write_export(folder / "wonosobo.xml", "Kankemenag Wonosobo", WONOSOBO_SITE, items), uploads


def magelang_export(folder: Path) -> tuple[Path, Path]:
    """The block-editor site: the 2022 seed, with a photo block."""
    uploads = folder / "uploads-magelang"
    photo(uploads / "2022/08/rakor-plhut.jpg", "maroon")
    blocks = "\n\n".join(
        f"<!-- wp:paragraph -->\n<p>{paragraph}</p>\n<!-- /wp:paragraph -->" for paragraph in KOTA_MAGELANG.paragraphs()
    )
    image = (
        '<!-- wp:image {"id":51,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large">'
        f'<img src="{MAGELANG_SITE}/wp-content/uploads/2022/08/rakor-plhut-1024x683.jpg" alt="" class="wp-image-51"/>'
        "<figcaption>Peserta rakor di Pantai Jatimalang.</figcaption></figure>\n<!-- /wp:image -->"
    )
    parts = blocks.split("\n\n")
    content = "\n\n".join(parts[:2] + [image] + parts[2:])
    items = [item(
        post_id=50, title=KOTA_MAGELANG.title, link=MAGELANG_SITE + MAGELANG_OLD_PATH, content=content,
        date="2022-08-23 15:00:00", name="rakor-seksi-phu-se-eks-karesidenan-kedu", categories=[("berita", "Berita"), ("phu", "PHU")],
    )]
    return write_export(folder / "kota-magelang.xml", "Kankemenag Kota Magelang", MAGELANG_SITE, items), uploads


def write_export(path: Path, title: str, site: str, items: list[str], author: str = "Humas Kankemenag") -> Path:
    header = HEADER.format(title=title, site=site, authors=AUTHOR.format(name=author))
    path.write_text(header + "".join(items) + "</channel>\n</rss>\n", encoding="utf-8")
    return path


# An export made by someone careless or hostile (issue #16): every value is untrusted.
HOSTILE_SITE = "https://kemenag-jahat.contoh.test"
HOSTILE_UPLOADS_URL = f"{HOSTILE_SITE}/wp-content/uploads"
CANARY = b"-----BEGIN OPENSSH PRIVATE KEY-----\nkunci rahasia, tidak boleh disalin\n"
# Injected header lines: none of them may become a line of a written file.
INJECTED = "Status: hidden"
HOSTILE_AUTHOR = f"Humas\n{INJECTED}"
# A long nesting of tags: the HTML converter cannot follow it.
DEEP_HTML = "<div>" * 3000 + "Isi" + "</div>" * 3000


def hostile_folders(folder: Path) -> tuple[Path, Path]:
    """(uploads folder, the private file beside it) with symlinks that lead out of the uploads folder."""
    uploads = folder / "uploads-jahat"
    canary = folder / "rahasia" / "kunci.jpg"
    canary.parent.mkdir(parents=True)
    canary.write_bytes(CANARY)
    photo(uploads / "2024/06/sah.jpg", "olive")
    photo(uploads / "2024/06/sampul.jpg", "purple")
    photo(uploads / "2025/01/jalan.jpg", "gray")
    photo(uploads / "2024/06/lewat.jpg", "navy")  # only in a post that is skipped: never copied
    (uploads / "2024/06/tautan.jpg").symlink_to(canary)
    (uploads / "2024/06/putar.jpg").symlink_to(uploads / "2024/06/putar.jpg")  # a loop
    return uploads, canary


def hostile_post(post_id: int, title: str, date: str, name: str, **extra) -> str:
    """A post at WordPress's /YYYY/MM/DD/slug/ address unless `link` is given."""
    link = extra.pop("link", f"{HOSTILE_SITE}/{date[:10].replace('-', '/')}/{name}/")
    content = extra.pop("content", "<p>Temanggung – Isi berita.</p>")
    return item(post_id=post_id, title=title, link=link, content=content, date=date, name=name, **extra)


def hostile_items(canary: Path) -> list[str]:
    """Posts with escaping photo paths, crafted dates, injected header lines, clashing slugs, bad old addresses."""
    up = HOSTILE_UPLOADS_URL
    escaping = "".join(f'<p><img src="{src}" alt="Foto jahat"></p>' for src in (
        f"{up}/../rahasia/kunci.jpg", f"{up}/%2e%2e/rahasia/kunci.jpg", f"{up}/{canary}",
        f"{up}/2024/06/tautan.jpg", f"{up}/2024/06/putar.jpg",
    ))
    good_photo = (f'<figure><img src="{up}/2024/06/sah.jpg" alt="Peserta rapat]\n{INJECTED}">'
                  f"<figcaption>Rapat koordinasi\u2028Reporting_office: kota-magelang</figcaption></figure>")
    post = hostile_post
    return [
        post(101, "Foto Di Luar Folder Uploads", "2024-06-03 08:00:00", "foto-di-luar-folder",
             content=escaping + good_photo + "<p>Temanggung – Rapat koordinasi.</p>", meta={"_thumbnail_id": "201"}),
        post(102, f"Rapat Koordinasi\n{INJECTED}&#10;Reporting_office: kota-magelang", "2024-06-04 09:00:00",
             "rapat-baris-baru", link=f"{HOSTILE_SITE}/2024/06/04/rapat%0AStatus:%20hidden/",
             categories=[("agenda", f"Agenda\x85{INJECTED}")],
             tags=["Rakor\nReporting_office: kota-magelang", "Seksi\u2028PHU", "Data\u2029Offices: kab-kebumen", "Warta\x9cUtama"],
             excerpt="Ringkasan&#13;Status: hidden", meta={"_thumbnail_id": "202"}),
        post(103, "Tanggal Menuju Luar Repositori", "../../../../tmp/x", "tanggal-jahat",
             content=f'<p><img src="{up}/2024/06/lewat.jpg" alt="Lewat"></p>'),
        post(104, "Kembar Tanggal Mustahil Satu", "2024-02-30 10:00:00", "kembar-mustahil"),
        post(105, "Kembar Tanggal Mustahil Dua", "2024-02-30 10:00:00", "kembar-mustahil", link=f"{HOSTILE_SITE}/?p=105"),
        post(106, "Tanggal Ubah Rusak", "2024-06-05 08:00:00", "tanggal-ubah-rusak", modified="2024-13-01 08:00:00"),
        post(107, "Rapat Koordinasi Pagi", "2024-06-05 09:00:00", "rapat-koordinasi"),
        post(108, "Rapat Koordinasi Siang", "2024-06-05 09:00:00", "rapat-koordinasi",
             link=f"{HOSTILE_SITE}/2024/06/05/rapat-koordinasi-siang/", content="<p>Temanggung – Rapat kedua.</p>"),
        post(109, "Slug Sudah Dipakai", "2024-06-20 10:00:00", "sudah-ada"),
        post(110, "Draf Kembar Juni", "2024-06-07 08:00:00", "draf-kembar", status="draft", link=f"{HOSTILE_SITE}/?p=110"),
        post(111, "Draf Kembar Juli", "2024-07-08 08:00:00", "draf-kembar", status="draft", link=f"{HOSTILE_SITE}/?p=111",
             content="<p>Temanggung – Draf kedua.</p>"),
        post(112, "Tentang Kami", "2020-01-01 08:00:00", "tentang-kami", post_type="page",
             link=f"{HOSTILE_SITE}/tentang-kami/", content="<p>Halaman lama.</p>"),
        post(113, "Alamat Lama Bertitik", "2024-06-09 08:00:00", "alamat-bertitik",
             link=f"{HOSTILE_SITE}/2024/06/09/a/../alamat-bertitik/"),
        post(114, "HTML Bersarang Dalam", "2024-06-10 08:00:00", "html-bersarang", content=DEEP_HTML),
        post(115, "???", "2024-06-11 08:00:00", "%2e%2e%2f%2e%2e"),
        post(116, "Foto Ke Folder Bertaut", "2025-01-02 08:00:00", "foto-folder-bertaut",
             content=f'<p><img src="{up}/2025/01/jalan.jpg" alt="Jalan"></p><p>Temanggung – Jalan.</p>'),
        item(post_id=201, title="Sampul jahat", link=f"{HOSTILE_SITE}/?attachment_id=201", content="", date="2024-06-03 08:00:00",
             post_type="attachment", status="inherit", attachment_url=f"{up}/%2e%2e/rahasia/kunci.jpg"),
        item(post_id=202, title="Sampul", link=f"{HOSTILE_SITE}/?attachment_id=202", content="", date="2024-06-04 08:00:00",
             post_type="attachment", status="inherit", attachment_url=f"{up}/2024/06/sampul.jpg",
             excerpt="Keterangan&#12;Status: hidden", meta={"_wp_attachment_image_alt": f"Sampul\n{INJECTED}"}),
    ]


def hostile_export(folder: Path) -> tuple[Path, Path, Path]:
    """(export, uploads folder, the private file outside the uploads folder)."""
    uploads, canary = hostile_folders(folder)
    export = write_export(folder / "jahat.xml", "Kankemenag Jahat", HOSTILE_SITE, hostile_items(canary), author=HOSTILE_AUTHOR)
    return export, uploads, canary


# An office whose editors uploaded photos straight from their phones (issue #18).
PHONE_SITE = "https://kemenag-kebumen.contoh.test"
PHONE_UPLOADS_URL = f"{PHONE_SITE}/wp-content/uploads"
PHONE_OLD_PATH = "/2024/06/12/foto-dari-ponsel/"
# Stored sideways with orientation 6, as phones do: upright it is 2,000 × 3,000.
OVERSIZED_STORED = (3000, 2000)


def oversized_phone_jpeg(path: Path) -> None:
    """A large phone JPEG stored sideways, with orientation, GPS position, maker and serial in its EXIF;
    upright, its top tenth is red."""
    upright = Image.new("RGB", (OVERSIZED_STORED[1], OVERSIZED_STORED[0]), (30, 60, 200))
    upright.paste((220, 20, 20), (0, 0, OVERSIZED_STORED[1], OVERSIZED_STORED[0] // 10))
    path.parent.mkdir(parents=True, exist_ok=True)
    upright.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=90, exif=camera_exif(6))


def declared_giant_jpeg(path: Path, side: int = 20_000) -> None:
    """A small JPEG whose header declares a picture of side × side pixels (a decompression bomb)."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "gray").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    frame = data.index(b"\xff\xc0")  # SOF0: length, precision, height, width
    data[frame + 5: frame + 9] = struct.pack(">HH", side, side)
    path.write_bytes(bytes(data))


def phone_uploads(folder: Path) -> Path:
    """2024/06/: an oversized phone JPEG with EXIF, an iPhone HEIC, a HEIC and a JPEG both called 'sama', an
    opaque PNG, a WebP, a transparent PNG, a corrupt upload and a JPEG declaring a giant picture."""
    uploads = folder / "uploads-kebumen"
    june = uploads / "2024" / "06"
    oversized_phone_jpeg(june / "ponsel-besar.jpg")
    phone_heic(june / "iphone.heic")
    phone_heic(june / "sama.heic")
    photo(june / "sama.jpg", "teal")  # meets the standard already: copied as it is
    Image.new("RGB", (900, 600), "white").save(june / "grafik.png", "PNG")  # no transparent pixel: a JPEG
    Image.new("RGB", (1600, 400), "orange").save(june / "spanduk.webp", "WEBP")
    transparent_png(june / "logo.png")  # transparent, no metadata: copied as it is
    (june / "rusak.jpg").write_bytes(b"bukan foto, hanya teks")
    declared_giant_jpeg(june / "bom.jpg")
    return uploads


def phone_export(folder: Path) -> tuple[Path, Path]:
    """One post with those uploads in its body, the iPhone HEIC as its featured photo."""
    uploads = phone_uploads(folder)
    up = f"{PHONE_UPLOADS_URL}/2024/06"
    images = "".join(f'<p><img src="{up}/{name}" alt="{alt}"></p>' for name, alt in (
        ("ponsel-besar.jpg", "Foto besar dari ponsel"), ("iphone.heic", "Foto dari iPhone"), ("sama.heic", "Foto HEIC"),
        ("sama.jpg", "Foto JPEG"), ("grafik.png", "Grafik"), ("spanduk.webp", "Spanduk"), ("logo.png", "Logo"),
        ("rusak.jpg", "Foto rusak"), ("bom.jpg", "Foto raksasa"),
    ))
    items = [
        item(post_id=60, title="Foto Dari Ponsel", link=PHONE_SITE + PHONE_OLD_PATH, date="2024-06-12 09:00:00",
             name="foto-dari-ponsel", content="<p>Kebumen – Foto-foto dari ponsel.</p>" + images, meta={"_thumbnail_id": "61"}),
        item(post_id=61, title="Sampul iPhone", link=f"{PHONE_SITE}/?attachment_id=61", content="", date="2024-06-12 08:00:00",
             post_type="attachment", status="inherit", attachment_url=f"{up}/iphone.heic",
             meta={"_wp_attachment_image_alt": "Foto sampul dari iPhone"}),
    ]
    return write_export(folder / "kebumen.xml", "Kankemenag Kebumen", PHONE_SITE, items), uploads


# Exports in every shape WordPress's own importer reads (issue #19): WXR 1.0, 1.1 and 1.2, the http and https
# namespaces, WordPress.com, multisite sub-sites. Built from WordPress's export.php of each era: WXR 1.0
# (WordPress 3.0) has no <wp:author> and lists each category and tag twice (once without a nicename, tags in the
# "tag" domain); 1.1 adds <wp:author>; 1.2 splits a "]]>" in a text over two CDATA sections. Attachments come
# after the posts that use them as featured photos, as WordPress orders items by ID.

FORMAT_HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="{generator}" created="2024-06-20 08:00" -->
<rss version="2.0" xmlns:excerpt="{scheme}://wordpress.org/export/{version}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:{prefix}="{scheme}://wordpress.org/export/{version}/">
<channel>
<title>{title}</title>
<link>{blog}</link>
<description>Berita Kankemenag</description>
<pubDate>Thu, 20 Jun 2024 08:00:00 +0000</pubDate>
<language>id-ID</language>
<{prefix}:wxr_version>{version}</{prefix}:wxr_version>
<{prefix}:base_site_url>{site}</{prefix}:base_site_url>
<{prefix}:base_blog_url>{blog}</{prefix}:base_blog_url>
{channel}<generator>{generator}</generator>
"""
FORMAT_AUTHOR = (
    "<wp:author><wp:author_id>{id}</wp:author_id><wp:author_login><![CDATA[{login}]]></wp:author_login>"
    "<wp:author_email><![CDATA[{login}@contoh.test]]></wp:author_email>"
    "<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name>"
    "<wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name>"
    "</wp:author>\n"
)
FORMAT_CATEGORY = (
    "<wp:category><wp:term_id>{id}</wp:term_id><wp:category_nicename><![CDATA[{slug}]]></wp:category_nicename>"
    "<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n"
)


def legacy_terms(categories=(), tags=()) -> str:
    """WXR 1.0's item terms: each category and tag once without a nicename, once with (tags in the "tag" domain)."""
    return "".join(
        f'<category><![CDATA[{label}]]></category><category domain="category" nicename="{slug}"><![CDATA[{label}]]></category>'
        for slug, label in categories
    ) + "".join(
        f'<category domain="tag"><![CDATA[{t}]]></category><category domain="tag" nicename="{t.lower().replace(" ", "-")}">'
        f"<![CDATA[{t}]]></category>" for t in tags
    )


def comment(comment_id: int, author: str, text: str) -> str:
    """A reader's comment with its meta: its fields have the same names as the post's and must not replace them."""
    return (f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author><![CDATA[{author}]]></wp:comment_author>"
            f"<wp:comment_date><![CDATA[2024-06-21 10:00:00]]></wp:comment_date><wp:comment_content><![CDATA[{text}]]>"
            "</wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>"
            "<wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]>"
            "</wp:meta_value></wp:commentmeta></wp:comment>")


def format_item(post: str, *, wxr_prefix: str = "wp", extra: str = "") -> str:
    """An item() in another prefix for WordPress's namespace, with extra elements (terms, comments) before </item>."""
    if wxr_prefix != "wp":
        post = post.replace("<wp:", f"<{wxr_prefix}:").replace("</wp:", f"</{wxr_prefix}:")
    return post.replace("\n</item>", f"{extra}\n</item>")


def write_format_export(path: Path, *, title: str, site: str, blog: str, items: list[str], version: str = "1.2",
                        scheme: str = "http", prefix: str = "wp", authors=(("humas", "Humas Kankemenag"),),
                        categories=(), generator: str = "https://wordpress.org/?v=6.4.3") -> Path:
    """An export as WordPress `version` writes it, its namespace with `scheme`, WordPress's elements under `prefix`."""
    channel = "".join(FORMAT_AUTHOR.format(id=n, login=login, name=name) for n, (login, name) in enumerate(authors, 2))
    channel += "".join(FORMAT_CATEGORY.format(id=n, slug=slug, name=name) for n, (slug, name) in enumerate(categories, 3))
    if prefix != "wp":
        channel = channel.replace("<wp:", f"<{prefix}:").replace("</wp:", f"</{prefix}:")
    header = FORMAT_HEADER.format(generator=generator, scheme=scheme, version=version, prefix=prefix, title=title,
                                  site=site, blog=blog, channel=channel)
    path.write_text(header + "".join(items) + "</channel>\n</rss>\n", encoding="utf-8")
    return path


def attachment(post_id: int, site: str, url: str, attached_file: str, alt: str, caption: str = "") -> str:
    """An uploaded photo's attachment item, with the meta WordPress always writes for it."""
    return item(post_id=post_id, title=alt, link=f"{site}/?attachment_id={post_id}", content="", excerpt=caption,
                date="2021-06-15 08:00:00", post_type="attachment", status="inherit", attachment_url=url,
                meta={"_wp_attached_file": attached_file, "_wp_attachment_image_alt": alt})


def format_posts(office_name: str, city: str, site: str, photo_url: str, featured_id: int, first_id: int,
                 slug_prefix: str, classic: bool = True) -> list[dict]:
    """Two news posts and a page of an office, as item() arguments: the first with a body photo at `photo_url`
    (its -1024x683 copy) and a featured photo (attachment `featured_id`)."""
    body_photo = photo_url.replace(".jpg", "-1024x683.jpg")
    if classic:
        first = (f"{city} – Seksi PHU {office_name} menggelar manasik haji bagi 240 calon jemaah di aula kantor.\n\n"
                 f'<img class="aligncenter size-large" src="{body_photo}" alt="Calon jemaah berlatih tawaf" width="1024" height="683" />\n\n'
                 "Kepala seksi berpesan agar jemaah menjaga kesehatan sejak dini.\n\n(Humas/rf)")
    else:
        first = (f"<!-- wp:paragraph -->\n<p>{city} – Seksi PHU {office_name} menggelar manasik haji bagi 240 calon jemaah "
                 "di aula kantor.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {\"sizeSlug\":\"large\"} -->\n"
                 f'<figure class="wp-block-image size-large"><img src="{body_photo}" alt="Calon jemaah berlatih tawaf"/>'
                 "<figcaption>Calon jemaah berlatih tawaf.</figcaption></figure>\n<!-- /wp:image -->\n\n"
                 "<!-- wp:paragraph -->\n<p>Kepala seksi berpesan agar jemaah menjaga kesehatan sejak dini.</p>\n"
                 "<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>(Humas/rf)</p>\n<!-- /wp:paragraph -->")
    if classic:
        video_only = "[embed]https://youtu.be/M7lc1UVf-VE[/embed]"
    else:
        video_only = ('<!-- wp:embed {"url":"https://youtu.be/M7lc1UVf-VE","type":"video"} -->\n'
                      '<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper">\n'
                      "https://youtu.be/M7lc1UVf-VE\n</div></figure>\n<!-- /wp:embed -->")
    code_first = ('<pre><code>&lt;div class="jadwal"&gt;Manasik&lt;/div&gt;</code></pre>\n\n'
                  "Salin kode di atas ke halaman jadwal kantor.")
    second = (f"{city} – Pelunasan biaya perjalanan ibadah haji tahap kedua dibuka hingga akhir bulan. "
              "Calon jemaah diminta membawa bukti setoran awal.")
    return [
        dict(post_id=first_id, title=f"Manasik Haji {office_name}", link=f"{site}/2021/06/15/{slug_prefix}-manasik-haji/",
             content=first, date="2021-06-15 09:00:00", name=f"{slug_prefix}-manasik-haji",
             categories=[("haji", "Haji")], tags=["Manasik", "Seksi PHU"], meta={"_thumbnail_id": str(featured_id)}),
        dict(post_id=first_id + 1, title=f"Pelunasan Biaya Haji Tahap Dua {office_name}",
             link=f"{site}/2021/06/20/{slug_prefix}-pelunasan-tahap-dua/", content=second, date="2021-06-20 10:30:00",
             name=f"{slug_prefix}-pelunasan-tahap-dua", categories=[("pengumuman", "Pengumuman")], tags=["Pelunasan"]),
        # Issue #19: a post that is only a video, one that opens with a code block, an old address with "//".
        dict(post_id=first_id + 10, title=f"Video Manasik {office_name}", link=f"{site}//2021/06/16/{slug_prefix}-video-manasik/",
             content=video_only, date="2021-06-16 08:00:00", name=f"{slug_prefix}-video-manasik", categories=[("haji", "Haji")]),
        dict(post_id=first_id + 11, title=f"Kode Jadwal {office_name}", link=f"{site}/2021/06/17/{slug_prefix}-kode-jadwal/",
             content=code_first, date="2021-06-17 08:00:00", name=f"{slug_prefix}-kode-jadwal", categories=[("haji", "Haji")]),
        dict(post_id=first_id + 2, title=f"Layanan PHU {office_name}", link=f"{site}/{slug_prefix}-layanan-phu/",
             post_type="page", content="Seksi PHU melayani pendaftaran dan pembatalan haji.", date="2020-01-01 08:00:00",
             name=f"{slug_prefix}-layanan-phu"),
    ]


FORMAT_EXPORTS = {
    # name: (office, office name, city, site, blog, uploads URL below which the photos are, WXR version, scheme)
    "https-1.2": ("kab-temanggung", "Kab. Temanggung", "Temanggung", "https://kemenag-temanggung.contoh.test",
                  "https://kemenag-temanggung.contoh.test", "https://kemenag-temanggung.contoh.test/wp-content/uploads", "1.2", "https"),
    "wxr-1.1": ("kab-purworejo", "Kab. Purworejo", "Purworejo", "http://kemenag-purworejo.contoh.test",
                "http://kemenag-purworejo.contoh.test", "http://kemenag-purworejo.contoh.test/wp-content/uploads", "1.1", "http"),
    "wxr-1.0": ("kab-magelang", "Kab. Magelang", "Mungkid", "http://kemenag-magelang.contoh.test",
                "http://kemenag-magelang.contoh.test", "http://kemenag-magelang.contoh.test/wp-content/uploads", "1.0", "http"),
    "wordpress-com": ("kab-banjarnegara", "Kab. Banjarnegara", "Banjarnegara", "http://wordpress.com",
                      "https://kemenagbanjarnegara.wordpress.com", "https://kemenagbanjarnegara.files.wordpress.com", "1.2", "https"),
    "multisite-folder": ("kab-kudus", "Kab. Kudus", "Kudus", "https://kemenag-jateng.contoh.test",
                         "https://kemenag-jateng.contoh.test/kudus", "https://kemenag-jateng.contoh.test/kudus/wp-content/uploads/sites/3", "1.2", "https"),
    "multisite-files": ("kab-pati", "Kab. Pati", "Pati", "http://kemenag-jateng.contoh.test",
                        "http://pati.kemenag-jateng.contoh.test", "http://pati.kemenag-jateng.contoh.test/files", "1.1", "http"),
}
FORMAT_PHOTOS = ("2021/06/manasik.jpg", "2021/06/sampul.jpg")  # below the uploads folder: body photo, featured photo


def format_export(folder: Path, name: str) -> tuple[Path, Path]:
    """(export, uploads folder) of one of FORMAT_EXPORTS; the uploads folder is the site's own (for a sub-site:
    wp-content/uploads/sites/3/ or, on networks made before WordPress 3.5, wp-content/blogs.dir/N/files/)."""
    office, office_name, city, site, blog, uploads_url, version, scheme = FORMAT_EXPORTS[name]
    uploads = folder / f"uploads-{name}"
    for path, color in zip(FORMAT_PHOTOS, ("navy", "teal")):
        photo(uploads / path, color)
    body_url, featured_url = (f"{uploads_url}/{path}" for path in FORMAT_PHOTOS)
    slug_prefix = office.removeprefix("kab-")
    extra = {}
    if name == "wordpress-com":
        # WordPress.com serves photos through its image CDN with size parameters.
        body_url = f"https://i0.wp.com/{uploads_url.split('://', 1)[1]}/{FORMAT_PHOTOS[0]}?ssl=1"
        extra[0] = comment(7, "Pembaca", "<p>Terima kasih, sangat bermanfaat.</p>")
    posts = format_posts(office_name, city, blog, body_url, 90, 80, slug_prefix, classic=name != "https-1.2")
    if version == "1.0":
        items = [format_item(item(**{k: v for k, v in post.items() if k not in ("categories", "tags")}),
                             extra=legacy_terms(post.get("categories", ()), post.get("tags", ()))) for post in posts]
    else:
        items = [format_item(item(**post), extra=extra.get(n, "")) for n, post in enumerate(posts)]
    items.append(attachment(90, blog, featured_url, FORMAT_PHOTOS[1], f"Sampul manasik {office_name}", "Manasik di aula kantor."))
    items.append(attachment(91, blog, f"{uploads_url}/{FORMAT_PHOTOS[0]}", FORMAT_PHOTOS[0], "Calon jemaah berlatih tawaf"))
    generator = "http://wordpress.com/" if name == "wordpress-com" else "https://wordpress.org/?v=6.4.3"
    authors = () if version == "1.0" else (("humas", f"Humas {office_name}"),)
    categories = (("haji", "Haji"), ("pengumuman", "Pengumuman"))
    export = write_format_export(folder / f"{name}.xml", title=f"Kankemenag {office_name}", site=site, blog=blog, items=items,
                                 version=version, scheme=scheme, authors=authors, categories=categories, generator=generator)
    return export, uploads


# Galleries (issue #19): the classic editor's [gallery] (with IDs, and without: the post's own attachments), the
# block editor's gallery block in both its forms (WordPress 5.9+ nests image blocks; before, a <ul
# class="blocks-gallery-grid">), and Jetpack's tiled gallery (its shortcode and the markup it displays).
GALLERY_SITE = "https://kemenag-klaten.contoh.test"
GALLERY_UPLOADS_URL = f"{GALLERY_SITE}/wp-content/uploads"
GALLERY_PHOTOS = {  # attachment ID -> (below the uploads folder, colour, alt, caption)
    301: ("2023/07/tawaf.jpg", "navy", "Jemaah berlatih tawaf", "Latihan tawaf di aula."),
    302: ("2023/07/sai.jpg", "teal", "", "Latihan sa'i di halaman."),
    303: ("2023/07/wukuf.jpg", "olive", "", ""),
    304: ("2023/07/lempar-jumrah.jpg", "maroon", "Jemaah melempar jumrah", ""),
    305: ("2023/07/hilang.jpg", None, "Foto yang tidak diunggah", ""),  # in the export, not in the uploads folder
}
GALLERY_MISSING_ID = 399  # named by a [gallery], no such attachment in the export


def gallery_attachment(post_id: int, parent: int) -> str:
    """A photo attachment of GALLERY_PHOTOS, a child of post `parent` (wp:post_parent, as WordPress writes it)."""
    path, _, alt, caption = GALLERY_PHOTOS[post_id]
    return format_item(attachment(post_id, GALLERY_SITE, f"{GALLERY_UPLOADS_URL}/{path}", path, alt, caption),
                       extra=f"\n<wp:post_parent>{parent}</wp:post_parent>")


def gallery_posts() -> list[str]:
    """Five posts, one gallery kind each, with their attachments."""
    up = GALLERY_UPLOADS_URL
    ids = f'[gallery link="file" columns="3" ids="301,302,{GALLERY_MISSING_ID},305"]'
    children = "[gallery]"
    block = (
        "<!-- wp:paragraph -->\n<p>Klaten – Manasik hari kedua.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-default is-cropped">'
        '<!-- wp:image {"id":301,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large">'
        f'<img src="{up}/2023/07/tawaf-1024x683.jpg" alt="Jemaah berlatih tawaf" class="wp-image-301"/>'
        '<figcaption class="wp-element-caption">Latihan tawaf di aula.</figcaption></figure>\n<!-- /wp:image -->\n\n'
        '<!-- wp:image {"id":303,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large">'
        f'<img src="{up}/2023/07/wukuf-1024x683.jpg" alt="" class="wp-image-303"/></figure>\n<!-- /wp:image -->'
        '<figcaption class="blocks-gallery-caption wp-element-caption">Manasik hari kedua di aula kantor.</figcaption>'
        "</figure>\n<!-- /wp:gallery -->"
    )
    old_block = (
        "<!-- wp:paragraph -->\n<p>Klaten – Manasik hari ketiga.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:gallery {"ids":[302,304]} -->\n<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid">'
        f'<li class="blocks-gallery-item"><figure><img src="{up}/2023/07/sai-1024x683.jpg" alt="" data-id="302" '
        f'data-full-url="{up}/2023/07/sai.jpg" class="wp-image-302"/><figcaption class="blocks-gallery-item__caption">'
        "Latihan sa'i di halaman.</figcaption></figure></li>"
        f'<li class="blocks-gallery-item"><figure><img src="{up}/2023/07/lempar-jumrah-1024x683.jpg" alt="Jemaah melempar jumrah" '
        f'data-id="304" data-full-url="{up}/2023/07/lempar-jumrah.jpg" class="wp-image-304"/></figure></li>'
        "</ul></figure>\n<!-- /wp:gallery -->"
    )
    tiled_item = (
        '<div class="tiled-gallery-item tiled-gallery-item-large"><a href="{site}/?attachment_id={id}" border="0">'
        '<img data-attachment-id="{id}" data-orig-file="{up}/{path}" src="https://i0.wp.com/{host}/wp-content/uploads/{path}?w=480&amp;h=320" '
        'width="480" height="320" alt="{alt}" title="{alt}" /></a>{caption}</div>'
    )
    tiled = '<div class="tiled-gallery type-rectangular tiled-gallery-unresized" data-original-width="1000"><div class="gallery-row">' + "".join(
        '<div class="gallery-group images-1">' + tiled_item.format(
            site=GALLERY_SITE, id=key, up=up, path=GALLERY_PHOTOS[key][0], host=GALLERY_SITE.split("://")[1],
            alt=GALLERY_PHOTOS[key][2], caption=f'<div class="tiled-gallery-caption">{GALLERY_PHOTOS[key][3]}</div>' if GALLERY_PHOTOS[key][3] else "",
        ) + "</div>" for key in (303, 304)
    ) + "</div></div>"
    posts = [
        (310, "Galeri Manasik Hari Pertama", "galeri-hari-pertama",
         f"Klaten – Calon jemaah mengikuti manasik hari pertama.\n\n{ids}\n\nManasik dilanjutkan besok.\n\n(Humas/kl)"),
        (311, "Galeri Lampiran Berita", "galeri-lampiran", f"Klaten – Foto-foto kegiatan.\n\n{children}\n\n(Humas/kl)"),
        (312, "Galeri Manasik Hari Kedua", "galeri-hari-kedua", block),
        (313, "Galeri Manasik Hari Ketiga", "galeri-hari-ketiga", old_block),
        (314, "Galeri Bertumpuk Manasik", "galeri-bertumpuk",
         f'Klaten – Galeri bertumpuk.\n\n[gallery type="rectangular" ids="302,301"]\n\n{tiled}\n\n(Humas/kl)'),
    ]
    items = [item(post_id=post_id, title=title, link=f"{GALLERY_SITE}/2023/07/{day:02d}/{name}/", content=content,
                  date=f"2023-07-{day:02d} 09:00:00", name=name, categories=[("haji", "Haji")])
             for day, (post_id, title, name, content) in enumerate(posts, 10)]
    # [gallery] without IDs shows the post's own photo attachments (post 311: 303 and 304).
    parents = {301: 310, 302: 310, 303: 311, 304: 311, 305: 310}
    return items + [gallery_attachment(key, parent) for key, parent in parents.items()]


def gallery_export(folder: Path) -> tuple[Path, Path]:
    """(export, uploads folder) of an office whose posts hold galleries of every kind."""
    uploads = folder / "uploads-klaten"
    for path, color, _, _ in GALLERY_PHOTOS.values():
        if color:
            photo(uploads / path, color)
    export = write_format_export(folder / "klaten.xml", title="Kankemenag Kab. Klaten", site=GALLERY_SITE, blog=GALLERY_SITE,
                                 items=gallery_posts(), scheme="https", categories=(("haji", "Haji"),))
    return export, uploads


# An office archive as real WordPress sites hold it (issue #19): PDF announcements (linked, and in the block
# editor's file block), self-hosted video with a poster and audio (shortcodes and blocks), a video too large for
# the repository, a disguised "PDF", a missing document, a gallery and a YouTube video in one announcement, a code
# block opening a post, nested blocks (columns in a group) holding a photo of the site and one of another site.
ARCHIVE_SITE = "https://kemenag-sragen.contoh.test"
ARCHIVE_UPLOADS_URL = f"{ARCHIVE_SITE}/wp-content/uploads"
ARCHIVE_FILES = {  # below the uploads folder -> where the bytes come from (None: a sparse file over 50 MB)
    "2025/05/daftar-berhak-lunas.pdf": "tests/document_content/dokumen/kab-wonosobo/2026/06/daftar-jemaah-berhak-lunas.pdf",
    "2025/05/Jadwal Manasik 2025.xlsx": "tests/document_content/dokumen/kab-wonosobo/2026/06/jadwal-manasik.xlsx",
    "2025/05/manasik.mp4": "tests/document_content/media/kab-wonosobo/2026/06/manasik-video.mp4",
    "2025/05/takbir.mp3": "tests/document_content/media/kab-wonosobo/2026/06/takbir.mp3",
    "2025/05/rekaman-lengkap.mp4": None,
}
ARCHIVE_PHOTOS = ("2025/05/poster-manasik.jpg", "2025/05/pelunasan.jpg", "2025/05/aula.jpg")
ARCHIVE_DISGUISED = "2025/05/palsu.pdf"  # an HTML page named .pdf
ARCHIVE_MISSING = "2025/05/tidak-diunggah.pdf"
ARCHIVE_FOREIGN_PHOTO = "https://cdn.lain.contoh.test/2025/05/foto-lain.jpg"
ARCHIVE_YOUTUBE = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def archive_uploads(folder: Path, root: Path) -> Path:
    uploads = folder / "uploads-sragen"
    for path, source in ARCHIVE_FILES.items():
        target = uploads / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            with target.open("wb") as handle:  # an MP4's first bytes, then sparse: 51 MB on disk in no time
                handle.write(b"\0\0\0\x20ftypisom")
                handle.truncate(51 * 1000 * 1000)
        else:
            target.write_bytes((root / source).read_bytes())
    for path, color in zip(ARCHIVE_PHOTOS, ("navy", "teal", "olive")):
        photo(uploads / path, color)
    (uploads / ARCHIVE_DISGUISED).write_text("<!doctype html><title>x</title><script>alert(1)</script>")
    return uploads


def archive_posts() -> list[str]:
    up = ARCHIVE_UPLOADS_URL
    announcement = (
        "Sragen – Kankemenag Kab. Sragen mengumumkan jemaah haji yang berhak melunasi biaya tahap I. "
        f'Daftarnya: <a href="{up}/2025/05/daftar-berhak-lunas.pdf">Daftar jemaah berhak lunas</a>, '
        f'jadwal manasik: <a href="{up}/2025/05/Jadwal%20Manasik%202025.xlsx">jadwal</a>, '
        f'dan susulan: <a href="{up}/{ARCHIVE_MISSING}">daftar susulan</a>.\n\n'
        f'Format lama: <a href="{up}/{ARCHIVE_DISGUISED}">daftar lama</a>.\n\n'
        f'<a href="{up}/2025/05/daftar-berhak-lunas.pdf"><img src="{up}/2025/05/pelunasan-300x200.jpg" alt="Sampul daftar"></a>\n\n'
        f'Rekaman takbir: <a href="{up}/2025/05/takbir.mp3"></a>\n\n'
        '[gallery ids="501,502"]\n\n'
        f"{ARCHIVE_YOUTUBE}\n\n"
        "(Humas/sr)"
    )
    blocks = (
        '<!-- wp:code -->\n<pre class="wp-block-code"><code>&lt;div class="jadwal"&gt;Senin&lt;/div&gt;</code></pre>\n<!-- /wp:code -->\n\n'
        "<!-- wp:paragraph -->\n<p>Sragen – Jadwal manasik dan rekaman kegiatan.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:file {"id":503,"href":"' + up + '/2025/05/daftar-berhak-lunas.pdf","displayPreview":true} -->\n'
        f'<div class="wp-block-file"><object class="wp-block-file__embed" data="{up}/2025/05/daftar-berhak-lunas.pdf" '
        'type="application/pdf" style="width:100%;height:600px" aria-label="Daftar"></object>'
        f'<a id="wp-block-file--media-1" href="{up}/2025/05/daftar-berhak-lunas.pdf">Daftar berhak lunas (PDF)</a>'
        f'<a href="{up}/2025/05/daftar-berhak-lunas.pdf" class="wp-block-file__button wp-element-button" download '
        'aria-describedby="wp-block-file--media-1">Unduh</a></div>\n<!-- /wp:file -->\n\n'
        '<!-- wp:video {"id":504} -->\n<figure class="wp-block-video"><video controls '
        f'poster="{up}/2025/05/poster-manasik.jpg" src="{up}/2025/05/manasik.mp4"></video>'
        '<figcaption class="wp-element-caption">Manasik di halaman kantor</figcaption></figure>\n<!-- /wp:video -->\n\n'
        '<!-- wp:audio {"id":505} -->\n<figure class="wp-block-audio"><audio controls '
        f'src="{up}/2025/05/takbir.mp3"></audio></figure>\n<!-- /wp:audio -->\n\n'
        '<!-- wp:group {"layout":{"type":"constrained"}} -->\n<div class="wp-block-group">'
        '<!-- wp:columns -->\n<div class="wp-block-columns"><!-- wp:column -->\n<div class="wp-block-column">'
        '<!-- wp:image {"id":506} -->\n<figure class="wp-block-image size-large">'
        f'<img src="{up}/2025/05/aula-1024x683.jpg" alt="Aula manasik" class="wp-image-506"/></figure>\n<!-- /wp:image -->'
        '</div>\n<!-- /wp:column -->\n\n<!-- wp:column -->\n<div class="wp-block-column">'
        f'<!-- wp:image -->\n<figure class="wp-block-image"><img src="{ARCHIVE_FOREIGN_PHOTO}" alt="Foto kiriman warga"/></figure>\n'
        "<!-- /wp:image --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns --></div>\n<!-- /wp:group -->"
    )
    big = f'[video width="1280" height="720" mp4="{up}/2025/05/rekaman-lengkap.mp4" poster="{up}/2025/05/poster-manasik.jpg"][/video]'
    only_video = f'[video mp4="{up}/2025/05/manasik.mp4"][/video]'
    posts = [
        (510, "Pengumuman Jemaah Haji Berhak Lunas Tahap I", "pengumuman-berhak-lunas", announcement),
        (511, "Jadwal Manasik dan Rekaman Kegiatan", "jadwal-manasik-dan-rekaman", blocks),
        (512, "Rekaman Lengkap Pelepasan Jemaah", "rekaman-lengkap-pelepasan", big),
        (513, "Video Manasik", "video-manasik", only_video),
    ]
    items = [item(post_id=post_id, title=title, link=f"{ARCHIVE_SITE}/2025/05/{day:02d}/{name}/", content=content,
                  date=f"2025-05-{day:02d} 09:00:00", name=name, categories=[("haji", "Haji")])
             for day, (post_id, title, name, content) in enumerate(posts, 10)]
    photos = [format_item(attachment(key, ARCHIVE_SITE, f"{up}/{path}", path, alt), extra="\n<wp:post_parent>510</wp:post_parent>")
              for key, path, alt in ((501, ARCHIVE_PHOTOS[1], "Jemaah melunasi biaya haji"), (502, ARCHIVE_PHOTOS[2], "Aula manasik"))]
    return items + photos


def archive_export(folder: Path, root: Path) -> tuple[Path, Path]:
    """(export, uploads folder) of an office archive with documents, videos, audio, a gallery and nested blocks."""
    uploads = archive_uploads(folder, root)
    export = write_format_export(folder / "sragen.xml", title="Kankemenag Kab. Sragen", site=ARCHIVE_SITE, blog=ARCHIVE_SITE,
                                 items=archive_posts(), scheme="https", categories=(("haji", "Haji"),))
    return export, uploads
