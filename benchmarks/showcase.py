"""A served production build of a generated corpus with photos, plus the seed articles.

Lighthouse (`invoke lighthouse`) and the README's screenshots (`invoke
screenshots`) both look at it, so they judge the site as readers get it:
many articles, some with photos, office pages with more than one page.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sitelib.static_server import free_port, serve

from .corpus import generate

ROOT = Path(__file__).resolve().parents[1]
CORPUS_SIZE = 60
SEED_ARTICLE = "2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu-wahana-evaluasi-kinerja/"
OFFICE_PAGE = "kantor/kab-wonosobo/"


def photo_article(output: Path) -> str:
    """The newest article page that shows a featured photo."""
    pages = sorted(output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"), reverse=True)
    for page in pages:
        if 'class="featured-photo"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(output).as_posix() + "/"
    raise RuntimeError("the generated corpus has no article with a photo")


@contextmanager
def served_showcase():
    """(base URL, {name: path}) of the served build: home, a seed article, an article with a photo, an office page."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="etalase-") as tmp:
        content = generate(Path(tmp) / "content", CORPUS_SIZE)
        shutil.copytree(ROOT / "content" / "articles", content / "articles", dirs_exist_ok=True)
        output = Path(tmp) / "output"
        subprocess.run(
            [sys.executable, "-m", "pelican", str(content), "-s", "publishconf.py", "-o", str(output), "-q",
             "-e", f'CACHE_PATH="{Path(tmp) / "cache"}"'],
            cwd=ROOT, check=True, env={**os.environ, "SITEURL": f"http://127.0.0.1:{port}"},
        )
        pages = {"beranda": "", "berita": SEED_ARTICLE, "berita-foto": photo_article(output), "kantor": OFFICE_PAGE}
        with serve(output, port) as base:
            yield base, pages
