"""Reading a WordPress export file (WXR 1.0–1.2, Tools → Export), as a stream.

Any export WordPress's own importer reads: WXR 1.0, 1.1 and 1.2, with the
`http://` or `https://wordpress.org/export/1.x/` namespace (WordPress.com and
recent exports write https), from a single site, a multisite sub-site or
WordPress.com. The namespaces are taken from the document's own declarations
(by their URI, whatever prefix it uses), never assumed.

The file is read twice, each time as a stream of <item>s that are dropped once
handed on, so memory does not grow with the export:

- `read_export` reads it whole once: it must be well-formed XML with an
  <rss><channel> holding <wp:wxr_version>, else `WxrError` before anything is
  written. It keeps the channel's data (site URLs, authors, categories), each
  attachment's few fields (for featured photos: attachments usually come after
  their posts), the uploads URLs the attachments show, and the item count (the
  progress bar's total).
- `Export.items()` reads it again and yields one `Item` at a time.

Like WordPress's importer, a document with a DOCTYPE is refused: that is where
entity declarations live (the "billion laughs" expansion), and a WordPress
export never has one. Control characters other than tab, LF and CR, which XML
forbids and which posts pasted from word processors sometimes carry, are read
as spaces, as WordPress's importer does.
"""

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHUNK = 1 << 20  # bytes fed to the parser at a time
WXR_NAMESPACE = re.compile(r"https?://wordpress\.org/export/(\d+\.\d+)/")
EXCERPT_NAMESPACE = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/excerpt/")
OTHER_NAMESPACES = {
    "content": re.compile(r"https?://purl\.org/rss/1\.0/modules/content/"),
    "dc": re.compile(r"https?://purl\.org/dc/elements/1\.1/"),
    "wfw": re.compile(r"https?://wellformedweb\.org/CommentAPI/"),
}
WXR_VERSION = re.compile(r"\d+\.\d+")
# XML forbids these bytes; in UTF-8 and the single-byte encodings they are never part of another character.
FORBIDDEN_BYTES = bytes.maketrans(bytes(b for b in range(32) if b not in (9, 10, 13)), b" " * 29)
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
# Channel and item fields kept (namespaced ones as "role:name"); anything else (comments, terms' meta) is skipped.
CHANNEL_FIELDS = {"title", "link", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}
CHANNEL_RECORDS = {
    "wp:author": {"wp:author_login", "wp:author_display_name"},
    "wp:category": {"wp:category_nicename", "wp:cat_name"},
}
ITEM_FIELDS = {
    "title": "title", "link": "link", "guid": "guid", "dc:creator": "author_login", "content:encoded": "content",
    "excerpt:encoded": "excerpt", "wp:post_id": "post_id", "wp:post_date": "date", "wp:post_modified": "modified",
    "wp:post_name": "slug", "wp:status": "status", "wp:post_type": "post_type", "wp:post_parent": "parent",
    "wp:attachment_url": "attachment_url",
}
# What a featured photo and a gallery need of an attachment; the rest of an attachment is not kept.
ATTACHMENT_META = ("_wp_attachment_image_alt", "_wp_attached_file")
PHOTON_HOSTS = ("i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com")  # Jetpack's image CDN: /HOST/PATH


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
    guid: str = ""
    parent: str = ""  # wp:post_parent, "0" or "" for none


@dataclass
class Export:
    path: Path
    version: str  # wp:wxr_version, "1.2"
    site_url: str  # wp:base_site_url (a network's or WordPress.com's own address for a sub-site), no trailing slash
    blog_url: str  # wp:base_blog_url: the site itself
    authors: dict[str, str]  # login -> display name
    categories: dict[str, str]  # nicename -> name, from the channel's <wp:category>
    attachment_items: dict[str, Item]  # post id -> the attachment's title, caption, URL and meta
    uploads_urls: list[str]  # the URLs below which uploads are, longest first
    count: int  # items in the export
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # page id -> (its slug, its parent's id)

    @property
    def uploads_url(self) -> str:
        return f"{self.site_url}/wp-content/uploads/"

    def attachments(self) -> dict[str, Item]:
        return self.attachment_items

    def items(self) -> Iterator[Item]:
        """Every item, in the export's order, read again from the file one at a time; WxrError if it no longer reads."""
        reader = _Reader(self.path, self.categories)
        yield from reader.items()


