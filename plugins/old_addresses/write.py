"""Writing the redirect pages, after every article and page (so a clash is seen)."""

import os
from pathlib import Path

from photos.resolver import CACHE_FOLDER
from photos.variants import photo_variants
from sitelib.errors import ContentError, Finding, file_line_containing, metadata_line
from sitelib.build_selection import selection_at
from sitelib.code_fingerprint import content_digest
from sitelib.output import output_file

from .old_uploads import read_old_uploads
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
    keep = selection_at(generator.output_path).keep_file
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
        page = template.render({**generator.context, "redirect": redirect}).encode("utf-8")
        if not keep(redirect.save_as, content_digest(page)):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page)
    if clashes:
        raise ContentError(clashes)


def published_copy(entry, settings, output_path: str) -> Path | None:
    """The output file an old upload address shows: the document, video or audio file as published, or what a
    link to the photo opens; None when no published item uses it (a draft's file stays unpublished)."""
    if entry.is_photo:
        photo = photo_variants(Path(settings["PATH"]) / entry.stored, Path(settings["CACHE_PATH"]) / CACHE_FOLDER)
        published = output_file(output_path, photo.fallback.published)
    else:
        published = output_file(output_path, entry.stored)
    return published if published.is_file() else None


def write_old_uploads(generator) -> None:
    """Each published file at its old WordPress upload address too (checked by `invoke check` before the build:
    an upload address, ending as its file does, so no page of the site is ever replaced)."""
    entries, _ = read_old_uploads(Path(generator.settings["PATH"]))
    keep = selection_at(generator.output_path).keep_file
    clashes = []
    for entry in entries:
        published = published_copy(entry, generator.settings, generator.output_path)
        if published is None:
            continue
        target = output_file(generator.output_path, entry.save_as)
        data = published.read_bytes()
        try:
            if target.exists() or not keep(entry.save_as, content_digest(data)):
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as copy:  # never over a page or another file ("x")
                    copy.write(data)
        except OSError:
            clashes.append(Finding(
                os.path.relpath(entry.source), "", f"alamat lama '{entry.old_path}' sudah dipakai berkas lain situs ini.",
                file_line_containing(entry.source, entry.old_path), hint="Hapus baris itu atau perbaiki alamatnya.",
            ))
    if clashes:
        raise ContentError(clashes)
