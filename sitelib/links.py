"""Pelican's intra-site link placeholders ({static}, {attach}, {filename})."""

from pathlib import Path

LINK_PLACEHOLDERS = ("{static}", "{attach}", "{filename}")
# Those that point to files the build publishes (photos), not to other content.
STATIC_PLACEHOLDERS = ("{static}", "{attach}")


def linked_file(reference: str, source_dir: Path, content_root: Path) -> Path:
    """The content file a placeholder link points to: '/…' from the content root, else from the article's folder."""
    target = reference
    for placeholder in LINK_PLACEHOLDERS:
        if target.startswith(placeholder):
            target = target[len(placeholder):]
            break
    target = target.split("#", 1)[0].split("?", 1)[0]
    return content_root / target.lstrip("/") if target.startswith("/") else source_dir / target
