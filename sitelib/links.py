"""Pelican's intra-site link placeholders ({static}, {attach}, {filename}) and the files they point to."""

from pathlib import Path

LINK_PLACEHOLDERS = ("{static}", "{attach}", "{filename}")
# Those that point to files the build publishes (photos), not to other content.
STATIC_PLACEHOLDERS = ("{static}", "{attach}")
CONTENT_PLACEHOLDER = "{filename}"

OUTSIDE = "outside"  # the reference leads out of the content folder
SYMLINK = "symlink"  # the file is a symbolic link
MISSING = "missing"  # no regular file there


def linked_file(reference: str, source_dir: Path, content_root: Path) -> Path:
    """The content file a placeholder link points to: '/…' from the content root, else from the article's folder."""
    target = reference
    for placeholder in LINK_PLACEHOLDERS:
        if target.startswith(placeholder):
            target = target[len(placeholder):]
            break
    # As Pelican does for {static}: the path before any fragment or query, "%20" for a space.
    target = target.split("#", 1)[0].split("?", 1)[0].replace("%20", " ")
    return content_root / target.lstrip("/") if target.startswith("/") else source_dir / target


def link_problem(path: Path, content_root: Path) -> str:
    """OUTSIDE, SYMLINK or MISSING for a linked file we must not or cannot use, '' for a regular file in the content folder."""
    if not path.resolve().is_relative_to(content_root.resolve()):
        return OUTSIDE
    if path.is_symlink():
        return SYMLINK
    return "" if path.is_file() else MISSING


def local_file(reference: str, source_dir: Path, content_root: Path) -> Path | None:
    """The regular file inside the content folder a placeholder link points to, or None."""
    path = linked_file(reference, source_dir, content_root)
    return None if link_problem(path, content_root) else path