def not_wxr(path: Path) -> WxrError:
    return WxrError(f"berkas {path} bukan berkas ekspor WordPress (WXR): tidak ada <wp:wxr_version>. "
                    "Ekspor dari WordPress: Alat → Ekspor → Semua konten.")


def read_export(path: Path) -> Export:
    """The export's channel, attachments and item count, or WxrError: the whole file is read once, so nothing is
    written from a file that does not read completely."""
    reader = _Reader(path, {})
    attachments: dict[str, Item] = {}
    pages: dict[str, tuple[str, str]] = {}
    count = 0
    for item in reader.items():
        count += 1
        if item.post_type == "attachment":
            attachments[item.post_id] = _attachment(item)
        elif item.post_type == "page":
            pages[item.post_id.strip()] = (item.slug.strip(), item.parent.strip())
    channel = reader.channel
    if not WXR_VERSION.fullmatch(channel.get("wp:wxr_version", "").strip()):
        raise not_wxr(path)
    site_url = (channel.get("wp:base_site_url") or channel.get("link", "")).strip().rstrip("/")
    blog_url = (channel.get("wp:base_blog_url") or site_url).strip().rstrip("/")
    return Export(
        path=path, version=channel["wp:wxr_version"].strip(), site_url=site_url, blog_url=blog_url,
        authors=reader.authors, categories=reader.categories, attachment_items=attachments,
        uploads_urls=uploads_urls(site_url, blog_url, attachments.values()), count=count, pages=pages,
    )


def _attachment(item: Item) -> Item:
    """The attachment with only what a featured photo and a gallery use (no content, no other meta): its post
    (parent) is the post a [gallery] without IDs shows it in."""
    return Item(
        post_id=item.post_id, title=item.title, link="", post_type=item.post_type, status=item.status, slug="", date="",
        modified="", author_login="", content="", excerpt=item.excerpt,
        meta={key: item.meta[key] for key in ATTACHMENT_META if key in item.meta},
        attachment_url=item.attachment_url or item.guid,  # WordPress's importer falls back to the guid too
        parent=item.parent.strip(),
    )


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def uploads_urls(site_url: str, blog_url: str, attachments) -> list[str]:
    """Where the site's uploads are, longest first (a sub-site's `…/uploads/sites/3/` before `…/uploads/`).

    The usual `/wp-content/uploads/` of the site (not its network's: the main site's files); a multisite sub-site's `/files/` (networks
    made before WordPress 3.5); WordPress.com's `NAME.files.wordpress.com/`; and the folder each attachment's URL
    shows (its URL without its `_wp_attached_file`, e.g. `…/wp-content/uploads/sites/3/`), when it is on the
    site's own host or WordPress.com's. Each also as Jetpack's image CDN serves it (`i0.wp.com/HOST/PATH`).
    A photo below any of them is looked up in the `--uploads` folder by the rest of its path.
    """
    # A multisite sub-site (its address differs from the network's): the network's own /wp-content/uploads/ holds
    # the main site's files, not the sub-site's (those are below …/uploads/sites/N/ or the sub-site's /files/).
    bases = {f"{blog_url}/wp-content/uploads/"}
    if blog_url != site_url:
        bases.add(f"{blog_url}/files/")
    else:
        bases.add(f"{site_url}/wp-content/uploads/")
    blog_host = _host(blog_url)
    if blog_host.endswith(".wordpress.com") and not blog_host.endswith(".files.wordpress.com"):
        bases.add(f"https://{blog_host.removesuffix('.wordpress.com')}.files.wordpress.com/")
    own_hosts = {_host(site_url), blog_host} - {""}
    for attachment in attachments:
        base = _attachment_folder(attachment.attachment_url, attachment.meta.get("_wp_attached_file", ""))
        if base and (_host(base) in own_hosts or _host(base).endswith(".wordpress.com")):
            bases.add(base)
            for own, other in ((blog_url, site_url), (site_url, blog_url)):  # the same folder under the other address
                if base.startswith(own + "/") and "/wp-content/" in base[len(own):]:
                    bases.add(other + base[len(own):])
    bases |= {f"https://{photon}/{base.split('://', 1)[-1]}" for base in bases for photon in PHOTON_HOSTS if "://" in base}
    return sorted(bases, key=lambda base: (-len(base), base))


