"""`invoke bench-import`: a synthetic WordPress export of 20,000 posts imported in a child process, measured.

The export is deterministic (one seed, the same bytes every time) and shaped
as WordPress 6 writes it: Indonesian PHU news in the classic editor, each with
a `[caption]`ed photo from the uploads (its -1024x683 copy in the text) and
that photo as its featured image, categories and tags, and the attachments
after the posts. The uploads folder holds a real small JPEG for every photo.

The child runs `invoke import-wordpress`'s own call (office_import, plan and
write into a fresh copy of the fixed pages) and the figures are its wall time
and peak resident memory (`os.wait4`'s ru_maxrss, benchmarks.measure.timed).
For comparison, a second child only parses the same file whole with
ElementTree.parse, as the importer did before it read the export as a stream.
"""

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

from .corpus import EVENTS, SENTENCES, TAGS
from .measure import timed

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://kemenag-wonosobo.contoh.test"
OFFICE = "kab-wonosobo"
SEED = 2026
START = datetime(2012, 1, 2, 8, 0)
CATEGORIES = [("haji", "Haji"), ("umrah", "Umrah"), ("pengumuman", "Pengumuman"), ("kegiatan", "Kegiatan")]
CITIES = ["Wonosobo", "Kertek", "Garung", "Kalikajar", "Leksono", "Sapuran"]
PHOTO_VARIANTS = 24  # distinct JPEGs written under the photos' names

HEADER = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel>
<title>Kankemenag Kab. Wonosobo</title>
<link>{SITE}</link>
<language>id-ID</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{SITE}</wp:base_site_url>
<wp:base_blog_url>{SITE}</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[humas]]></wp:author_login><wp:author_display_name><![CDATA[Humas Kankemenag Wonosobo]]></wp:author_display_name></wp:author>
"""


def _item(post_id: int, title: str, slug: str, date: datetime, post_type: str, content: str, *, link: str,
          status: str = "publish", terms: str = "", meta: dict[str, str] | None = None, attachment_url: str = "",
          excerpt: str = "") -> str:
    stamp = date.strftime("%Y-%m-%d %H:%M:%S")
    postmeta = "".join(f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key><wp:meta_value><![CDATA[{value}]]>"
                       "</wp:meta_value></wp:postmeta>" for key, value in (meta or {}).items())
    attachment = f"<wp:attachment_url><![CDATA[{attachment_url}]]></wp:attachment_url>" if attachment_url else ""
    return (f"<item>\n<title><![CDATA[{title}]]></title>\n<link>{escape(link)}</link>\n"
            f"<dc:creator><![CDATA[humas]]></dc:creator>\n<guid isPermaLink=\"false\">{SITE}/?p={post_id}</guid>\n"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>\n<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>\n"
            f"<wp:post_id>{post_id}</wp:post_id>\n<wp:post_date><![CDATA[{stamp}]]></wp:post_date>\n"
            f"<wp:post_date_gmt><![CDATA[{stamp}]]></wp:post_date_gmt>\n<wp:post_modified><![CDATA[{stamp}]]></wp:post_modified>\n"
            f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>\n<wp:status><![CDATA[{status}]]></wp:status>\n"
            f"<wp:post_type><![CDATA[{post_type}]]></wp:post_type>\n{attachment}{terms}{postmeta}\n</item>\n")


def _post(rng: random.Random, number: int) -> tuple[str, str, str]:
    """(post item, attachment item, the photo's path below the uploads folder) of post `number`."""
    date = START + timedelta(minutes=number * 263 + rng.randrange(60))
    event, phrase = EVENTS[rng.randrange(len(EVENTS))]
    city = CITIES[rng.randrange(len(CITIES))]
    title = f"{event} di {city} Tahap {number % 7 + 1} Tahun {date.year}"
    slug = f"{event.lower().replace(' ', '-')}-{city.lower()}-{number}"
    folder = date.strftime("%Y/%m")
    photo = f"{folder}/kegiatan-{number}.jpg"
    attachment_id = 100_000 + number
    uploads = f"{SITE}/wp-content/uploads"
    paragraphs = [f"{city} – Kankemenag Kab. Wonosobo melalui Seksi PHU menggelar {phrase} di {city}."]
    paragraphs += [rng.choice(SENTENCES).format(n=rng.randrange(40, 400), office="Kankemenag Kab. Wonosobo")
                   for _ in range(rng.randrange(4, 9))]
    caption = (f'[caption id="attachment_{attachment_id}" align="aligncenter" width="1024"]'
               f'<a href="{uploads}/{photo}"><img class="size-large wp-image-{attachment_id}" '
               f'src="{uploads}/{folder}/kegiatan-{number}-1024x683.jpg" alt="Peserta {event.lower()} di {city}" '
               f'width="1024" height="683" /></a> Peserta {event.lower()} di {city}.[/caption]')
    paragraphs.insert(1, caption)
    paragraphs.append(f"({rng.choice(['Hari', 'Nam', 'Rif', 'Tut'])}/{rng.choice(['rf', 'ed', 'ws'])})")
    category = CATEGORIES[rng.randrange(len(CATEGORIES))]
    tags = rng.sample(TAGS, 2)
    terms = (f'<category domain="category" nicename="{category[0]}"><![CDATA[{category[1]}]]></category>'
             + "".join(f'<category domain="post_tag" nicename="{t.lower().replace(" ", "-")}"><![CDATA[{t}]]></category>'
                       for t in tags))
    link = f"{SITE}/{date.strftime('%Y/%m/%d')}/{slug}/"
    post = _item(number, title, slug, date, "post", "\n\n".join(paragraphs), link=link, terms=terms,
                 meta={"_thumbnail_id": str(attachment_id), "_edit_last": "2"})
    attachment = _item(attachment_id, f"kegiatan-{number}", f"kegiatan-{number}", date, "attachment", "",
                       link=f"{SITE}/?attachment_id={attachment_id}", status="inherit", attachment_url=f"{uploads}/{photo}",
                       excerpt=f"Peserta {event.lower()} di {city}.",
                       meta={"_wp_attached_file": photo, "_wp_attachment_image_alt": f"Peserta {event.lower()} di {city}"})
    return post, attachment, photo


def _jpegs() -> list[bytes]:
    """Small real JPEGs (800 × 533, a gradient each) that meet the photo standard, copied as they are."""
    variants = []
    for number in range(PHOTO_VARIANTS):
        image = Image.linear_gradient("L").resize((800, 533)).convert("RGB")
        image.paste((40 + number * 8, 90, 160 - number * 4), (0, 0, 800, 60))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        variants.append(buffer.getvalue())
    return variants


def write_export(folder: Path, posts: int, seed: int = SEED) -> tuple[Path, Path]:
    """(export, uploads folder) with `posts` posts, their attachments after them, and every photo's file."""
    rng = random.Random(seed)
    uploads = folder / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    jpegs = _jpegs()
    export = folder / "ekspor.xml"
    attachments = []
    with open(export, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for number in range(1, posts + 1):
            post, attachment, photo = _post(rng, number)
            handle.write(post)
            attachments.append(attachment)
            target = uploads / photo
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(jpegs[number % len(jpegs)])
        handle.writelines(attachments)
        handle.write("</channel>\n</rss>\n")
    return export, uploads


def run(posts: int = 20_000) -> dict:
    """Write the export, import it in a child process, parse it whole in another; the figures."""
    with tempfile.TemporaryDirectory(prefix="wxr-bench-") as temporary:
        folder = Path(temporary)
        start = time.perf_counter()
        export, uploads = write_export(folder, posts)
        written = time.perf_counter() - start
        content = folder / "content"
        shutil.copytree(ROOT / "content" / "pages", content / "pages")
        (content / "articles").mkdir()
        result = folder / "hasil.json"
        env = {"PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")])}
        child = [sys.executable, "-m", "benchmarks.wxr_bench"]
        imported = timed([*child, "--import", str(export), str(uploads), str(content), str(result)], ROOT, env)
        parse = "import sys, xml.etree.ElementTree as ElementTree; ElementTree.parse(sys.argv[1])"
        parsed = timed([sys.executable, "-c", parse, str(export)], ROOT, env)
        figures = json.loads(result.read_text(encoding="utf-8"))
        return {
            "posts": posts, "export_mb": export.stat().st_size / 2**20, "generate_seconds": written,
            "import": {"seconds": imported.seconds, "peak_mb": imported.peak_mb, **figures},
            "elementtree_parse": {"seconds": parsed.seconds, "peak_mb": parsed.peak_mb},
        }


