"""Values that become part of an address or a file name, checked on what Pelican made of them.

`invoke check` checks the source files; this checks the content objects the
build really has (whatever reader produced them), so no slug, save_as,
category, tag or old address can lead a write out of place.
"""

import posixpath

from old_addresses.redirects import old_path_problem
from sitelib.errors import Finding, metadata_line

from .rules import NAMED_PAGES, NAME_HINT, SLUG_HINT, name_problem, slug_problem


def safe_relative(save_as: str) -> bool:
    """A path below the output folder: relative, no '..', no empty or '.' parts, one line."""
    if not save_as or save_as.startswith("/") or "\\" in save_as or any(c in save_as for c in "\n\r\x00"):
        return False
    return posixpath.normpath(save_as) == save_as.rstrip("/") and not save_as.startswith("../") and save_as != ".."


def value_findings(content, display: str) -> list[Finding]:
    """Findings about the item's slug, address, category, tags, credit and old address."""
    source_path = content.source_path
    findings = []

    def add(field_name, message, hint):
        findings.append(Finding(display, field_name, message, metadata_line(source_path, field_name), hint=hint))

    slug = getattr(content, "slug", "") or ""
    if slug_problem(slug):
        add("Slug", f"slug '{slug}' {slug_problem(slug)}.", SLUG_HINT)
    save_as = content.save_as
    if save_as and not safe_relative(save_as):
        add("Slug", f"alamat berkas '{save_as}' tidak sah.", SLUG_HINT)
    named = {"Category": [getattr(content, "category", None)], "Tags": getattr(content, "tags", []),
             "Author": getattr(content, "authors", [])}
    for field_name, what in NAMED_PAGES.items():
        for wrapper in named[field_name]:
            problem = name_problem(wrapper.name, field_name, what, content.settings) if wrapper is not None else ""
            if problem:
                add(field_name, problem, NAME_HINT)
    old_path = content.metadata.get("old_path")
    if old_path is not None and (not isinstance(old_path, str) or old_path_problem(old_path)):
        add("Old_path", f"alamat lama '{old_path}' {old_path_problem(str(old_path)) or 'tidak sah'}.",
            "Perbaiki alamatnya, atau hapus baris Old_path bila tidak perlu pengalihan.")
    return findings
