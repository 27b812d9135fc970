"""Checking every content file of the site, as `invoke check` and the build do."""

import os
from datetime import datetime, timezone
from pathlib import Path

from office_tags.enrich import registry_for
from plain_text_metadata.reader import PlainTextMarkdownReader
from sitelib.content_files import ForeignFile, scan_content
from sitelib.errors import Finding

from . import body, rules
from .source import read_source

# Complete photo decodes are remembered here (below CACHE_PATH), by content hash.
PHOTO_CHECK_FOLDER = "foto-periksa"


def source_files(settings) -> list[tuple[Path, str]]:
    """(path, "article" or "page") of every content file Pelican will read (sitelib.content_files)."""
    return [(item.path, item.kind) for item in scan_content(settings)[0]]


def display_path(path: Path) -> str:
    return os.path.relpath(path)


def rendered_body(path: Path, settings) -> str:
    """The body's HTML, rendered by the build's own Markdown reader."""
    content, _ = PlainTextMarkdownReader(settings).read(str(path))
    return content


def foreign_finding(foreign: ForeignFile) -> Finding:
    return Finding(display_path(foreign.path), "", foreign.message, hint=foreign.hint)


def checking_for(settings, decode_photos: bool) -> rules.Checking:
    cache = Path(settings["CACHE_PATH"]) / PHOTO_CHECK_FOLDER if decode_photos else None
    return rules.Checking(settings, registry_for(settings), Path(settings["PATH"]), cache)


def check_sources(settings, with_bodies: bool = True, now: datetime | None = None) -> list[Finding]:
    """Every finding in the site's content.

    `invoke check` renders bodies and decodes every photo completely (cached);
    the build checks headers before reading and bodies while reading, and
    decodes photos when it makes their variants.
    """
    checking = checking_for(settings, decode_photos=with_bodies)
    now = now or datetime.now(timezone.utc)
    files, foreign = scan_content(settings)
    findings: list[Finding] = [foreign_finding(item) for item in foreign]
    claims = []
    for item in files:
        source = read_source(item.path, display_path(item.path))
        if isinstance(source, Finding):
            findings.append(source)
            continue
        found = rules.metadata_findings(source, item.kind, checking, item.path.parent)
        findings += found
        claims += rules.claims(source, item.kind, settings, now)
        if with_bodies and not any(f.is_error for f in found):
            findings += body.body_findings(source.path, rendered_body(item.path, settings), source, checking, item.path.parent)
    return findings + rules.address_findings(claims, settings)


def format_findings(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    lines = [str(f) for f in sorted(findings, key=lambda f: (f.path, f.line or 0))]
    summary = f"{errors} galat, {len(findings) - errors} peringatan."
    if not findings:
        summary = "Konten siap terbit: tidak ada galat maupun peringatan."
    return "\n".join(lines + [summary])
