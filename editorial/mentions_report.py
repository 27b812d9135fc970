"""Offices named in articles' text but not tagged: a report for editors.

It reads the site's articles (content_checks.scan.readable_sources) with the
build's own reader, suggests, and never changes a file or fails.
"""

from content_checks.scan import readable_sources, rendered_body
from office_tags import mentions, tagging
from office_tags.site_registry import registry_for
from sitelib.content_files import ARTICLE
from sitelib.text import plain_text


def untagged_report(settings) -> list[tuple[str, list]]:
    """(file, offices mentioned but not tagged) for every article that has any."""
    registry = registry_for(settings)
    report = []
    for item in readable_sources(settings, ARTICLE):
        source = item.source
        metadata = {key: entry.value for key, entry in source.meta.items()}
        resolved, _ = tagging.resolve_offices(metadata, registry, source.path)
        text = plain_text(rendered_body(source, settings))
        missing = mentions.untagged_mentions(text, {o.code for o in resolved.offices}, registry)
        if missing:
            report.append((source.path, missing))
    return report


def format_report(report) -> str:
    if not report:
        return "Semua kantor yang disebut dalam berita sudah ditandai."
    lines = ["Kantor yang disebut dalam teks tetapi belum ada di kolom Offices (saran, bukan kesalahan):"]
    for path, offices in report:
        names = ", ".join(f"{office.code} ({office.short_name})" for office in offices)
        lines.append(f"- {path}: {names}")
    return "\n".join(lines)
