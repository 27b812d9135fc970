"""Checking every content file of the site, as `invoke check` and the build do."""

import os
from datetime import datetime, timezone
from pathlib import Path

from pelican.readers import MarkdownReader

from office_tags.enrich import registry_for
from sitelib.errors import Finding

from . import rules
from .source import SourceFile, read_source

MARKDOWN_EXTENSIONS = tuple(f".{ext}" for ext in MarkdownReader.file_extensions)


def source_files(settings) -> list[tuple[Path, str]]:
    """(path, "article" or "page") of every Markdown file Pelican will read."""
    root = Path(settings["PATH"])
    found = []
    for kind, folders in (("article", settings["ARTICLE_PATHS"]), ("page", settings["PAGE_PATHS"])):
        for folder in folders:
            for path in sorted((root / folder).rglob("*")):
                if path.suffix in MARKDOWN_EXTENSIONS and path.is_file():
                    found.append((path, kind))
    return found


def display_path(path: Path) -> str:
    return os.path.relpath(path)


def rendered_body(path: Path, settings) -> str:
    """The body's HTML, rendered by Pelican's own Markdown reader."""
    content, _ = MarkdownReader(settings).read(str(path))
    return content


def check_sources(settings, with_bodies: bool = True) -> list[Finding]:
    """Every finding in the site's content; bodies are rendered only when asked."""
    registry = registry_for(settings)
    root = Path(settings["PATH"])
    now = datetime.now(timezone.utc)
    findings: list[Finding] = []
    urls: list[tuple[SourceFile, str | None]] = []
    for path, kind in source_files(settings):
        source = read_source(path, display_path(path))
        if isinstance(source, Finding):
            findings.append(source)
            continue
        found = rules.metadata_findings(source, kind, registry, settings["TIMEZONE"], root, path.parent)
        findings += found
        urls.append((source, rules.content_url(source, kind, settings, now)))
        if with_bodies and not any(f.is_error for f in found):
            findings += rules.body_findings(source.path, rendered_body(path, settings), source, root, path.parent)
    return findings + rules.duplicate_findings(urls)


def format_findings(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    lines = [str(f) for f in sorted(findings, key=lambda f: (f.path, f.line or 0))]
    summary = f"{errors} galat, {len(findings) - errors} peringatan."
    if not findings:
        summary = "Konten siap terbit: tidak ada galat maupun peringatan."
    return "\n".join(lines + [summary])
