"""Our metadata for a WordPress post: credit, summary, category and tags, status, slug, old address, dates.

The export is untrusted (issue #16): dates are checked to be real dates in
WordPress's form before anything is built from them, slugs are reduced to our
form, and an old address that cannot be a redirect is refused with the reason.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit


from content_checks.rules import HTML_TAG
from old_addresses.redirects import old_path_problem
from sitelib.errors import SiteConfigError
from sitelib.file_kinds import without_media_label
from sitelib.registry_file import Key, checked_entry, read_toml
from sitelib.slugs import title_slug
from sitelib.text import plain_text

from .single_line import has_control_characters, one_line

# The credit editors end a text with: "(Hari/rf)", "(Hari/rf).", "ps-ws".
CREDIT_IN_PARENTHESES = re.compile(r"\(\s*([A-Za-z][\w.]{0,15}(?:\s?[/-]\s?[A-Za-z][\w.]{0,15})+)\s*\)\s*\.?\s*$")
BARE_CREDIT = re.compile(r"(?:^|\s)([a-z]{1,3}(?:[/-][a-z]{1,3})+)\s*\.?\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"])")
# "Kab.", "Kec.", "Prov.", "H.", "Drs." end abbreviations, not sentences.
ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+|dll|dsb|dkk)\.$")
# Statuses WordPress exports, and what becomes of them.
DRAFT_STATUSES = {"draft", "pending", "private"}
PUBLISHED_STATUSES = {"publish", "future"}
# WordPress's dates: local time of the site, as MySQL writes a DATETIME.
WORDPRESS_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
EMPTY_DATE = "0000-00-00 00:00:00"  # WordPress's "no date" (drafts' post_date_gmt)
FIRST_YEAR = 1000  # MySQL's DATETIME starts at 1000-01-01
ONLY_ADDRESS = re.compile(r"\S+://\S+")  # a "sentence" that is only an address (a video alone on its line)


def credit(text: str) -> str:
    """The credit at the end of a post's text, or ''."""
    text = text.strip()
    for pattern in (CREDIT_IN_PARENTHESES, BARE_CREDIT):
        found = pattern.search(text)
        if found:
            return re.sub(r"\s", "", found.group(1))
    return ""


def summary(excerpt_html: str, body_text: str, limit: int = 200) -> str:
    """The excerpt as plain text, or the first sentence of the text; never text that reads as an HTML
    tag (a code block's "<div>"), which `invoke check` refuses in a summary, nor a bare address or a video's
    link text (a post that is only a video): then the next candidate, or ''."""
    for text in (one_line(plain_text(excerpt_html)), first_sentence(" ".join(body_text.split()))):
        if text and not HTML_TAG.search(text) and not ONLY_ADDRESS.fullmatch(text) and without_media_label(text) == text:
            return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return ""


def first_sentence(text: str) -> str:
    for end in SENTENCE_END.finditer(text):
        if not ABBREVIATION.search(text[: end.start()]):
            return text[: end.start()]
    return text


def plain_title(title: str) -> str:
    """Entities decoded, any tag dropped (sitelib.text.plain_text), one line: our titles are plain text."""
    return one_line(plain_text(title))


def our_slug(wordpress_slug: str, title: str, settings, post_id: str = "") -> str:
    """The post's slug percent-decoded, in our slug form (lowercase ASCII letters, digits, '-').

    Like WordPress, a slug with nothing left comes from the title, then from the post's ID; '' when none gives one.
    """
    for candidate in (unquote(wordpress_slug or ""), title, post_id):
        slug = re.sub(r"[^a-z0-9]+", "-", title_slug(candidate, settings)).strip("-") if candidate else ""
        if slug:
            return slug
    return ""


def old_path(link: str, site_url: str) -> str:
    """The post's address below the old site, '/2021/06/15/slug/', or '' when it has none a static site can serve."""
    parts = urlsplit(link)
    if parts.query or not parts.path or parts.path == "/":
        return ""  # "/?p=123": only the old WordPress can answer that
    path = re.sub(r"/{2,}", "/", unquote(parts.path))  # "//2021/06/judul/": WordPress serves it as "/2021/06/judul/"
    base = urlsplit(site_url).path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base):]
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def old_path_refusal(path: str) -> str:
    """Why an old address cannot be written as Old_path (a control character, or the redirect pages' rules), or ''."""
    if has_control_characters(path):
        return "berisi karakter kendali atau pemisah baris"
    return old_path_problem(path)


def wordpress_date(value: str) -> datetime | None:
    """A WordPress date ('2021-06-15 14:00:00', the site's local time); None for an empty one.

    ValueError for anything else: another form, an impossible day or hour, a year before 1000.
    """
    value = value.strip()
    if not value or value == EMPTY_DATE:
        return None
    if not WORDPRESS_DATE.fullmatch(value):
        raise ValueError(f"not a WordPress date: {value!r}")
    moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    if moment.year < FIRST_YEAR:
        raise ValueError(f"year before {FIRST_YEAR}: {value!r}")
    return moment


@dataclass(frozen=True)
class CategoryMap:
    default: str
    mapping: dict[str, str]  # lowercase WordPress name or slug -> ours

    @classmethod
    def load(cls, path: Path, default: str) -> "CategoryMap":
        """The `[map]` of data/wordpress_categories.toml (checked as every registry is); posts without
        a category get `default` (the site's DEFAULT_CATEGORY)."""
        entry = checked_entry(read_toml(path), (Key("map", dict, required=False),), str(path))
        mapping = entry.get("map", {})
        for name, ours in mapping.items():
            if not isinstance(ours, str) or not ours.strip():
                raise SiteConfigError(f"{path}, [map]: kategori untuk '{name}' harus berupa teks yang terisi.")
        return cls(default, {name.lower(): ours.strip() for name, ours in mapping.items()})

    def choose(self, categories: list[tuple[str, str]]) -> tuple[str, list[str], list[str]]:
        """(our category, WordPress categories that become tags, unmapped names) for (slug, name) pairs."""
        if not categories:
            return self.default, [], []
        mapped = [(slug, name, self.mapping.get(name.lower()) or self.mapping.get(slug.lower())) for slug, name in categories]
        chosen = next((entry for entry in mapped if entry[2]), None)
        if chosen is None:
            first = mapped[0]
            return first[1], [name for _, name, _ in mapped[1:]], [first[1]]
        return chosen[2], [name for slug, name, ours in mapped if (slug, name, ours) != chosen], []
