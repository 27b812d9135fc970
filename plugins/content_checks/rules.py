"""The editorial rules: what is wrong with a content file, and how to fix it.

Pure functions over parsed sources and rendered HTML; `invoke check` and
the build both call them.
"""

import difflib
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, SoupStrainer
from pelican.utils import get_date, slugify

from office_tags import tagging
from old_addresses.redirects import old_path_problem
from photos.problems import photo_problems
from sitelib.errors import ERROR, WARNING, Finding
from sitelib.links import LINK_PLACEHOLDERS, STATIC_PLACEHOLDERS, linked_file

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


def is_draft(source: SourceFile) -> bool:
    return source.value("status").lower() == "draft"


def parse_date(value: str, timezone: str) -> datetime:
    """The date as Pelican reads it; without a zone it is WIB (the TIMEZONE setting)."""
    moment = get_date(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


def _finding(source: SourceFile, field_name: str, message: str, **extra) -> Finding:
    entry = source.meta.get(field_name.lower())
    return Finding(source.path, field_name, message, line=extra.pop("line", entry.line if entry else None), **extra)


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
    old_path = source.value("old_path")
    if old_path and old_path_problem(old_path):
        findings.append(_finding(source, "Old_path", f"alamat lama '{old_path}' {old_path_problem(old_path)}.",
                                 hint="Perbaiki alamatnya, atau hapus baris Old_path bila tidak perlu pengalihan."))
    slug = source.value("slug")
    if slug and not SLUG.fullmatch(slug):
        findings.append(_finding(source, "Slug", f"slug '{slug}' tidak sah.", hint="Pakai huruf kecil, angka dan tanda minus, misalnya rakor-seksi-phu."))
    if not is_draft(source):
        for key, marker in NEW_ARTICLE_PLACEHOLDERS.items():
            text = source.body if key == "body" else source.value(key)
            if marker in text:
                findings.append(_finding(
                    source, "" if key == "body" else key.title(), f"masih berisi teks contoh '{marker}'.",
                    line=source.line_of(marker), hint="Ganti dengan isi yang sebenarnya, atau tandai Status: draft.",
                ))
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


def image_findings(source: SourceFile, content_root: Path, source_dir: Path) -> list[Finding]:
    """The featured photo must exist and have a text alternative."""
    image = source.value("image")
    if not image:
        return []
    findings = []
    if not image.startswith(STATIC_PLACEHOLDERS):
        findings.append(_finding(source, "Image", f"foto '{image}' ditulis tanpa {{static}}.", hint="Tulis {static}/images/nama-berkas.jpg."))
    elif not linked_file(image, source_dir, content_root).is_file():
        findings.append(_finding(source, "Image", f"foto '{image}' tidak ditemukan.", hint="Periksa nama berkas di content/images/ (huruf besar/kecil berpengaruh)."))
    else:
        for problem in photo_problems(linked_file(image, source_dir, content_root)):
            findings.append(_finding(source, "Image", problem.message, severity=problem.severity, hint=problem.hint))
    if not source.value("image_alt"):
        findings.append(_finding(source, "Image_alt", "foto utama butuh teks alternatif.", line=source.meta["image"].line,
                                 hint="Tulis apa yang tampak di foto, misalnya: Image_alt: Calon jemaah berlatih tawaf."))
    return findings


def metadata_findings(
    source: SourceFile, kind: str, registry, timezone: str, content_root: Path = Path("content"), source_dir: Path = Path("content"),
) -> list[Finding]:
    """Everything the metadata block can tell, before any Markdown is rendered."""
    findings = field_findings(source, kind) + text_findings(source) + date_findings(source, timezone)
    findings += image_findings(source, content_root, source_dir)
    if kind == "article":
        findings += office_findings(source, registry)
    return findings


def body_findings(source_path: str, html: str, source: SourceFile | None, content_root: Path, source_dir: Path) -> list[Finding]:
    """Images and internal links of a rendered body; scripts the sanitiser will drop."""
    findings = []
    if not any(marker in html for marker in ("<img", "<a ", "<script", "<iframe")):
        return findings  # most bodies: nothing to look at, no parsing

    def add(message, needle, severity=ERROR, hint=""):
        line = source.line_of(needle) if source and needle else None
        findings.append(Finding(source_path, "", message, line, severity=severity, hint=hint))

    def add_photo_problems(reference):
        for problem in photo_problems(linked_file(reference, source_dir, content_root)):
            add(problem.message, reference, severity=problem.severity, hint=problem.hint)

    soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer(["img", "a", "script", "iframe"]))
    for image in soup.find_all("img"):
        src = image.get("src", "")
        if not image.get("alt", "").strip():
            add(f"gambar '{src}' tidak punya teks alternatif (alt).", src,
                hint="Tulis keterangan isi gambar: ![Kepala Kankemenag membuka rakor]({static}/images/foto.jpg).")
        if re.match(r"(https?:)?//", src):
            add(f"gambar '{src}' diambil dari situs lain.", src,
                hint="Simpan gambar di content/images/ lalu tulis {static}/images/nama-berkas.jpg.")
        elif src.startswith(LINK_PLACEHOLDERS):
            if not linked_file(src, source_dir, content_root).is_file():
                add(f"gambar '{src}' tidak ditemukan.", src, hint="Periksa nama berkas di content/images/ (huruf besar/kecil berpengaruh).")
            else:
                add_photo_problems(src)
        elif not src.startswith("data:"):
            add(f"gambar '{src}' ditulis tanpa {{static}}, sehingga akan rusak di situs.", src,
                hint="Tulis {static}/images/nama-berkas.jpg.")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if href.startswith(LINK_PLACEHOLDERS) and not linked_file(href, source_dir, content_root).is_file():
            add(f"tautan '{href}' menuju berkas yang tidak ada.", href, hint="Periksa nama berkas tujuan di folder content/.")
        elif href.startswith(STATIC_PLACEHOLDERS):
            add_photo_problems(href)  # published as the photo's clean full-size variant
        if href.strip().lower().startswith("javascript:"):
            add("tautan javascript: akan dibuang.", "javascript:", severity=WARNING)
    for element in soup.find_all(["script", "iframe"]):
        add(f"tag <{element.name}> di badan berita akan dibuang saat situs dibangun.", f"<{element.name}",
            severity=WARNING, hint="Hapus tag tersebut; badan berita tidak boleh memuat skrip.")
    return findings


