"""The documents, videos and audio files one content item links to; a file that cannot be published stops the build."""

import os
from pathlib import Path

from sitelib.errors import ContentError, Finding, file_line_containing
from sitelib.links import STATIC_PLACEHOLDERS

from .file_markup import LinkedFile
from .file_rules import FileProblem, links_a_file, resolve_link


class FileResolver:
    """Resolves one item's `{static}` links to documents, videos and audio files."""

    def __init__(self, content):
        self.content = content
        self.root = Path(content.settings["PATH"])

    def __call__(self, reference: str) -> LinkedFile | None:
        if not reference.startswith(STATIC_PLACEHOLDERS) or not links_a_file(reference):
            return None  # a photo, a page, another site: not ours
        found = resolve_link(reference, Path(self.content.source_path).parent, self.root)
        if isinstance(found, FileProblem):
            source = self.content.source_path
            raise ContentError([Finding(os.path.relpath(source), "", found.message,
                                        file_line_containing(source, reference), hint=found.hint)])
        return found
