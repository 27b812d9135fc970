"""Create the Markdown file for a new article, metadata pre-filled.

The file starts as a draft (`Status: draft`): it builds and can be
previewed at /draf/{slug}/, but is not published until the editor has
filled in every field and removed the Status line.
"""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.utils import slugify


TEMPLATE = """\
Title: {title}
Date: {date}
Status: draft
Category: Haji dan Umrah
Tags: Haji, Umrah
Author: kode-penulis/kode-editor
Offices: {office}
Host_office:
Reporting_office: {office}
Slug: {slug}
Summary: Tulis ringkasan berita dalam satu atau dua kalimat.

NAMA KOTA – Tulis paragraf pertama berita di sini, diawali nama kota
tempat berita (misalnya "Kota Magelang –").

Pisahkan setiap paragraf dengan satu baris kosong.
"""


class ArticleExists(Exception):
    """The target file is already there; nothing is overwritten."""


def article_slug(title: str, regex_subs) -> str:
    """The URL slug Pelican would make of `title`."""
    return slugify(title, regex_subs=regex_subs)


def create_article(
    title: str, folder: Path, regex_subs, office: str = "", now: datetime | None = None, time_zone: str = "",
) -> Path:
    """Write content/articles/{YYYY}/{YYYY-MM-DD}-{slug}.md and return its path.

    `office` (a registry code) fills Offices and Reporting_office. The date and
    the file name are the wall time in `time_zone` (Pelican's TIMEZONE, WIB).
    """
    title = " ".join(title.split())
    if not title:
        raise ValueError("Judul berita tidak boleh kosong.")
    if not time_zone:
        raise ValueError("time_zone wajib: isi dengan setelan TIMEZONE.")
    zone = ZoneInfo(time_zone)
    now = (now or datetime.now(zone)).astimezone(zone)
    slug = article_slug(title, regex_subs)
    if not slug:
        raise ValueError(f"Judul {title!r} tidak menghasilkan slug: pakai huruf atau angka.")
    path = Path(folder) / f"{now:%Y}" / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise ArticleExists(f"Berkas {path} sudah ada; ganti judulnya atau sunting berkas itu.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(title=title, date=f"{now:%Y-%m-%d %H:%M}", slug=slug, office=office),
        encoding="utf-8",
    )
    return path
