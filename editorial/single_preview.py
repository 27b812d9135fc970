"""A preview of one article alone, so an editor sees each save within a second or two.

A full preview build reads and writes every article (about 10 s at 2,000
articles). While an editor works on one article, `invoke livereload
--article FILE` builds a small site of that article, the fixed pages and
the images instead; listings, related news and neighbours then show only
what that small site holds.
"""

import shutil
from pathlib import Path

PREVIEW_FOLDER = Path("cache") / "pratinjau"


def prepare(article: Path, content_root: Path, article_folder: str = "articles", page_folder: str = "pages",
            image_folder: str = "images", target: Path = PREVIEW_FOLDER / "content") -> Path:
    """Make (or refresh) the small content folder; return it."""
    article, content_root, target = Path(article).resolve(), Path(content_root).resolve(), Path(target)
    if not article.is_file():
        raise FileNotFoundError(f"Berkas berita {article} tidak ada.")
    articles = target / article_folder
    shutil.rmtree(articles, ignore_errors=True)
    articles.mkdir(parents=True)
    shutil.copy2(article, articles / article.name)
    for folder in (page_folder, image_folder):
        link = target / folder
        if not link.exists() and (content_root / folder).exists():
            link.symlink_to(content_root / folder, target_is_directory=True)
    return target
