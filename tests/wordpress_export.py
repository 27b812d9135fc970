"""WordPress exports (WXR 1.2) as two offices' sites publish the seed articles, with the usual extras.

Wonosobo's site uses the classic editor (paragraphs separated by blank
lines, [caption] shortcodes), Kota Magelang's the block editor.
"""

from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

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
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[humas]]></wp:author_login><wp:author_display_name><![CDATA[Humas Kankemenag]]></wp:author_display_name></wp:author>
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


def write_export(path: Path, title: str, site: str, items: list[str]) -> Path:
    path.write_text(HEADER.format(title=title, site=site) + "".join(items) + "</channel>\n</rss>\n", encoding="utf-8")
    return path
