"""`invoke bench-incremental`: publishing one new article on a large archive, incrementally.

On the generated corpus (`benchmarks.corpus`, 10% of articles with real photographs), each step a child
process timed with its peak memory (Pagefind's processes included):
1. a cold full publish build (empty caches: every card drawn, every photo variant encoded);
2. the check and the full publish build again with warm caches;
3. one new article (`deploy_scenario.NEW_ARTICLE`): `invoke check` and an incremental publish build from the
   first build's output, each in its own process, with the files the build wrote (not linked from the previous
   build) counted; then a second new article, checked and built in one process from that output, as
   `invoke publish` runs them (the build reuses the check's file digests);
4. the one-article preview: the live server's rebuild after a save (`invoke livereload --article`).
The publish build is `publishconf.py` with PRECOMPRESS=0, as CI runs it.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

from sitelib.build_selection import PREVIOUS_SETTING

from .corpus import generate
from .deploy_scenario import NEW_ARTICLE, NEW_PAGE
from .measure import Timing, timed
from .run import article_preview_rebuild

ROOT = Path(__file__).resolve().parents[1]
SITEURL = "https://media.contoh.test"
ENVIRONMENT = {"SITEURL": SITEURL, "PRECOMPRESS": "0"}


def publish_command(content: Path, output: Path, cache: Path, previous: Path | None = None) -> list[str]:
    settings = {"CACHE_PATH": str(cache)}
    if previous is not None:
        settings[PREVIOUS_SETTING] = str(previous)
    return [sys.executable, "-m", "pelican", str(content), "-s", "publishconf.py", "-o", str(output), "-q",
            "-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]


def check_command(content: Path, cache: Path) -> list[str]:
    """`invoke check` on another content folder (its results remembered in `cache`)."""
    code = (
        "import sys; sys.path[:0] = ['.', 'plugins']\n"
        "from pelican.settings import read_settings\n"
        "from content_checks.scan import check_sources\n"
        f"settings = read_settings('publishconf.py', override={{'PATH': {str(content)!r}, 'CACHE_PATH': {str(cache)!r}}})\n"
        "sys.exit(any(finding.is_error for finding in check_sources(settings)))\n"
    )
    return [sys.executable, "-c", code]


SECOND_PAGE = "2026/11/berita-baru-kedua-uji-bertahap/index.html"
SECOND_ARTICLE = NEW_ARTICLE.replace("Satu Berita Baru untuk Uji Deploy", "Berita Baru Kedua untuk Uji Bertahap").replace(
    "satu-berita-baru-uji-deploy", "berita-baru-kedua-uji-bertahap").replace("10:17", "11:42")


def publish_after_check_command(content: Path, output: Path, cache: Path, previous: Path) -> list[str]:
    """What `invoke publish` runs, in one process: the check (its pre-task), then the incremental publish build
    (the build reuses the check's file digests: sitelib/file_stamps.py)."""
    build = publish_command(content, output, cache, previous)[3:]  # Pelican's arguments
    code = (
        "import sys; sys.path[:0] = ['.', 'plugins']\n"
        "from pelican.settings import read_settings\n"
        "from content_checks.scan import check_sources\n"
        f"settings = read_settings('publishconf.py', override={{'PATH': {str(content)!r}, 'CACHE_PATH': {str(cache)!r}}})\n"
        "if any(finding.is_error for finding in check_sources(settings)):\n"
        "    sys.exit(1)\n"
        "from pelican import main\n"
        f"main({build!r})\n"
    )
    return [sys.executable, "-c", code]


def figures(timing: Timing) -> dict:
    return {"seconds": round(timing.seconds, 1), "peak_mb": round(timing.peak_mb)}


def written_files(output: Path) -> dict:
    """Files this build made itself (one link) and files kept from the previous build (linked)."""
    made = [path for path in output.rglob("*") if path.is_file() and path.stat().st_nlink == 1]
    return {"made": len(made), "made_pages": sum(1 for path in made if path.suffix == ".html"),
            "kept": sum(1 for path in output.rglob("*") if path.is_file() and path.stat().st_nlink > 1)}


def run(articles: int = 50000, work: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-bertahap-", dir=work) as folder:
        work = Path(folder)
        content = generate(work / "content", articles)
        cache, first, second = work / "cache", work / "situs-1", work / "situs-2"
        results = {"articles": articles, "machine_cores": os.cpu_count()}
        results["cold_publish"] = figures(timed(publish_command(content, first, cache), ROOT, ENVIRONMENT))
        results["warm_check"] = figures(timed(check_command(content, cache), ROOT, ENVIRONMENT))
        results["warm_full_publish"] = figures(timed(publish_command(content, work / "penuh", cache), ROOT, ENVIRONMENT))
        (content / "articles" / "satu-berita-baru.md").write_text(NEW_ARTICLE, encoding="utf-8")
        results["new_article_check"] = figures(timed(check_command(content, cache), ROOT, ENVIRONMENT))
        incremental = timed(publish_command(content, second, cache, previous=first), ROOT, ENVIRONMENT)
        if not (second / NEW_PAGE).is_file():
            raise RuntimeError("the new article was not published")
        results["new_article_publish"] = {**figures(incremental), **written_files(second)}
        results["new_article_total_seconds"] = round(
            results["new_article_check"]["seconds"] + results["new_article_publish"]["seconds"], 1)
        # another new article (its caches cold like the first one's were), published as `invoke publish` does
        (content / "articles" / "berita-baru-kedua.md").write_text(SECOND_ARTICLE, encoding="utf-8")
        together = timed(publish_after_check_command(content, work / "situs-3", cache, second), ROOT, ENVIRONMENT)
        if not (work / "situs-3" / SECOND_PAGE).is_file():
            raise RuntimeError("the second new article was not published")
        results["new_article_invoke_publish"] = figures(together)
        results["article_preview_rebuild_seconds"] = round(article_preview_rebuild(content, work), 2)
        return results


def format_report(results: dict) -> str:
    one = results["new_article_publish"]
    return "\n".join([
        f"Korpus: {results['articles']} berita, mesin {results['machine_cores']} inti",
        f"Terbit penuh, cache kosong:    {results['cold_publish']['seconds']:>7.1f} s, puncak {results['cold_publish']['peak_mb']} MB",
        f"Terbit penuh, cache hangat:    {results['warm_full_publish']['seconds']:>7.1f} s, puncak {results['warm_full_publish']['peak_mb']} MB",
        f"invoke check, hangat:          {results['warm_check']['seconds']:>7.1f} s",
        f"Satu berita baru: check        {results['new_article_check']['seconds']:>7.1f} s",
        f"Satu berita baru: build        {one['seconds']:>7.1f} s, puncak {one['peak_mb']} MB; "
        f"{one['made']} berkas dibuat ({one['made_pages']} halaman), {one['kept']} ditautkan dari build sebelumnya",
        f"Satu berita baru: total        {results['new_article_total_seconds']:>7.1f} s (dua proses)",
        f"Satu berita baru: invoke publish {results['new_article_invoke_publish']['seconds']:>5.1f} s "
        f"(check lalu build dalam satu proses), puncak {results['new_article_invoke_publish']['peak_mb']} MB",
        f"Pratinjau satu berita:         {results['article_preview_rebuild_seconds']:>7.2f} s",
    ])