def content_url(source: SourceFile, kind: str, settings, now: datetime) -> str | None:
    """The URL Pelican will give this item, for the duplicate check."""
    slug = source.value("slug") or slugify(source.value("title"), regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    if kind == "page":
        return settings["PAGE_URL"].format(slug=slug)
    try:
        date = parse_date(source.value("date"), settings["TIMEZONE"])
    except (ValueError, OverflowError):
        return None
    future = date > now and not settings.get("WITH_FUTURE_DATES", True)
    pattern = settings["DRAFT_URL"] if is_draft(source) or future else settings["ARTICLE_URL"]
    return pattern.format(slug=slug, date=date) if pattern else None  # no pattern: not published


def duplicate_findings(items: list[tuple[SourceFile, str | None]]) -> list[Finding]:
    """Two files that would be published at the same address."""
    seen: dict[str, SourceFile] = {}
    findings = []
    for source, url in items:
        if url is None:
            continue
        if url in seen:
            findings.append(_finding(
                source, "Slug", f"alamat /{url} sudah dipakai oleh {seen[url].path}.",
                line=(source.meta.get("slug") or source.meta.get("title") or next(iter(source.meta.values()))).line,
                hint="Beri salah satu berita Slug lain.",
            ))
        else:
            seen[url] = source
    return findings
