"""The editorial rules: what is wrong with a content file, and how to fix it.

Pure functions over parsed sources and rendered HTML; `invoke check` and
the build both call them.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, SoupStrainer
from pelican.readers import ensure_metadata_list
from pelican.utils import get_date, slugify

from office_tags import tagging
from office_tags.registry import Registry
from old_addresses.redirects import old_path_problem
from photos.problems import photo_problems
from sitelib.content_files import is_content_file
from sitelib.errors import ERROR, WARNING, Finding
from sitelib.links import CONTENT_PLACEHOLDER, MISSING, OUTSIDE, STATIC_PLACEHOLDERS, link_problem, linked_file
from sitelib.metadata import line_break_characters

from .addresses import Claim, article_save_as, clash_messages, page_save_as, redirect_claim, reserved_folders, reserved_problem
from .fields import known_fields
from .source import SourceFile

TITLE_LIMIT = 110  # search results cut longer titles
SUMMARY_LIMIT = 200  # share cards and search snippets cut longer summaries
# Text `invoke new` pre-fills; a published article must not keep it.
NEW_ARTICLE_PLACEHOLDERS = {
    "author": "kode-penulis/kode-editor",
    "summary": "Tulis ringkasan berita",
    "body": "NAMA KOTA –",
}
# A real tag: "<b>", "</b>", "<br/>", "<!-- … -->". A "<" or ">" on its own is text.
HTML_TAG = re.compile(r"<(/?[a-zA-Z][^<>]*|!--.*?--)>")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
SLUG_HINT = "Pakai huruf kecil, angka dan tanda minus, misalnya rakor-seksi-phu."
# Fields whose values Pelican turns into addresses of their own (URLWrapper slugs).
NAMED_PAGES = {"Category": "kategori", "Tags": "tag", "Author": "penulis"}
NAME_HINT = "Pakai huruf atau angka, misalnya: Haji dan Umrah."


def name_without_slug(name: str, what: str) -> str:
    return f"'{name}' tidak bisa menjadi alamat {what} (slug): tidak ada huruf atau angka."


@dataclass(frozen=True)
class Checking:
    """What the rules need besides the file itself."""

    settings: dict
    registry: Registry
    content_root: Path
    # Where complete photo decodes are remembered (`invoke check`); None in the
    # build, which decodes every photo anyway when it makes the variants.
    photo_cache: Path | None = None

    @property
    def timezone(self) -> str:
        return self.settings["TIMEZONE"]


def is_draft(source: SourceFile) -> bool:
    return source.value("status").lower() == "draft"


@lru_cache(maxsize=65536)
def parse_date(value: str, timezone: str) -> datetime:
    """The date as Pelican reads it; without a zone it is WIB (the TIMEZONE setting). Remembered:
    the checks read each article's date several times."""
    moment = get_date(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


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
    if len(title) > TITLE_LIMIT:
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
def _slug(name: str, substitutions: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return slugify(name, regex_subs=substitutions, preserve_case=preserve_case, use_unicode=use_unicode)


def name_slug(name: str, field_name: str, settings) -> str:
    """The address part Pelican makes of a category, tag or author name (as its URLWrapper does).
    Remembered: thousands of articles share a handful of categories and tags."""
    wrapper = {"Category": "CATEGORY", "Tags": "TAG", "Author": "AUTHOR"}[field_name]
    substitutions = settings.get(f"{wrapper}_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return _slug(name, tuple(map(tuple, substitutions)), settings.get("SLUGIFY_PRESERVE_CASE", False),
                 settings.get("SLUGIFY_USE_UNICODE", False))


def address_part_findings(source: SourceFile, settings) -> list[Finding]:
    """Values that become part of an address: Slug, Category, Tags, Author, Old_path."""
    findings = []
    slug = source.value("slug")
    if slug and not SLUG.fullmatch(slug):
        findings.append(_finding(source, "Slug", f"slug '{slug}' tidak sah.", hint=SLUG_HINT))
    elif not slug and source.value("title") and not item_slug(source, settings):
        findings.append(_finding(source, "Title", "judul tidak menghasilkan alamat (slug): tidak ada huruf atau angka.",
                                 hint="Isi kolom Slug, misalnya Slug: rakor-seksi-phu."))
    for field_name, what in NAMED_PAGES.items():
        value = source.value(field_name)
        names = ensure_metadata_list(value) if field_name == "Tags" else [value] if value else []
        for name in names:
            if not name_slug(name, field_name, settings):
                findings.append(_finding(source, field_name, name_without_slug(name, what), hint=NAME_HINT))
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
            parse_date(value, timezone)
        except (ValueError, OverflowError):
            findings.append(_finding(
                source, name, f"tanggal '{value}' tidak bisa dibaca.",
                hint="Tulis tahun-bulan-tanggal jam:menit (WIB), misalnya 2022-08-23 15:00.",
            ))
    return findings


def office_findings(source: SourceFile, registry) -> list[Finding]:
    metadata = {key: entry.value for key, entry in source.meta.items()}
    _, findings = tagging.resolve_offices(metadata, registry, source.path)
    return [_finding(source, f.field, f.message, hint=f.hint) for f in findings]


def _link_file_problem(problem: str, reference: str, what: str) -> tuple[str, str]:
    """(message, hint) for a placeholder link to a file we cannot use."""
    if problem == OUTSIDE:
        return f"{what} '{reference}' menuju berkas di luar folder content.", "Simpan berkasnya di content/ dan tautkan dari sana."
    if problem == MISSING:
        return f"{what} '{reference}' tidak ditemukan.", "Periksa nama berkas di content/images/ (huruf besar/kecil berpengaruh)."
    return f"{what} '{reference}' menuju tautan simbolik (symlink).", "Simpan fotonya sebagai berkas biasa di content/images/."


def photo_findings(reference: str, checking: Checking, source_dir: Path, what: str = "foto") -> list[tuple[str, str, str]]:
    """(severity, message, hint) for a `{static}` photo reference."""
    path = linked_file(reference, source_dir, checking.content_root)
    problem = link_problem(path, checking.content_root)
    if problem:
        return [(ERROR, *_link_file_problem(problem, reference, what))]
    return [(p.severity, p.message, p.hint) for p in photo_problems(path, checking.photo_cache)]


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


def content_link_findings(href: str, checking: Checking, source_dir: Path) -> tuple[str, str] | None:
    """(message, hint) when a `{filename}` link does not lead to one of the site's articles or pages."""
    path = linked_file(href, source_dir, checking.content_root)
    problem = link_problem(path, checking.content_root)
    if problem == MISSING:
        return f"tautan '{href}' menuju berkas yang tidak ada.", "Periksa nama berkas tujuan di folder content/."
    if problem:
        return _link_file_problem(problem, href, "tautan")
    if not is_content_file(path, checking.settings):
        return (f"tautan '{href}' menuju berkas yang bukan berita atau halaman.",
                "{filename} hanya untuk berkas .md di content/articles atau content/pages; untuk foto tulis {static}/images/….")
    return None


def body_findings(source_path: str, html: str, source: SourceFile | None, checking: Checking, source_dir: Path) -> list[Finding]:
    """Images and internal links of a rendered body; scripts the sanitiser will drop."""
    findings = []
    if not any(marker in html for marker in ("<img", "<a ", "<script", "<iframe")):
        return findings  # most bodies: nothing to look at, no parsing

    def add(message, needle, severity=ERROR, hint=""):
        line = source.line_of(needle) if source and needle else None
        findings.append(Finding(source_path, "", message, line, severity=severity, hint=hint))

    def add_photo_problems(reference, what):
        for severity, message, hint in photo_findings(reference, checking, source_dir, what):
            add(message, reference, severity=severity, hint=hint)

    soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer(["img", "a", "script", "iframe"]))
    for image in soup.find_all("img"):
        src = image.get("src", "")
        if not image.get("alt", "").strip():
            add(f"gambar '{src}' tidak punya teks alternatif (alt).", src,
                hint="Tulis keterangan isi gambar: ![Kepala Kankemenag membuka rakor]({static}/images/foto.jpg).")
        if re.match(r"(https?:)?//", src):
            add(f"gambar '{src}' diambil dari situs lain.", src,
                hint="Simpan gambar di content/images/ lalu tulis {static}/images/nama-berkas.jpg.")
        elif src.startswith(STATIC_PLACEHOLDERS):
            add_photo_problems(src, "gambar")
        elif not src.startswith("data:"):
            add(f"gambar '{src}' ditulis tanpa {{static}}, sehingga akan rusak di situs.", src,
                hint="Tulis {static}/images/nama-berkas.jpg.")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if href.startswith(CONTENT_PLACEHOLDER):
            problem = content_link_findings(href, checking, source_dir)
            if problem:
                add(problem[0], href, hint=problem[1])
        elif href.startswith(STATIC_PLACEHOLDERS):
            add_photo_problems(href, "tautan")  # published as the photo's clean full-size variant
        if href.strip().lower().startswith("javascript:"):
            add("tautan javascript: akan dibuang.", "javascript:", severity=WARNING)
    for element in soup.find_all(["script", "iframe"]):
        add(f"tag <{element.name}> di badan berita akan dibuang saat situs dibangun.", f"<{element.name}",
            severity=WARNING, hint="Hapus tag tersebut; badan berita tidak boleh memuat skrip.")
    return findings


def item_slug(source: SourceFile, settings) -> str:
    return source.value("slug") or slugify(source.value("title"), regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])


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
    if not SLUG.fullmatch(slug):
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
