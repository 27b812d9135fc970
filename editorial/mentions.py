"""Offices named in articles' text but not tagged: a report for editors.

It reads the articles with Pelican's own reader, suggests, and never
changes a file or fails.
"""

import os
from pathlib import Path

from pelican.readers import Readers

from office_tags import mentions, tagging
from office_tags.registry import load_registry
from sitelib.text import plain_text


def article_sources(settings) -> list[Path]:
    content = Path(settings["PATH"])
    return sorted(
        path for folder in settings["ARTICLE_PATHS"] for path in (content / folder).rglob("*.md")
    )


def untagged_report(settings) -> list[tuple[str, list]]:
    """(file, offices mentioned but not tagged) for every article that has any."""
    registry = load_registry(settings["OFFICE_REGISTRY"])
    readers = Readers(settings)
    report = []
    for source in article_sources(settings):
        article = readers.read_file(base_path=settings["PATH"], path=str(source.relative_to(settings["PATH"])))
        resolved, _ = tagging.resolve_offices(article.metadata, registry, str(source))
        text = plain_text(article.content)
        missing = mentions.untagged_mentions(text, {o.code for o in resolved.offices}, registry)
        if missing:
            report.append((os.path.relpath(source), missing))
    return report


def format_report(report) -> str:
    if not report:
        return "Semua kantor yang disebut dalam berita sudah ditandai."
    lines = ["Kantor yang disebut dalam teks tetapi belum ada di kolom Offices (saran, bukan kesalahan):"]
    for path, offices in report:
        names = ", ".join(f"{office.code} ({office.short_name})" for office in offices)
        lines.append(f"- {path}: {names}")
    return "\n".join(lines)
