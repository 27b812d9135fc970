"""Writing the redirect pages, after every article and page (so a clash is seen)."""

import os

from sitelib.errors import ContentError, Finding, metadata_line
from sitelib.output import output_file

from .redirects import redirect_for

PUBLISHED_LISTS = ("articles", "hidden_articles", "pages", "hidden_pages")


def redirects(context) -> list:
    found = []
    for name in PUBLISHED_LISTS:
        for item in context.get(name, []):
            old_path = item.metadata.get("old_path")
            if old_path and item.save_as:
                redirect = redirect_for(old_path, item.url, item.plain_title, item.source_path)
                if redirect:
                    found.append(redirect)
    return found


def write_redirects(generator) -> None:
    """Rendered and written directly, not through Pelican's writer: its `content_written`
    signal would put the redirects into the sitemap."""
    template = generator.get_template("redirect")
    clashes, written = [], set()
    for redirect in redirects(generator.context):
        target = output_file(generator.output_path, redirect.save_as)
        if target.exists() or redirect.save_as in written:
            clashes.append(Finding(
                os.path.relpath(redirect.source_path), "Old_path",
                f"alamat lama {redirect.old_path} sudah dipakai halaman lain situs ini.",
                metadata_line(redirect.source_path, "Old_path"),
                hint="Hapus baris Old_path atau perbaiki alamatnya.",
            ))
            continue
        written.add(redirect.save_as)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render({**generator.context, "redirect": redirect}), encoding="utf-8")
    if clashes:
        raise ContentError(clashes)
