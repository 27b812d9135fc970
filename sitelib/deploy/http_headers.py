"""The HTTP headers each published file is stored with: Content-Type (with charset for text) and Cache-Control.

Cache-Control follows what may change at an address:
- never (`immutable`, a year): files whose name carries a hash of their content: the theme's assets
  (main.2b2736f8c4.css), photo variants (images/varian/…-21e1407352-1200.avif), share cards
  (kartu/slug-5d391e0e1ba9.jpg) and Pagefind's index chunks (*.pf_fragment, …);
- seldom (a week, revalidated after): documents, videos, audio and their old WordPress addresses,
  whose names stay when an office replaces the file;
- often (5 minutes): pages, feeds, sitemaps, robots.txt, the web editor and Pagefind's entry files.
"""

import posixpath
import re
from dataclasses import dataclass

from sitelib.file_kinds import FILE_KINDS
from sitelib.site_folders import (
    BUILD_RECORDS, DOCUMENT_FOLDER, MEDIA_FOLDER, OLD_UPLOAD_ADDRESS, PHOTO_VARIANT_FOLDER, SHARE_CARD_FOLDER,
)

IMMUTABLE = "public, max-age=31536000, immutable"
LONG = "public, max-age=604800"
SHORT = "public, max-age=300"

TEXT_TYPES = {
    ".html": "text/html", ".xml": "application/xml", ".json": "application/json", ".css": "text/css",
    ".js": "text/javascript", ".mjs": "text/javascript", ".txt": "text/plain", ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json", ".xsl": "application/xml",
}
BINARY_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp", ".avif": "image/avif",
    ".gif": "image/gif", ".ico": "image/x-icon", ".woff2": "font/woff2", ".wasm": "application/wasm",
    ".heic": "image/heic", ".heif": "image/heif",
    **{suffix: kind.media_type for suffix, kind in FILE_KINDS.items()},
}
# Feeds are XML but read by feed readers as their own types.
FEED_TYPES = {"atom.xml": "application/atom+xml", "rss.xml": "application/rss+xml"}
DEFAULT_TYPE = "application/octet-stream"  # Pagefind's .pf_* chunks and wasm.*.pagefind, read by its own script

# A name ending in a content hash: "main.2b2736f8c4.css", "foto-21e1407352-1200.avif", "kartu/x-5d391e0e1ba9.jpg".
FINGERPRINTED = re.compile(r"[.-][0-9a-f]{10,12}(?:-\d+)?\.[a-z0-9]+$")
PAGEFIND_CHUNKS = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")
# Copies the precompression plugin makes for servers that serve them; object storage and its CDN compress.
PRECOMPRESSED = (".gz", ".br")
# Files at old WordPress upload addresses are copies of documents and photos (old_addresses).
OLD_UPLOAD = re.compile(OLD_UPLOAD_ADDRESS)


@dataclass(frozen=True)
class Headers:
    content_type: str
    cache_control: str


def content_type(path: str) -> str:
    name = posixpath.basename(path)
    if name in FEED_TYPES:
        return f"{FEED_TYPES[name]}; charset=utf-8"
    suffix = posixpath.splitext(name)[1].lower()
    if suffix in TEXT_TYPES:
        return f"{TEXT_TYPES[suffix]}; charset=utf-8"
    return BINARY_TYPES.get(suffix, DEFAULT_TYPE)


def cache_control(path: str) -> str:
    top = path.split("/", 1)[0]
    name = posixpath.basename(path)
    if name.endswith(PAGEFIND_CHUNKS):
        return IMMUTABLE
    if path.startswith((f"{PHOTO_VARIANT_FOLDER}/", f"{SHARE_CARD_FOLDER}/", "theme/")) and FINGERPRINTED.search(name):
        return IMMUTABLE
    if top in (DOCUMENT_FOLDER, MEDIA_FOLDER) or OLD_UPLOAD.fullmatch("/" + path):
        return LONG
    return SHORT


def headers_for(path: str) -> Headers:
    """The headers of the file at `path` (below the output folder, '/'-separated)."""
    return Headers(content_type(path), cache_control(path))


def is_published(path: str) -> bool:
    """Whether a file of the output goes to object storage: not the .gz/.br copies, not the build's records."""
    return not path.endswith(PRECOMPRESSED) and path not in BUILD_RECORDS
