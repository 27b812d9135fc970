"""Checking every content file of the site, as `invoke check` and the build do."""

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from office_tags.site_registry import registry_for
from plain_text_metadata.reader import render_body
from linked_files.file_rules import folder_problem, stored_files
from photos.problems import standard_problems
from photos.standard import standard_for
from sitelib.content_files import ARTICLE, SITE_ARTICLE_PATHS, ContentFile, ForeignFile, photo_files, scan_content
from old_addresses.old_uploads import address_clash, entry_problem, read_old_uploads
from sitelib.errors import Finding, file_line_containing
from sitelib.file_stamps import file_digest, read_with_digest

from . import body, rules
from .addresses import reserved_folders
from .placement import placement_findings
from .result_cache import ResultCache, judging_fingerprint
from .source import SourceFile, parse_bytes, read_source

# Complete photo decodes are remembered here (below CACHE_PATH), by content hash.
PHOTO_CHECK_FOLDER = "foto-periksa"
# Each content file's findings (result_cache.py), below CACHE_PATH: `invoke check`'s, and the build's check of
# headers before reading.
RESULT_CACHE_FILE = "periksa/hasil.json"
HEADER_CACHE_FILE = "periksa/kepala.json"
PROJECT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ContentSource:
    """One content file: where, ARTICLE or PAGE, and the file read, or the finding that says why it cannot be."""

    path: Path
    kind: str
    source: SourceFile | Finding


def display_path(path: Path) -> str:
    return os.path.relpath(path)


def read_content(settings) -> tuple[list[ContentSource], list[ForeignFile]]:
    """Every content file Pelican will read (sitelib.content_files), read with the one header parser,
    and every other file in the content folders."""
    files, foreign = scan_content(settings)
    return [ContentSource(item.path, item.kind, read_source(item.path, display_path(item.path))) for item in files], foreign


def readable_sources(settings, kind: str | None = None) -> list[ContentSource]:
    """The content files that can be read (of one kind, ARTICLE or PAGE, when given); an unreadable
    file is `invoke check`'s finding."""
    return [item for item in read_content(settings)[0]
            if isinstance(item.source, SourceFile) and kind in (None, item.kind)]


def rendered_body(source: SourceFile, settings) -> str:
    """The body's HTML as the build's own Markdown reader renders it."""
    return render_body(source.markdown_body, settings)


def foreign_finding(foreign: ForeignFile) -> Finding:
    return Finding(display_path(foreign.path), "", foreign.message, hint=foreign.hint)


def checking_for(settings, decode_photos: bool) -> rules.Checking:
    cache = Path(settings["CACHE_PATH"]) / PHOTO_CHECK_FOLDER if decode_photos else None
    return rules.Checking(settings, registry_for(settings), Path(settings["PATH"]), cache)


def result_cache_for(settings, with_bodies: bool = True) -> ResultCache:
    """The remembered findings (below CACHE_PATH) of `invoke check` or, without bodies, of the build's check
    before reading; valid for this code, data and settings."""
    name = RESULT_CACHE_FILE if with_bodies else HEADER_CACHE_FILE
    return ResultCache(Path(settings["CACHE_PATH"]) / name, judging_fingerprint(PROJECT, settings))


def file_findings(item: ContentSource, checking: rules.Checking, with_bodies: bool) -> list[Finding]:
    """What one readable content file can tell on its own: its metadata and, when that has no error, its body."""
    source = item.source
    found = rules.metadata_findings(source, item.kind, checking, item.path.parent)
    if item.kind == ARTICLE and (articles := article_folder_of(item.path, checking.settings)) is not None:
        relative = PurePosixPath(item.path.relative_to(articles).as_posix())
        found += placement_findings(source, relative, display_path(articles), checking.registry, checking.timezone)
    if with_bodies and not any(f.is_error for f in found):
        found += body.body_findings(source.path, rendered_body(source, checking.settings), source, checking, item.path.parent)
    return found


def article_folder_of(path: Path, settings) -> Path | None:
    """The site's article folder `path` is in (the one-article preview names them SITE_ARTICLE_PATHS), if any."""
    root = Path(settings["PATH"])
    for folder in settings.get(SITE_ARTICLE_PATHS) or settings["ARTICLE_PATHS"]:
        if (root / folder) in path.parents:
            return root / folder
    return None


