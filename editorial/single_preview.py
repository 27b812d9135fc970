"""A preview of one article alone, so an editor sees each save within a second or two.

A full preview build reads and writes every article (about 10 s at 2,000
articles). While an editor works on one article, `invoke livereload
--article FILE` builds the site with ARTICLE_PATHS naming that one file
(Pelican reads a file named there as the only article) from the real
content folder, so the fixed pages and the photos are there too; listings,
related news and neighbours then show only that article.
"""

import json
from pathlib import Path

from sitelib.content_files import SITE_ARTICLE_PATHS

PREVIEW_FOLDER = Path("cache") / "pratinjau"


def article_paths(article: Path, content_root: Path) -> list[str]:
    """ARTICLE_PATHS for a build of `article` alone: its path below the content folder."""
    article, root = Path(article).resolve(), Path(content_root).resolve()
    if not article.is_file():
        raise FileNotFoundError(f"Berkas berita {article} tidak ada.")
    if not article.is_relative_to(root):
        raise ValueError(f"Berkas berita {article} tidak berada di folder konten {root}.")
    return [article.relative_to(root).as_posix()]


def preview_settings(article: Path, content_root: Path, site_article_paths: list[str],
                     cache: Path = PREVIEW_FOLDER / "cache") -> dict:
    """The settings that differ from pelicanconf.py for the one-article preview (the site's article folders,
    `site_article_paths`, stay folders of Markdown only: no photo is looked for among the other articles)."""
    return {"ARTICLE_PATHS": article_paths(article, content_root), SITE_ARTICLE_PATHS: list(site_article_paths),
            "CACHE_PATH": str(cache)}


def pelican_options(settings: dict) -> list[str]:
    """`-e KEY=JSON …` for Pelican's command line (one -e: a second one would replace the first)."""
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())] if settings else []
