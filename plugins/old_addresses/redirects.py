"""Where a redirect page goes, and whether an old address can have one."""

import posixpath
from dataclasses import dataclass

from sitelib.metadata import LINE_BREAK_CHARACTERS
from sitelib.output import NAME_LIMIT_BYTES, too_long_names


@dataclass(frozen=True)
class Redirect:
    save_as: str  # "2021/06/15/lima-asn/index.html"
    old_path: str
    target_url: str  # the item's current URL, relative to the site: "2021/06/lima-asn/"
    title: str
    source_path: str


# A redirect is a page: an address ending in "/" (a folder's index.html) or an HTML file.
PAGE_SUFFIXES = (".html", ".htm")


def old_path_problem(old_path: str) -> str:
    """Why `old_path` cannot have a redirect page, or ''."""
    if LINE_BREAK_CHARACTERS.search(old_path) or "\n" in old_path or "\t" in old_path:
        return "tidak boleh berisi baris baru, tab atau karakter kendali"
    if not old_path.startswith("/") or old_path == "/":
        return "harus diawali garis miring dan bukan beranda, misalnya /2021/06/15/judul-berita/"
    if "?" in old_path or "#" in old_path or "\\" in old_path:
        return "tidak boleh berisi ?, # atau \\ (situs statis tidak bisa menjawab alamat ?p=…)"
    if {".", ".."} & set(old_path.split("/")) or "//" in old_path:
        return "tidak boleh berisi bagian . atau .. atau //"
    if not old_path.endswith("/") and posixpath.splitext(old_path)[1].lower() not in PAGE_SUFFIXES:
        return "harus diakhiri garis miring atau .html, misalnya /2021/06/15/judul-berita/"
    if any("." in part for part in old_path.strip("/").split("/")[:-1]):
        return "hanya bagian terakhir yang boleh berisi titik (seperti .html)"
    if too_long_names(old_path):
        return f"punya bagian lebih dari {NAME_LIMIT_BYTES} bita"
    return ""


def save_as(old_path: str) -> str:
    """'/2021/06/15/slug/' -> '2021/06/15/slug/index.html'; '/lama.html' stays a file."""
    path = old_path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not posixpath.splitext(path)[1] else path


def redirect_for(old_path: str, url: str, title: str, source_path: str) -> Redirect | None:
    """The redirect page of an item, None when its old address is its address now."""
    target = save_as(old_path)
    if target == save_as("/" + url):
        return None
    return Redirect(target, old_path, url, title, source_path)
