"""Writing the redirect pages, after every article and page (so a clash is seen)."""

import os
from pathlib import Path

from photos.resolver import CACHE_FOLDER
from photos.variants import photo_variants
from sitelib.errors import ContentError, Finding, file_line_containing, metadata_line
from sitelib.build_selection import selection_at, selection_for
from sitelib.code_fingerprint import content_digest
from sitelib.output import output_file
from sitelib.site_folders import PHOTO_VARIANT_FOLDER

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
    selection = selection_at(generator.output_path)
    clashes, written = [], set()
    for redirect in redirects(generator.context):
        target = output_file(generator.output_path, redirect.save_as)
        if target.exists() or selection.present(redirect.save_as) or redirect.save_as in written:
            clashes.append(Finding(
                os.path.relpath(redirect.source_path), "Old_path",
                f"alamat lama {redirect.old_path} sudah dipakai halaman lain situs ini.",
                metadata_line(redirect.source_path, "Old_path"),
                hint="Hapus baris Old_path atau perbaiki alamatnya.",
            ))
            continue
        written.add(redirect.save_as)
        page = template.render({**generator.context, "redirect": redirect}).encode("utf-8")
        if not selection.keep_file(redirect.save_as, content_digest(page)):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page)
    if clashes:
        raise ContentError(clashes)


def published_name(entry, settings) -> str:
    """The output file an old upload address shows (below the output): the document, video or audio file as
    published, or what a link to the photo opens."""
    if entry.is_photo:
        elsewhere = selection_for(settings).published_elsewhere(PHOTO_VARIANT_FOLDER)
        photo = photo_variants(Path(settings["PATH"]) / entry.stored, Path(settings["CACHE_PATH"]) / CACHE_FOLDER, elsewhere)
        return photo.fallback.published
    return entry.stored


def unpublished_bytes(entry, settings) -> bytes:
    """The bytes of the file an old upload address shows, made from content/ when the published copy is only in
    the storage (S3 hosting): the document itself, or the photo's fallback (encoded into the cache if needed)."""
    source = Path(settings["PATH"]) / entry.stored
    if not entry.is_photo:
        return source.read_bytes()
    return Path(photo_variants(source, Path(settings["CACHE_PATH"]) / CACHE_FOLDER).fallback.cached).read_bytes()


def write_old_uploads(generator) -> None:
    """Each published file at its old WordPress upload address too (checked by `invoke check` before the build:
    an upload address, ending as its file does, so no page of the site is ever replaced). Kept from the last
    build when the bytes are the same (an incremental build may know them only from its manifest: the file is
    in the published storage)."""
    entries, _ = read_old_uploads(Path(generator.settings["PATH"]))
    selection = selection_at(generator.output_path)
    clashes = []
    for entry in entries:
        name = published_name(entry, generator.settings)
        published = output_file(generator.output_path, name)
        remote = selection.remote_sha256(name)
        if remote is None and not published.is_file():
            continue  # no published item uses it (a draft's file stays unpublished)
        target = output_file(generator.output_path, entry.save_as)
        data = None if remote else published.read_bytes()
        try:
            if target.exists() or selection.present(entry.save_as):
                raise FileExistsError(entry.save_as)
            if selection.keep_file(entry.save_as, remote or content_digest(data)):
                continue
            if data is None:
                data = unpublished_bytes(entry, generator.settings)
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
