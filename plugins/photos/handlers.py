"""Photos of Pelican articles and pages: featured photo, responsive body images, writing variants."""

import os
import shutil
from pathlib import Path

from sitelib.content import all_articles, all_pages
from sitelib.errors import ContentError, Finding, line_containing, metadata_line
from sitelib.links import STATIC_PLACEHOLDERS, local_file
from sitelib.output import output_file

from .decoding import UnreadablePhoto
from .figures import FeaturedPhoto, responsive_body
from .problems import problem_of
from .variants import full_size_variant, photo_variants

CACHE_FOLDER = "foto"


class PhotoResolver:
    """Variants of the local photos one content item references; remembers those it used."""

    def __init__(self, content):
        settings = content.settings
        self.content = content
        self.root = Path(settings["PATH"])
        self.cache = Path(settings["CACHE_PATH"]) / CACHE_FOLDER
        self.used: list = []

    def _local_file(self, reference: str) -> Path | None:
        if not reference.startswith(STATIC_PLACEHOLDERS):
            return None
        # Missing, outside the content folder or a symbolic link: content_checks reports it.
        return local_file(reference, Path(self.content.source_path).parent, self.root)

    def _made(self, make, path: Path, field: str, reference: str):
        try:
            return make(path, self.cache)
        except UnreadablePhoto as error:
            problem = problem_of(path, error)
            source = self.content.source_path
            line = metadata_line(source, field) if field else line_containing(source, reference)
            raise ContentError([Finding(
                os.path.relpath(source), field, problem.message, line, hint=problem.hint,
            )]) from error

    def photo(self, reference: str, field: str = ""):
        path = self._local_file(reference)
        if path is None:
            return None
        photo = self._made(photo_variants, path, field, reference)
        self.used.extend(photo.variants)
        return photo

    def full_size(self, reference: str):
        path = self._local_file(reference)
        if path is None:
            return None
        variant = self._made(full_size_variant, path, "", reference)
        self.used.append(variant)
        return variant


def add_photos(content) -> None:
    """Give `content` its photos: featured photo, responsive body images, full-size links."""
    photos = PhotoResolver(content)
    image = content.metadata.get("image")
    photo = photos.photo(image, "Image") if image else None
    content.featured_photo = photo and FeaturedPhoto(
        image, content.metadata.get("image_alt", ""), content.metadata.get("image_caption", ""), photo
    )
    content._content = responsive_body(content._content, photos, content.settings["SITEURL"])
    content.photo_variants = photos.used


def _add_to(items, generator) -> None:
    """Photos for every item. Pelican's static generator copies every file a {static} or {attach}
    link names, in any attribute, from anywhere on the machine: nothing of content/ is published
    that way (STATIC_PATHS is empty too), only the variants this plugin writes."""
    for item in items:
        add_photos(item)
    generator.context["static_links"].clear()


def add_to_articles(generator) -> None:
    _add_to(all_articles(generator), generator)


def add_to_pages(generator) -> None:
    _add_to(all_pages(generator), generator)


def _write(items, output_path: str) -> None:
    for item in items:
        if not item.save_as:
            continue  # not published by this build
        for variant in getattr(item, "photo_variants", ()):
            target = output_file(output_path, variant.published)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(variant.cached, target)


def write_article_variants(generator, writer) -> None:
    """Copy the variants of the published articles' photos into the output."""
    _write(all_articles(generator), generator.output_path)


def write_page_variants(generator, writer) -> None:
    _write(all_pages(generator), generator.output_path)
