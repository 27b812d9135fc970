"""Reading a WordPress export file (WXR 1.1/1.2, Tools → Export)."""

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

WP_NAMESPACES = ("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.0/")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
EXCERPT = "{http://wordpress.org/export/1.2/excerpt/}encoded"
EXCERPT_11 = "{http://wordpress.org/export/1.1/excerpt/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class WxrError(Exception):
    """The file is not a WordPress export we can read; the message says why, in Indonesian."""


@dataclass
class Item:
    post_id: str
    title: str
    link: str
    post_type: str
    status: str
    slug: str
    date: str  # local time of the site, "2021-06-15 14:00:00"
    modified: str
    author_login: str
    content: str
    excerpt: str
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""


@dataclass
class Export:
    site_url: str  # wp:base_site_url, no trailing slash
    blog_url: str
    authors: dict[str, str]  # login -> display name
    items: list[Item]

    @property
    def uploads_url(self) -> str:
        return f"{self.site_url}/wp-content/uploads/"

    def attachments(self) -> dict[str, Item]:
        return {item.post_id: item for item in self.items if item.post_type == "attachment"}


def _text(element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "") if found is not None else ""


def read_export(path: Path) -> Export:
    """The whole export, or WxrError: nothing is written from a file that does not read completely."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise WxrError(f"berkas {path} tidak bisa dibaca sebagai XML ({error}). Ekspor ulang dari WordPress: Alat → Ekspor.") from error
    channel = root.find("channel")
    wp = next((ns for ns in WP_NAMESPACES if channel is not None and channel.find(f"{{{ns}}}wxr_version") is not None), None)
    if root.tag != "rss" or channel is None or wp is None:
        raise WxrError(f"berkas {path} bukan berkas ekspor WordPress (WXR): tidak ada <wp:wxr_version>. Ekspor dari WordPress: Alat → Ekspor → Semua konten.")
    q = lambda name: f"{{{wp}}}{name}"  # noqa: E731
    authors = {
        _text(author, q("author_login")): _text(author, q("author_display_name")) or _text(author, q("author_login"))
        for author in channel.findall(q("author"))
    }
    items = []
    for element in channel.findall("item"):
        excerpt = element.find(EXCERPT)
        if excerpt is None:
            excerpt = element.find(EXCERPT_11)
        items.append(Item(
            post_id=_text(element, q("post_id")),
            title=_text(element, "title"),
            link=_text(element, "link"),
            post_type=_text(element, q("post_type")),
            status=_text(element, q("status")),
            slug=_text(element, q("post_name")),
            date=_text(element, q("post_date")),
            modified=_text(element, q("post_modified")),
            author_login=_text(element, CREATOR),
            content=_text(element, CONTENT),
            excerpt=(excerpt.text or "") if excerpt is not None else "",
            categories=[(c.get("domain", ""), c.get("nicename", ""), c.text or "") for c in element.findall("category")],
            meta={_text(m, q("meta_key")): _text(m, q("meta_value")) for m in element.findall(q("postmeta"))},
            attachment_url=_text(element, q("attachment_url")),
        ))
    site_url = (_text(channel, q("base_site_url")) or _text(channel, "link")).rstrip("/")
    return Export(site_url, (_text(channel, q("base_blog_url")) or site_url).rstrip("/"), authors, items)