def _attachment_folder(url: str, attached_file: str) -> str:
    """The uploads folder's URL an attachment's URL shows: the URL without its path below that folder ('' if none).
    The root of a site's own host is not one (every address of the site would be below it)."""
    attached_file = attached_file.strip().lstrip("/")
    if not attached_file or not url.endswith("/" + attached_file):
        return ""
    base = url[: -len(attached_file)]
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return ""
    if parts.path in ("", "/") and not parts.netloc.lower().endswith(".files.wordpress.com"):
        return ""
    return base


class _DoctypeFound(Exception):
    pass


class _Target:
    """ElementTree parser target that keeps the channel's fields and builds one item at a time.

    Element names become "role:name" ("wp:post_id", "content:encoded"), the role found from the namespace URIs
    the document declares; elements of other namespaces keep their {uri}name and are skipped.
    """

    def __init__(self, categories: dict[str, str]):
        self.roles: dict[str, str] = {}  # namespace URI -> "wp", "excerpt", "content", "dc", "wfw"
        self.version = ""  # from the wp namespace's URI
        self.stack: list[str] = []
        self.text: list[str] | None = None  # the text of the element being kept, else None
        self.channel: dict[str, str] = {}
        self.record: dict[str, str] | None = None  # a channel <wp:author> or <wp:category> being read
        self.authors: dict[str, str] = {}
        self.categories: dict[str, str] = dict(categories)
        self.item: Item | None = None
        self.category_attributes: dict[str, str] = {}
        self.meta: dict[str, str] | None = None
        self.done: list[Item] = []
        self.root_seen = False

    # Namespaces: the document says which URI is which.
    def start_ns(self, prefix: str, uri: str) -> None:
        found = WXR_NAMESPACE.fullmatch(uri)
        if found:
            self.roles[uri] = "wp"
            self.version = self.version or found.group(1)
        elif EXCERPT_NAMESPACE.fullmatch(uri):
            self.roles[uri] = "excerpt"
        else:
            for role, pattern in OTHER_NAMESPACES.items():
                if pattern.fullmatch(uri):
                    self.roles[uri] = role

    def doctype(self, name, pubid, system) -> None:
        raise _DoctypeFound(name)

    def _name(self, tag: str) -> str:
        if tag.startswith("{"):
            uri, local = tag[1:].split("}", 1)
            role = self.roles.get(uri)
            return f"{role}:{local}" if role else tag
        return tag

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name = self._name(tag)
        if not self.root_seen:
            self.root_seen = True
            if name != "rss":
                raise _NotWxr()
        self.stack.append(name)
        depth, parent = len(self.stack), self.stack[-2] if len(self.stack) > 1 else ""
        self.text = None
        if depth == 3 and parent == "channel":
            if name == "item":
                self.item = Item("", "", "", "", "", "", "", "", "", "", "")
            elif name in CHANNEL_RECORDS:
                self.record = {}
            elif name in CHANNEL_FIELDS:
                self.text = []
        elif depth == 4 and self.record is not None and name in CHANNEL_RECORDS[parent]:
            self.text = []
        elif depth == 4 and self.item is not None:
            if name == "category":
                self.category_attributes = dict(attributes)
                self.text = []
            elif name == "wp:postmeta":
                self.meta = {}
            elif name in ITEM_FIELDS:
                self.text = []
        elif depth == 5 and self.meta is not None and name in ("wp:meta_key", "wp:meta_value"):
            self.text = []

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = self.stack.pop()
        depth = len(self.stack) + 1
        text = "".join(self.text) if self.text is not None else None
        self.text = None
        if depth == 3 and self.stack[-1:] == ["channel"]:
            self._end_channel_child(name, text)
        elif depth == 4 and self.record is not None:
            if text is not None:
                self.record[name] = text
        elif depth == 4 and self.item is not None:
            self._end_item_child(name, text)
        elif depth == 5 and self.meta is not None and text is not None:
            self.meta[name] = text

    def _end_channel_child(self, name: str, text: str | None) -> None:
        if name == "item" and self.item is not None:
            self.done.append(self.item)
            self.item = None
        elif name == "wp:author" and self.record is not None:
            login = self.record.get("wp:author_login", "")
            if login:
                self.authors[login] = self.record.get("wp:author_display_name", "") or login
            self.record = None
        elif name == "wp:category" and self.record is not None:
            nicename = self.record.get("wp:category_nicename", "").strip()
            if nicename:
                self.categories.setdefault(nicename, self.record.get("wp:cat_name", "") or nicename)
            self.record = None
        elif text is not None:
            self.channel.setdefault(name, text)

    def _end_item_child(self, name: str, text: str | None) -> None:
        item = self.item
        if name == "category" and text is not None:
            term = _term(self.category_attributes, text, self.categories)
            if term and term not in item.categories:
                item.categories.append(term)
        elif name == "wp:postmeta" and self.meta is not None:
            key = self.meta.get("wp:meta_key", "")
            if key:
                item.meta.setdefault(key, self.meta.get("wp:meta_value", ""))
            self.meta = None
        elif text is not None and name in ITEM_FIELDS:
            setattr(item, ITEM_FIELDS[name], text)

    def close(self) -> None:
        return None


