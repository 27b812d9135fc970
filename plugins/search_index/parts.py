"""The search index in parts: one Pagefind bundle per year of articles, one for every other page.

An article lives at YYYY/MM/slug/, so the first folder of a page's path
names its part: "2026" for 2026/03/slug/index.html, OTHER_PART ("lain")
for tentang-kami/index.html. Each part is indexed by its own Pagefind
process (memory is one part's, not the whole archive's) and written to
pagefind/PART/; the search page merges them in the browser, newest year
first. A new article changes one part only, so an incremental build
re-indexes that part (its signature changed) and keeps the others.
"""

import hashlib
import json
import re
from html.parser import HTMLParser

OTHER_PART = "lain"
YEAR = re.compile(r"[0-9]{4}")
BODY_MARK = b"data-pagefind-body"
PARTS_ATTRIBUTE = "data-search-parts"  # on the search page's #pencarian: the parts, space-separated, in order

# A start tag with its attributes as HTML spells them (names, optional quoted or bare values).
_ATTRIBUTE = rb"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
_START_TAG = re.compile(rb"<[A-Za-z][^\s/>]*((?:" + _ATTRIBUTE + rb")*)\s*/?>")
_ATTRIBUTE_NAME = re.compile(_ATTRIBUTE)


def part_of(path: str) -> str:
    """The part of the page at `path` ('/'-separated, below the output): its year folder, or OTHER_PART."""
    first, separator, _ = path.partition("/")
    return first if separator and YEAR.fullmatch(first) else OTHER_PART


def in_order(parts) -> list[str]:
    """Each part once: years newest first, then OTHER_PART."""
    unique = set(parts)
    years = sorted((part for part in unique if part != OTHER_PART), reverse=True)
    return years + ([OTHER_PART] if OTHER_PART in unique else [])


def parts_of(paths) -> list[str]:
    """The parts the pages at `paths` fill, in order (see in_order)."""
    return in_order(part_of(path) for path in paths)


def marks_body(html: bytes) -> bool:
    """Whether a start tag of the page carries data-pagefind-body, the mark of a page to index.

    Only such pages go to Pagefind: a part with none of them would make
    Pagefind index every page of the part whole. The words in text or in an
    attribute's value do not count."""
    at = html.find(BODY_MARK)
    while at != -1:
        tag = _enclosing_tag(html, at)
        if tag and BODY_MARK in {match.group(1).lower() for match in _ATTRIBUTE_NAME.finditer(tag.group(1))}:
            return True
        at = html.find(BODY_MARK, at + 1)
    return False


def _enclosing_tag(html: bytes, at: int):
    """The start tag that `at` lies in, if any: the earliest of those that span it (a "<" inside a quoted
    value starts no tag), looking back until a whole tag ends before `at`."""
    enclosing = None
    start = html.rfind(b"<", 0, at)
    while start != -1:
        tag = _START_TAG.match(html, start)
        if tag and tag.end() <= at:
            break
        if tag:
            enclosing = tag
        start = html.rfind(b"<", 0, start)
    return enclosing


def grouped(pages: dict[str, str]) -> dict[str, dict[str, str]]:
    """Pages (path -> digest of their HTML) by part, parts in order, pages in path order within each."""
    groups: dict[str, dict[str, str]] = {part: {} for part in parts_of(pages)}
    for path in sorted(pages):
        groups[part_of(path)][path] = pages[path]
    return groups


def part_signature(part: str, pages: dict[str, str], indexer: str) -> str:
    """SHA-256 of the part's name, the indexer that makes it (Pagefind's version and this plugin's code) and its
    pages (path and SHA-256 of the HTML, in path order): equal signatures, equal index."""
    payload = json.dumps([part, indexer, sorted(pages.items())], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class _ListedParts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value or "" for name, value in attrs if name == PARTS_ATTRIBUTE]


def listed_parts(html: str) -> list[str] | None:
    """The parts the search page lists (PARTS_ATTRIBUTE), or None when it lists none or more than one list."""
    reader = _ListedParts()
    reader.feed(html)
    reader.close()
    return reader.found[0].split() if len(reader.found) == 1 else None


def disagreement(listed: list[str], built: list[str], page: str) -> str | None:
    """What is wrong when the search page lists other parts than the site's pages fill (Indonesian), else None."""
    if listed == built:
        return None
    only_listed = [part for part in listed if part not in built]
    only_built = [part for part in built if part not in listed]
    details = []
    if only_listed:
        details.append(f"tercantum di halaman pencarian tetapi tanpa halaman berita: {', '.join(only_listed)}")
    if only_built:
        details.append(f"ada halaman yang diindeks tetapi tidak tercantum di halaman pencarian: {', '.join(only_built)}")
    if not details:
        details.append("urutannya berbeda")
    return (
        f"daftar bagian indeks di halaman pencarian ({page}: {' '.join(listed) or 'kosong'}) tidak sama dengan "
        f"bagian yang dibentuk halaman situs ({' '.join(built) or 'kosong'}); {'; '.join(details)}. "
        "Halaman yang ditandai data-pagefind-body harus sama dengan artikel dan halaman yang diterbitkan "
        "(periksa templat di theme/templates)."
    )