def format_figures(figures: dict) -> str:
    imported, parsed = figures["import"], figures["elementtree_parse"]
    return "\n".join([
        f"Ekspor sintetis: {figures['posts']} berita dengan foto, {figures['export_mb']:.0f} MB "
        f"(dibuat dalam {figures['generate_seconds']:.0f} detik)",
        f"Impor (baca, rencanakan, tulis): {imported['seconds']:.0f} detik, memori puncak {imported['peak_mb']:.0f} MB "
        f"(baca pertama {imported['first_pass_seconds']:.1f} detik, rencana {imported['plan_seconds']:.0f} detik, "
        f"tulis {imported['write_seconds']:.0f} detik; {imported['articles']} berita, {imported['photos']} foto)",
        f"Pembanding, ElementTree.parse berkas yang sama saja: {parsed['seconds']:.1f} detik, "
        f"memori puncak {parsed['peak_mb']:.0f} MB",
    ])


def _import_child(export: Path, uploads: Path, content: Path, result: Path) -> None:
    """The import as `invoke import-wordpress` runs it, phase by phase (run in the child)."""
    from pelican.settings import read_settings

    from editorial.wordpress.importer import Importer, write
    from editorial.wordpress.post_metadata import CategoryMap
    from editorial.wordpress.wxr import read_export
    from office_tags.site_registry import registry_for

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    start = time.perf_counter()
    wordpress = read_export(export)
    first_pass = time.perf_counter()
    categories = CategoryMap.load(ROOT / settings["WORDPRESS_CATEGORIES"], settings["DEFAULT_CATEGORY"])
    plan = Importer(wordpress, OFFICE, uploads, settings, registry_for(settings), categories).plan(progress=False)
    planned = time.perf_counter()
    write(plan)
    done = time.perf_counter()
    result.write_text(json.dumps({
        "first_pass_seconds": first_pass - start, "plan_seconds": planned - first_pass, "write_seconds": done - planned,
        "articles": sum(f.kind == "article" for f in plan.files), "photos": len(plan.photos),
        "skipped": dict(plan.skipped),
    }), encoding="utf-8")


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="import_args", nargs=4, metavar=("EXPORT", "UPLOADS", "CONTENT", "RESULT"))
    parser.add_argument("--posts", type=int, default=20_000)
    options = parser.parse_args()
    if options.import_args:
        _import_child(*(Path(arg) for arg in options.import_args))
    else:
        print(format_figures(run(options.posts)))


if __name__ == "__main__":
    _main()
