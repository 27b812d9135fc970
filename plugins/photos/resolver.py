"""Variants of the local photos one content item references, made (or found in the cache) on demand."""

import os
from pathlib import Path

from sitelib.build_selection import selection_for
from sitelib.errors import ContentError, Finding, file_line_containing, metadata_line
from sitelib.links import STATIC_PLACEHOLDERS, local_file
from sitelib.site_folders import PHOTO_VARIANT_FOLDER

from .decoding import UnreadablePhoto
from .problems import problem_of
from .variants import photo_variants

CACHE_FOLDER = "foto"


class PhotoResolver:
    """Variants of the local photos one content item references; remembers those it used."""

    def __init__(self, content):
        settings = content.settings
        self.content = content
        self.root = Path(settings["PATH"])
        self.cache = Path(settings["CACHE_PATH"]) / CACHE_FOLDER
        self.elsewhere = selection_for(settings).published_elsewhere(PHOTO_VARIANT_FOLDER)
        self.used: list = []

    def _local_file(self, reference: str) -> Path | None:
        if not reference.startswith(STATIC_PLACEHOLDERS):
            return None
        # Missing, outside the content folder or a symbolic link: content_checks reports it.
        return local_file(reference, Path(self.content.source_path).parent, self.root)

    def _made(self, make, path: Path, field: str, reference: str):
        try:
            return make(path, self.cache, self.elsewhere)
        except UnreadablePhoto as error:
            problem = problem_of(path, error)
            source = self.content.source_path
            line = metadata_line(source, field) if field else file_line_containing(source, reference)
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
        """What a link to the photo opens: its fallback file (the largest width the site shows)."""
        path = self._local_file(reference)
        if path is None:
            return None
        photo = self._made(photo_variants, path, "", reference)
        self.used.append(photo.fallback)
        return photo.fallback
