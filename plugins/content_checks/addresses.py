"""The addresses content takes, and those it may not: the site's own pages, other items, old addresses.

Every article and page has an address; an imported item may also keep its
old WordPress address (`Old_path`), where the build writes a redirect. Both
must stay clear of the pages the site generates itself (category, tag,
office and archive pages, feeds, search, the web editor, assets) and of
each other — including articles scheduled for later, whose address is
taken the hour they go out. `invoke check` and the build both use these
functions, so a clash stops the check before it can break a build.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from old_addresses.redirects import save_as as redirect_save_as
from sitelib.site_folders import PLUGIN_FILES, PLUGIN_FOLDERS

# Files at the top of the site that no content may replace.
SITE_FILES = ("index.html", "404.html", "robots.txt", "sitemap.xml", *PLUGIN_FILES)
# Settings whose first path segment is a folder of the site's own pages.
FOLDER_SETTINGS = (
    "CATEGORY_SAVE_AS", "CATEGORIES_SAVE_AS", "TAG_SAVE_AS", "TAGS_SAVE_AS", "ARCHIVES_SAVE_AS",
    "DRAFT_SAVE_AS", "SEARCH_SAVE_AS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "THEME_STATIC_DIR",
)
# Month archives (/2024/05/) and their later pages.
MONTH_ARCHIVE = re.compile(r"\d{4}/\d{2}/(?:halaman/\d+/)?index\.html")


def _first_segment(pattern: str) -> str:
    first = pattern.strip("/").split("/", 1)[0]
    return "" if "{" in first or "." in first else first


def reserved_folders(settings) -> set[str]:
    """Top-level folders the site's own pages live in ("kategori", "kantor", "admin", …)."""
    folders = {_first_segment(str(settings.get(name) or "")) for name in FOLDER_SETTINGS}
    folders |= {_first_segment(path) for path in PLUGIN_FOLDERS}
    for _, url, _ in settings.get("PAGINATION_PATTERNS", ()):  # "{base_name}/halaman/{number}/" on the home page
        folders.add(_first_segment(url.replace("{base_name}/", "")))
    return folders - {""}


def reserved_problem(save_as: str, settings, folders: set[str] | None = None) -> str:
    """Why a file at `save_as` (below the output) would take a page of the site's own, or ''.
    `folders`: reserved_folders(settings), when the caller asks about many files."""
    folder = save_as.split("/", 1)[0]
    if save_as in SITE_FILES or folder in SITE_FILES:
        return f"berkas /{folder} milik situs ini"
    if folder in (folders if folders is not None else reserved_folders(settings)) and "/" in save_as:
        return f"folder /{folder}/ milik halaman situs ini"
    if MONTH_ARCHIVE.fullmatch(save_as):
        return "alamat arsip bulanan situs ini"
    return ""


def article_save_as(settings, slug: str, date: datetime) -> str:
    """Where a published article is written, whatever its status now (drafts and scheduled ones
    will be published there)."""
    return settings["ARTICLE_SAVE_AS"].format(slug=slug, date=date)


def page_save_as(settings, slug: str) -> str:
    return settings["PAGE_SAVE_AS"].format(slug=slug)


@dataclass(frozen=True)
class Claim:
    """A file below the output that one content item will write: its own page or a redirect."""

    save_as: str
    path: str  # the content file
    field: str  # "Slug" for the item's page, "Old_path" for its redirect
    line: int | None
    shown: str  # the address as the editor wrote or sees it
    draft: bool = False  # the item's draft page, in the drafts folder by design


def _folders(save_as: str) -> list[str]:
    """The folders a file needs: 'a/b/index.html' -> ['a', 'a/b']."""
    parts = save_as.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


def clash_messages(claims: list[Claim]) -> list[tuple[Claim, str, str]]:
    """(claim, message, hint) for every claim on a file an earlier claim already has, or on a
    name one needs as a file and another as a folder ('/404.html/' against the 404 page).

    Items' own pages come before redirects, so a redirect is the one reported
    when it takes an item's address.
    """
    ordered = sorted(claims, key=lambda claim: claim.field == "Old_path")
    owners: dict[str, Claim] = {}
    folder_owners: dict[str, Claim] = {}
    clashes = []
    for claim in ordered:
        owner = owners.get(claim.save_as) or folder_owners.get(claim.save_as)
        owner = owner or next((owners[folder] for folder in _folders(claim.save_as) if folder in owners), None)
        if owner is None:
            owners[claim.save_as] = claim
            for folder in _folders(claim.save_as):
                folder_owners.setdefault(folder, claim)
            continue
        if claim.field == "Old_path":
            message = f"alamat lama {claim.shown} sudah dipakai halaman lain situs ini."
            hint = f"Alamat itu milik {owner.path}. Hapus baris Old_path atau perbaiki alamatnya."
        else:
            message = f"alamat /{claim.shown} sudah dipakai oleh {owner.path}."
            hint = "Beri salah satu berita Slug lain."
        clashes.append((claim, message, hint))
    return clashes


def redirect_claim(old_path: str, path: str, line: int | None) -> Claim:
    return Claim(redirect_save_as(old_path), path, "Old_path", line, old_path)
