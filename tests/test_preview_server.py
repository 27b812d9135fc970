"""`invoke serve` and `invoke livereload`: the preview served as built, or rebuilt and reloaded on every save."""

import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from browser import free_port
from conftest import ROOT
from editorial.child_process import stop
from editorial.preview_server import preview_arguments, preview_output, watched_files

SETTINGS = {"THEME": "theme", "PATH": "content", "OUTPUT_PATH": "output", "ARTICLE_PATHS": ["articles"]}


def test_every_save_that_changes_the_site_is_watched():
    assert watched_files(SETTINGS, "pelicanconf.py") == [
        "pelicanconf.py", "content/**/*.md", "content/images/**/*",
        "theme/templates/**/*.html", "theme/static/**/*", "plugins/**/*.py",
    ]
    # One article's preview watches that article instead of every article.
    assert watched_files(SETTINGS, "pelicanconf.py", "content/articles/2026/x.md")[1] == "content/articles/2026/x.md"


def test_the_whole_preview_uses_the_sites_output_and_one_article_its_own_folder(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "x.md").write_text("Title: X\n\nx\n")
    settings = {**SETTINGS, "PATH": str(content)}
    assert preview_output(settings) == "output"
    assert preview_arguments(settings, "pelicanconf.py") == "-s pelicanconf.py"
    article = str(content / "articles" / "x.md")
    assert preview_output(settings, article) == "cache/pratinjau/output"
    assert preview_arguments(settings, "pelicanconf.py", article) == (
        "-s pelicanconf.py -o cache/pratinjau/output -e 'ARTICLE_PATHS=[\"articles/x.md\"]' "
        "'SITE_ARTICLE_PATHS=[\"articles\"]' 'CACHE_PATH=\"cache/pratinjau/cache\"'"
    )
    (content / "articles" / "x.md").unlink()  # the article is looked up again at every build
    with pytest.raises(FileNotFoundError):
        preview_arguments(settings, "pelicanconf.py", article)


def start(code: str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def page(url: str, seconds: float = 20) -> str:
    """The page at `url`, once the server answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_folder_serves_the_built_site_and_frees_its_port_at_once(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "index.html").write_text("<p>beranda</p>")
    port = free_port()
    code = f"""
        from editorial.preview_server import serve_folder
        serve_folder("output", "127.0.0.1", {port})
    """
    for _ in range(2):  # the second server binds the port the first one just left
        server = start(code, tmp_path)
        try:
            assert page(f"http://127.0.0.1:{port}/") == "<p>beranda</p>"
            assert server.stdout.readline() == f"Situs tersedia di http://127.0.0.1:{port}/ (hentikan dengan Ctrl+C)\n"
        finally:
            stop(server)


def test_serve_live_builds_serves_with_the_reload_script_and_rebuilds_on_a_save(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.md").write_text("Title: X\n")
    (tmp_path / "pelicanconf.py").write_text("")
    port = free_port()
    server = start(f"""
        from pathlib import Path
        from editorial.preview_server import serve_live

        def build(arguments):
            Path("output").mkdir(exist_ok=True)
            Path("output/index.html").write_text("<html><head></head><body>dibangun</body></html>")
            with open("builds.log", "a") as log:
                log.write(arguments + "\\n")

        serve_live(build, {SETTINGS!r}, "pelicanconf.py", "127.0.0.1", {port})
    """, tmp_path)
    try:
        served = page(f"http://127.0.0.1:{port}/")
        assert "dibangun" in served and "livereload.js" in served
        assert (tmp_path / "builds.log").read_text() == "-s pelicanconf.py\n"
        time.sleep(1)
        (tmp_path / "content" / "x.md").write_text("Title: X diubah\n")
        deadline = time.monotonic() + 20
        while (tmp_path / "builds.log").read_text().count("\n") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (tmp_path / "builds.log").read_text() == "-s pelicanconf.py\n-s pelicanconf.py\n"
    finally:
        stop(server)
