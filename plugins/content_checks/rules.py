"""The editorial rules: what is wrong with a content file, and how to fix it.

Pure functions over parsed sources and rendered HTML; `invoke check` and
the build both call them.
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.readers import ensure_metadata_list
from pelican.utils import get_date, slugify

from office_tags import tagging
from office_tags.registry import Registry
from old_addresses.redirects import old_path_problem
from photos.problems import photo_problems
from photos.standard import Standard, standard_for
from sitelib.errors import ERROR, WARNING, Finding
from sitelib.links import MISSING, OUTSIDE, STATIC_PLACEHOLDERS, link_problem, linked_file
from sitelib.metadata import line_break_characters
from sitelib.output import NAME_LIMIT_BYTES, too_long_names
from sitelib.slugs import SLUG_PATTERN, slug_settings, title_slug

from .addresses import Claim, article_save_as, clash_messages, page_save_as, redirect_claim, reserved_folders, reserved_problem
from .fields import known_fields
from .source import SourceFile

TITLE_LIMIT = 110  # search results cut longer titles
TITLE_MAX = 300  # longer is a paste gone wrong (and costs the share card minutes to draw)
SUMMARY_LIMIT = 200  # share cards and search snippets cut longer summaries
# Text `invoke new` pre-fills; a published article must not keep it.
NEW_ARTICLE_PLACEHOLDERS = {
    "author": "kode-penulis/kode-editor",
    "summary": "Tulis ringkasan berita",
    "body": "NAMA KOTA –",
}
# A real tag: "<b>", "</b>", "<br/>", "<!-- … -->". A "<" or ">" on its own is text.
HTML_TAG = re.compile(r"<(/?[a-zA-Z][^<>]*|!--.*?--)>")
SLUG = re.compile(SLUG_PATTERN)  # the web editor's Slug field checks the same (sitelib/slugs.py)
SLUG_HINT = "Pakai huruf kecil, angka dan tanda minus, misalnya rakor-seksi-phu."
# Dates the site can show, sort and put in feeds and sitemaps.
FIRST_YEAR, LAST_YEAR = 1000, 9998
# Fields whose values Pelican turns into addresses of their own (URLWrapper slugs).
NAMED_PAGES = {"Category": "kategori", "Tags": "tag", "Author": "penulis"}
NAME_HINT = "Pakai huruf atau angka, misalnya: Haji dan Umrah."


def slug_problem(slug: str) -> str:
    """Why a slug cannot be part of an address ('tidak sah', 'terlalu panjang …'), or ''."""
    if not slug:
        return "kosong (tidak ada huruf atau angka)"
    if not SLUG.fullmatch(slug):
        return "tidak sah (hanya huruf kecil, angka dan tanda minus)"
    if too_long_names(slug):
        return f"terlalu panjang ({len(slug)} karakter; paling banyak {NAME_LIMIT_BYTES})"
    return ""


def name_problem(name: str, field_name: str, what: str, settings) -> str:
    """Why a category, tag or credit cannot become an address part, or ''."""
    slug = name_slug(name, field_name, settings)
    if not slug:
        return f"'{name}' tidak bisa menjadi alamat {what} (slug): tidak ada huruf atau angka."
    if too_long_names(slug):
        return f"'{name[:40]}…' terlalu panjang untuk alamat {what} (paling banyak {NAME_LIMIT_BYTES} karakter)."
    return ""


@dataclass(frozen=True)
class Checking:
    """What the rules need besides the file itself."""

    settings: dict
    registry: Registry
    content_root: Path
    # Where complete photo decodes are remembered (`invoke check`); None in the
    # build, which decodes every photo anyway when it makes the variants.
    photo_cache: Path | None = None
    # Every file the rules looked at for the file being checked (its photos, documents, linked articles):
    # `invoke check` remembers a file's findings with their state (result_cache.py).
    consulted: list = field(default_factory=list, compare=False)

    def locate(self, reference: str, source_dir: Path) -> Path:
        """The file a `{static}`/`{filename}` reference names (sitelib.links.linked_file), noted as consulted."""
        path = linked_file(reference, source_dir, self.content_root)
        self.consulted.append(path)
        return path

    @property
    def timezone(self) -> str:
        return self.settings["TIMEZONE"]

    @property
    def photo_standard(self) -> Standard:
        return standard_for(self.settings)


def is_draft(source: SourceFile) -> bool:
    return source.value("status").lower() == "draft"


PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _plain_date(value: str) -> datetime | None:
    if not PLAIN_DATE.fullmatch(value):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        return None  # 2024-13-45 25:00: Pelican's reader words the refusal


@lru_cache(maxsize=65536)
def parse_date(value: str, timezone: str) -> datetime:
    """The date as Pelican reads it; without a zone it is WIB (the TIMEZONE setting). Remembered:
    the checks read each article's date several times. The form editors and tools write (2024-05-01 09:30)
    is read directly, as dateutil (Pelican's reader) reads it, ten times faster."""
    moment = _plain_date(value) or get_date(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


def publishable_date(moment: datetime, timezone: str) -> bool:
    """Whether the date can be shown and sorted: in UTC and in WIB it stays within FIRST_YEAR–LAST_YEAR
    (year 1 or 9999 with a far time zone overflows when converted)."""
    try:
        return all(FIRST_YEAR <= each.year <= LAST_YEAR for each in (
            moment.astimezone(ZoneInfo("UTC")), moment.astimezone(ZoneInfo(timezone))))
    except (OverflowError, ValueError):
        return False


def _finding(source: SourceFile, field_name: str, message: str, **extra) -> Finding:
    entry = source.meta.get(field_name.lower())
    return Finding(source.path, field_name, message, line=extra.pop("line", entry.line if entry else None), **extra)


def header_findings(source: SourceFile) -> list[Finding]:
    """A key written twice, and invisible line breaks inside a value (the check and other programs
    could otherwise read different values)."""
    findings = []
    for entry in source.repeated:
        first = source.meta[entry.name.lower()]
        findings.append(Finding(
            source.path, entry.name, f"kolom ini ditulis lagi (sudah ada di baris {first.line}).", entry.line,
            hint="Hapus salah satu baris: setiap kolom hanya boleh ditulis sekali.",
        ))
    for entry in list(source.meta.values()) + list(source.repeated):
        characters = line_break_characters(entry.value)
        if characters:
            findings.append(Finding(
                source.path, entry.name,
                f"nilainya berisi karakter tak terlihat pemisah baris atau kendali ({', '.join(characters)}).",
                entry.line, hint="Hapus baris ini lalu ketik ulang nilainya di satu baris.",
            ))
    return findings


def field_findings(source: SourceFile, kind: str) -> list[Finding]:
    """Unknown fields, missing required fields, values of the wrong form."""
    fields = known_fields()
    findings = []
    draft = is_draft(source)
    for key, entry in source.meta.items():
        if key not in fields:
            close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
            hint = f"Mungkin maksud Anda '{fields[close[0]].name}'?" if close else (
                f"Kolom yang dikenal: {', '.join(f.name for f in fields.values())}."
            )
            findings.append(Finding(source.path, entry.name, f"kolom '{entry.name}' tidak dikenal.", entry.line, hint=hint))
    for key, spec in fields.items():
        if kind in spec.required and not source.value(key):
            missing_title = key == "title"
            findings.append(_finding(
                source, spec.name, "wajib diisi." if key in source.meta else "tidak ada; kolom ini wajib.",
                severity=WARNING if draft and not missing_title else ERROR, hint=spec.hint,
            ))
        value = source.value(key)
        if value and spec.values and value.lower() not in spec.values:
            findings.append(_finding(source, spec.name, f"nilai '{value}' tidak dikenal.", hint=spec.hint))
    return findings


def text_findings(source: SourceFile) -> list[Finding]:
    """Title and summary: plain text (no HTML tags), lengths that suit search and share cards."""
    findings = []
    title, summary = source.value("title"), source.value("summary")
    for name, value, what in (("Title", title, "judul"), ("Summary", summary, "ringkasan")):
        if HTML_TAG.search(value):
            findings.append(_finding(
                source, name, f"{what} tidak boleh berisi tag HTML (misalnya <script> atau <b>).",
                hint=f"Tulis {what} sebagai teks biasa: tanda <, > dan & boleh dipakai dan tampil apa adanya.",
            ))
    if len(title) > TITLE_MAX:
        findings.append(_finding(
            source, "Title", f"judul {len(title)} karakter; paling banyak {TITLE_MAX}.",
            hint="Tulis judul berita yang ringkas; isi selengkapnya masuk ke badan berita.",
        ))
    elif len(title) > TITLE_LIMIT:
        findings.append(_finding(
            source, "Title", f"judul {len(title)} karakter; di atas {TITLE_LIMIT} karakter terpotong di mesin pencari.",
            severity=WARNING, hint="Pertimbangkan judul yang lebih ringkas.",
        ))
    if len(summary) > SUMMARY_LIMIT:
        findings.append(_finding(
            source, "Summary", f"ringkasan {len(summary)} karakter; di atas {SUMMARY_LIMIT} karakter terpotong di kartu berbagi.",
            severity=WARNING, hint="Ringkas menjadi satu atau dua kalimat.",
        ))
    if not is_draft(source):
        for key, marker in NEW_ARTICLE_PLACEHOLDERS.items():
            text = source.body if key == "body" else source.value(key)
            if marker in text:
                findings.append(_finding(
                    source, "" if key == "body" else key.title(), f"masih berisi teks contoh '{marker}'.",
                    line=source.line_of(marker), hint="Ganti dengan isi yang sebenarnya, atau tandai Status: draft.",
                ))
    return findings


@lru_cache(maxsize=65536)
def _slug(name: str, regex_subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return slugify(name, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


def name_slug(name: str, field_name: str, settings) -> str:
    """The address part Pelican makes of a category, tag or author name (as its URLWrapper does).
    Remembered: thousands of articles share a handful of categories and tags."""
    wrapper = {"Category": "CATEGORY", "Tags": "TAG", "Author": "AUTHOR"}[field_name]
    return _slug(name, **slug_settings(settings, f"{wrapper}_REGEX_SUBSTITUTIONS"))


def address_part_findings(source: SourceFile, settings) -> list[Finding]:
    """Values that become part of an address: Slug, Category, Tags, Author, Old_path."""
    findings = []
    slug = source.value("slug")
    derived = item_slug(source, settings)
    if slug and slug_problem(slug):
        findings.append(_finding(source, "Slug", f"slug '{slug}' {slug_problem(slug)}.", hint=SLUG_HINT))
    elif not slug and source.value("title") and slug_problem(derived):
        findings.append(_finding(source, "Title", f"judul tidak menghasilkan alamat (slug) yang bisa dipakai: {slug_problem(derived)}.",
                                 hint="Isi kolom Slug, misalnya Slug: rakor-seksi-phu."))
    for field_name, what in NAMED_PAGES.items():
        value = source.value(field_name)
        names = ensure_metadata_list(value) if field_name == "Tags" else [value] if value else []
        for name in names:
            problem = name_problem(name, field_name, what, settings)
            if problem:
                findings.append(_finding(source, field_name, problem, hint=NAME_HINT))
    old_path = source.value("old_path")
    if old_path and old_path_problem(old_path):
        findings.append(_finding(source, "Old_path", f"alamat lama '{old_path}' {old_path_problem(old_path)}.",
                                 hint="Perbaiki alamatnya, atau hapus baris Old_path bila tidak perlu pengalihan."))
    return findings


def date_findings(source: SourceFile, timezone: str) -> list[Finding]:
    findings = []
    for name in ("Date", "Modified"):
        value = source.value(name)
        if not value:
            continue
        try:
            moment = parse_date(value, timezone)
        except (ValueError, OverflowError):
            findings.append(_finding(
                source, name, f"tanggal '{value}' tidak bisa dibaca.",
                hint="Tulis tahun-bulan-tanggal jam:menit (WIB), misalnya 2022-08-23 15:00.",
            ))
            continue
        if not publishable_date(moment, timezone):
            findings.append(_finding(
                source, name, f"tanggal '{value}' di luar rentang tahun {FIRST_YEAR}–{LAST_YEAR}.",
                hint="Periksa tahunnya, misalnya 2022-08-23 15:00.",
            ))
    return findings


def office_findings(source: SourceFile, registry) -> list[Finding]:
    metadata = {key: entry.value for key, entry in source.meta.items()}
    _, findings = tagging.resolve_offices(metadata, registry, source.path)
    return [_finding(source, f.field, f.message, hint=f.hint) for f in findings]


def link_file_problem(problem: str, reference: str, what: str) -> tuple[str, str]:
    """(message, hint) for a placeholder link to a file we cannot use."""
    if problem == OUTSIDE:
        return f"{what} '{reference}' menuju berkas di luar folder content.", "Simpan berkasnya di content/ dan tautkan dari sana."
    if problem == MISSING:
        return f"{what} '{reference}' tidak ditemukan.", "Periksa nama berkas di content/images/ (huruf besar/kecil berpengaruh)."
    return f"{what} '{reference}' menuju tautan simbolik (symlink).", "Simpan fotonya sebagai berkas biasa di content/images/."


def photo_findings(reference: str, checking: Checking, source_dir: Path, what: str = "foto") -> list[tuple[str, str, str]]:
    """(severity, message, hint) for a `{static}` photo reference."""
    path = checking.locate(reference, source_dir)
    problem = link_problem(path, checking.content_root)
    if problem:
        return [(ERROR, *link_file_problem(problem, reference, what))]
    return [(p.severity, p.message, p.hint) for p in photo_problems(path, checking.photo_standard, checking.photo_cache)]


def image_findings(source: SourceFile, checking: Checking, source_dir: Path) -> list[Finding]:
    """The featured photo must exist and have a text alternative."""
    image = source.value("image")
    if not image:
        return []
    findings = []
    if not image.startswith(STATIC_PLACEHOLDERS):
        findings.append(_finding(source, "Image", f"foto '{image}' ditulis tanpa {{static}}.", hint="Tulis {static}/images/nama-berkas.jpg."))
    else:
        for severity, message, hint in photo_findings(image, checking, source_dir):
            findings.append(_finding(source, "Image", message, severity=severity, hint=hint))
    if not source.value("image_alt"):
        findings.append(_finding(source, "Image_alt", "foto utama butuh teks alternatif.", line=source.meta["image"].line,
                                 hint="Tulis apa yang tampak di foto, misalnya: Image_alt: Calon jemaah berlatih tawaf."))
    return findings


def metadata_findings(source: SourceFile, kind: str, checking: Checking, source_dir: Path | None = None) -> list[Finding]:
    """Everything the metadata block can tell, before any Markdown is rendered."""
    findings = header_findings(source) + field_findings(source, kind) + text_findings(source)
    findings += address_part_findings(source, checking.settings) + date_findings(source, checking.timezone)
    findings += image_findings(source, checking, source_dir or checking.content_root)
    if kind == "article":
        findings += office_findings(source, checking.registry)
    return findings


def item_slug(source: SourceFile, settings) -> str:
    return source.value("slug") or title_slug(source.value("title"), settings)


def content_url(source: SourceFile, kind: str, settings, now: datetime) -> str | None:
    """The URL Pelican will give this item in this build (drafts and scheduled articles at their draft URL)."""
    slug = item_slug(source, settings)
    if kind == "page":
        return settings["PAGE_URL"].format(slug=slug)
    try:
        date = parse_date(source.value("date"), settings["TIMEZONE"])
    except (ValueError, OverflowError):
        return None
    future = date > now and not settings.get("WITH_FUTURE_DATES", True)
    pattern = settings["DRAFT_URL"] if is_draft(source) or future else settings["ARTICLE_URL"]
    return pattern.format(slug=slug, date=date) if pattern else None  # no pattern: not published


def claims(source: SourceFile, kind: str, settings, now: datetime) -> list[Claim]:
    """The files this item will write: its page at its published address (drafts and scheduled
    articles too: they take it when they go out), its draft page in this build, and its redirect."""
    slug = item_slug(source, settings)
    if slug_problem(slug):
        return []  # an unusable slug is address_part_findings' finding
    line = (source.meta.get("slug") or source.meta.get("title") or next(iter(source.meta.values()), None))
    line = line.line if line else None
    if kind == "page":
        own = [Claim(page_save_as(settings, slug), source.path, "Slug", line, settings["PAGE_URL"].format(slug=slug))]
    else:
        try:
            date = parse_date(source.value("date"), settings["TIMEZONE"])
        except (ValueError, OverflowError):
            return []  # date_findings' finding
        own = [Claim(article_save_as(settings, slug, date), source.path, "Slug", line, settings["ARTICLE_URL"].format(slug=slug, date=date))]
        held_back = is_draft(source) or (date > now and not settings.get("WITH_FUTURE_DATES", True))
        if held_back and settings.get("DRAFT_SAVE_AS"):
            own.append(Claim(settings["DRAFT_SAVE_AS"].format(slug=slug, date=date), source.path, "Slug", line,
                             settings["DRAFT_URL"].format(slug=slug, date=date), draft=True))
    old_path = source.value("old_path")
    if old_path and not old_path_problem(old_path):
        redirect = redirect_claim(old_path, source.path, source.meta["old_path"].line)
        if redirect.save_as not in {claim.save_as for claim in own}:  # the old address is the address now
            own.append(redirect)
    return own


@dataclass(frozen=True)
class TimedClaims:
    """An item's claims before its date and from its date on (only a scheduled article's differ), so they can be
    remembered without the clock and told for any moment."""

    date: datetime | None
    before: list[Claim]
    after: list[Claim]

    def at(self, now: datetime) -> list[Claim]:
        return self.before if self.date is not None and self.date > now else self.after


# A moment no item's date comes before (claims that do not depend on the clock are told at it).
DAWN = datetime(1, 1, 2, tzinfo=timezone.utc)


def timed_claims(source: SourceFile, kind: str, settings) -> TimedClaims:
    """`claims` of the item for every moment."""
    date = None
    if kind != "page":
        try:
            date = parse_date(source.value("date"), settings["TIMEZONE"])
        except (ValueError, OverflowError, TypeError):
            date = None
    if date is not None:
        try:
            return TimedClaims(date, claims(source, kind, settings, date - timedelta(microseconds=1)),
                               claims(source, kind, settings, date))
        except OverflowError:  # the first moment there is: nothing comes before it
            pass
    always = claims(source, kind, settings, DAWN)
    return TimedClaims(None, always, always)


def address_findings(all_claims: list[Claim], settings) -> list[Finding]:
    """Addresses that take a page of the site's own, or that two claims want."""
    findings = []
    folders = reserved_folders(settings)
    for claim in all_claims:
        problem = "" if claim.draft else reserved_problem(claim.save_as, settings, folders)
        if problem:
            what = f"alamat lama {claim.shown}" if claim.field == "Old_path" else f"alamat /{claim.shown}"
            hint = "Hapus baris Old_path atau perbaiki alamatnya." if claim.field == "Old_path" else "Pilih Slug lain."
            findings.append(Finding(claim.path, claim.field, f"{what} memakai {problem}.", claim.line, hint=hint))
    for claim, message, hint in clash_messages(all_claims):
        findings.append(Finding(claim.path, claim.field, message, claim.line, hint=hint))
    return findings
