"""Pelican's `get_relative_source_path`, each answer worked out once.

Pelican formats an article's address (`url`, `save_as`) anew every time it is asked, dozens of times per
article per build, and each time works out the article's source path relative to the content folder with
`os.path.relpath` of two `abspath`s: at 50,000 articles about seven seconds of every build. The answer depends
only on the content folder, the source path and (for a relative content folder) the working folder, so it is
remembered by those.
"""

import os
from functools import lru_cache

from pelican.contents import Content
from pelican.utils import posixize_path

PELICAN_METHOD = Content.get_relative_source_path


@lru_cache(maxsize=500_000)  # the site's files and the links between them; bounded for a long preview
def relative_path(content_folder, source_path, working_folder: str) -> str:
    """What Pelican's method gives for `source_path` (the working folder is where relative paths start)."""
    return posixize_path(os.path.relpath(os.path.abspath(os.path.join(content_folder, source_path)),
                                         os.path.abspath(content_folder)))


def get_relative_source_path(self, source_path: str | None = None) -> str | None:
    """Content.get_relative_source_path, remembered (Pelican's signature and answers)."""
    if not source_path:
        source_path = self.source_path
    if source_path is None:
        return None
    folder = self.settings["PATH"]
    # with an absolute content folder (Pelican's settings make it so) the working folder plays no part
    working = "" if os.path.isabs(folder) else os.getcwd()
    return relative_path(folder, source_path, working)


def use_remembered_relative_paths() -> None:
    Content.get_relative_source_path = get_relative_source_path