def _term(attributes: dict[str, str], name: str, categories: dict[str, str]) -> tuple[str, str, str] | None:
    """(domain, slug, name) of an item's <category>; WXR 1.0's domain "tag" is "post_tag" as WordPress maps it.

    WXR 1.0 also lists each category once without attributes; that one is taken from the channel's categories
    by its name, and the one with a nicename is the same term (so it is not counted twice)."""
    domain, nicename = attributes.get("domain", ""), attributes.get("nicename", "")
    if nicename:
        return ("post_tag" if domain == "tag" else domain or "category", nicename, name)
    if domain:
        return None
    slug = next((slug for slug, label in categories.items() if label == name), "")
    return ("category", slug, name) if slug else None


class _NotWxr(Exception):
    pass


class _Reader:
    """One streaming pass over the export: `items()` yields each item as soon as it is read."""

    def __init__(self, path: Path, categories: dict[str, str]):
        self.path = path
        self.target = _Target(categories)

    @property
    def channel(self) -> dict[str, str]:
        if not self.target.version:
            return {}
        return self.target.channel

    @property
    def authors(self) -> dict[str, str]:
        return self.target.authors

    @property
    def categories(self) -> dict[str, str]:
        return self.target.categories

    def items(self) -> Iterator[Item]:
        path = self.path
        parser = ElementTree.XMLParser(target=self.target)
        try:
            with open(path, "rb") as export:
                utf16 = export.peek(2)[:2] in UTF16_MARKS  # UTF-16: the bytes below 32 are half of characters
                while chunk := export.read(CHUNK):
                    parser.feed(chunk if utf16 else chunk.translate(FORBIDDEN_BYTES))
                    yield from self._handed_on()
                parser.close()
        except _DoctypeFound:
            raise WxrError(f"berkas {path} berisi deklarasi <!DOCTYPE> (tempat entitas XML didefinisikan); ekspor "
                           "WordPress tidak pernah memilikinya, jadi berkas ini tidak dibaca. Ekspor ulang dari "
                           "WordPress: Alat → Ekspor.") from None
        except _NotWxr:
            raise not_wxr(path) from None
        except (OSError, ElementTree.ParseError) as error:
            raise WxrError(f"berkas {path} tidak bisa dibaca sebagai XML ({error}). "
                           "Ekspor ulang dari WordPress: Alat → Ekspor.") from error
        yield from self._handed_on()

    def _handed_on(self) -> Iterator[Item]:
        done, self.target.done = self.target.done, []
        yield from done