def remembered_file(item: ContentFile, checking: rules.Checking, results: ResultCache,
                    with_bodies: bool) -> tuple[list[Finding], rules.TimedClaims] | Finding:
    """`file_findings` and the file's claims, from `results` when neither the file nor what it consulted changed
    (the file is then not parsed at all); the finding that says why it cannot be read, if so."""
    display = display_path(item.path)
    # not read at all when this process hashed the unchanged file already (`invoke publish`: the check, then
    # the build's check of headers); Pelican's content cache asks for the same digest (sitelib/file_stamps.py)
    remembered = results.remembered(display, file_digest(item.path).hex())
    if remembered is not None:
        return remembered
    data, raw_digest = read_with_digest(item.path)  # the digest of the bytes parsed, whatever happened since
    digest = raw_digest.hex()
    source = parse_bytes(data, display)
    if isinstance(source, Finding):
        return source
    checking.consulted.clear()
    found = file_findings(ContentSource(item.path, item.kind, source), checking, with_bodies)
    claims = rules.timed_claims(source, item.kind, checking.settings)
    results.remember(display, digest, found, checking.consulted, claims)
    return found, claims


def check_sources(settings, with_bodies: bool = True, now: datetime | None = None,
                  results: ResultCache | None = None) -> list[Finding]:
    """Every finding in the site's content.

    `invoke check` renders bodies and decodes every photo completely (cached); the build checks headers before
    reading and bodies while reading, and decodes photos when it makes their variants. Both remember each
    file's findings (`results`, by default `result_cache_for(settings, with_bodies)`).
    """
    checking = checking_for(settings, decode_photos=with_bodies)
    if results is None:
        results = result_cache_for(settings, with_bodies)
    now = now or datetime.now(timezone.utc)
    files, foreign = scan_content(settings)
    findings: list[Finding] = [foreign_finding(item) for item in foreign]
    claims = []
    for item in files:
        remembered = remembered_file(item, checking, results, with_bodies)
        if isinstance(remembered, Finding):
            findings.append(remembered)
            continue
        findings += remembered[0]
        claims += remembered[1].at(now)
    results.save()
    return (findings + rules.address_findings(claims, settings) + photo_file_findings(settings) + stored_file_findings(settings)
        + old_upload_findings(settings, {claim.save_as for claim in claims}))


def photo_file_findings(settings) -> list[Finding]:
    """Every photo file in content/ that may not be there as it is (issue #18): referenced or not,
    none reaches main unless it meets the photo standard."""
    standard = standard_for(settings)
    return [
        Finding(display_path(path), "", problem.message, severity=problem.severity, hint=problem.hint)
        for path in photo_files(settings) for problem in standard_problems(path, standard)
    ]


def stored_file_findings(settings) -> list[Finding]:
    """Every file in content/dokumen/ and content/media/ that could not be published as it is."""
    root = Path(settings["PATH"])
    return [
        Finding(display_path(path), "", problem.message, hint=problem.hint)
        for path in stored_files(root) if (problem := folder_problem(path, root)) is not None
    ]


OLD_UPLOAD_HINT = ("Baris ini ditulis `invoke import-wordpress`; perbaiki atau hapus barisnya "
                   "(alamat lama unggahan WordPress = berkas di folder content/).")


def old_upload_findings(settings, claimed: set[str]) -> list[Finding]:
    """Every entry of content/unggahan-lama/ that the build could not publish at its old address; `claimed`: the
    files articles, pages and their redirects write."""
    root = Path(settings["PATH"])
    entries, problems = read_old_uploads(root)
    findings = [Finding(display_path(path), "", problem, hint=OLD_UPLOAD_HINT) for path, problem in problems]
    reserved = reserved_folders(settings)
    seen: dict[str, Path] = {}
    for entry in entries:
        problem = entry_problem(entry.old_path, entry.stored, root, reserved, entry.office)
        if not problem and entry.old_path in seen:
            problem = f"alamat lama '{entry.old_path}' juga ada di {display_path(seen[entry.old_path])}"
        if not problem and address_clash(entry.save_as, claimed):
            problem = f"alamat lama '{entry.old_path}' bertabrakan dengan alamat berita, halaman atau alamat lama berita (Old_path)"
        seen.setdefault(entry.old_path, entry.source)
        if problem:
            findings.append(Finding(display_path(entry.source), "", f"{problem}.",
                                    file_line_containing(entry.source, entry.old_path), hint=OLD_UPLOAD_HINT))
    return findings


def format_findings(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    lines = [str(f) for f in sorted(findings, key=lambda f: (f.path, f.line or 0))]
    summary = f"{errors} galat, {len(findings) - errors} peringatan."
    if not findings:
        summary = "Konten siap terbit: tidak ada galat maupun peringatan."
    return "\n".join(lines + [summary])
