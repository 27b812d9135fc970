"""Create the Markdown file for a new article, metadata pre-filled.

The file starts as a draft (`Status: draft`): it builds and can be
previewed at /draf/{slug}/, but is not published until the editor has
filled in every field and removed the Status line.
"""

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from office_tags.registry import Office
from office_tags.site_registry import DEFAULT_REGISTRY, registry_for
from sitelib.article_files import article_path, header_date
from sitelib.plain_folders import WayRefused, write_new_file
from sitelib.slugs import title_slug

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


def reporting_office(office: str, settings) -> str:
    """The registry code for `office` (a code, name or alias), '' for none; ValueError for an unknown one."""
    if not office:
        return ""
    found = registry_for(settings).find(office)
    if not isinstance(found, Office):
        raise ValueError(f"kantor '{office}' tidak dikenal; lihat {settings.get('OFFICE_REGISTRY', DEFAULT_REGISTRY)}.")
    return found.code


def create_article(title: str, folder: Path, settings, office: str, now: datetime | None = None) -> Path:
    """Write content/articles/{office}/{YYYY}/{YYYY-MM-DD}-{slug}.md and return its path.

    `office` (a registry code) fills Offices and Reporting_office, and the
    article lives in that office's folder (sitelib.article_files). The slug is
    Pelican's for the title; the date and the file name are the wall time in
    the site's TIMEZONE (`settings` are Pelican's).
    """
    title = " ".join(title.split())
    if not title:
        raise ValueError("Judul berita tidak boleh kosong.")
    if not office:
        raise ValueError("pilih kantor peliputnya, misalnya --office kab-wonosobo (lihat data/offices.toml).")
    zone = ZoneInfo(settings["TIMEZONE"])
    now = (now or datetime.now(zone)).astimezone(zone)
    slug = title_slug(title, settings)
    if not slug:
        raise ValueError(f"Judul {title!r} tidak menghasilkan slug: pakai huruf atau angka.")
    path = Path(folder) / article_path(office, now, slug)
    if os.path.lexists(path):
        raise ArticleExists(f"Berkas {path} sudah ada; ganti judulnya atau sunting berkas itu.")
    text = TEMPLATE.format(title=title, date=header_date(now), slug=slug, office=office)
    try:  # never through a symbolic link out of the articles folder
        write_new_file(Path(folder), path, text.encode("utf-8"))
    except WayRefused as refused:
        raise ValueError(f"berkas tidak dibuat: {refused}.") from None
    return path
