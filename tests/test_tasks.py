"""Invoke tasks: `invoke new` makes a file that builds."""

import shutil

import pytest
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from conftest import ROOT, run_pelican, text_of
from bs4 import BeautifulSoup

TITLE = "Manasik Haji 2026: Calon Jemaah & “Pendamping” Ikuti Bimbingan"


def test_new_article_is_created_prefilled_and_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    before = datetime.now(ZoneInfo("Asia/Jakarta")).replace(second=0, microsecond=0)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "new", TITLE, "--office", "Kab. Wonosobo",
         "--folder", str(content / "articles")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    path = content.parent / result.stdout.strip()
    path = path if path.is_absolute() else ROOT / result.stdout.strip()
    assert path.is_file()
    slug = "manasik-haji-2026-calon-jemaah-pendamping-ikuti-bimbingan"
    metadata = dict(
        line.split(":", 1) for line in path.read_text().split("\n\n", 1)[0].splitlines()
    )
    metadata = {key: value.strip() for key, value in metadata.items()}
    assert set(metadata) == {
        "Title", "Date", "Status", "Category", "Tags", "Author", "Slug", "Summary",
        "Offices", "Host_office", "Reporting_office",
    }
    assert metadata["Offices"] == metadata["Reporting_office"] == "kab-wonosobo"
    assert metadata["Title"] == TITLE and metadata["Slug"] == slug
    written = datetime.strptime(metadata["Date"], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Jakarta"))
    assert before - timedelta(minutes=1) <= written <= before + timedelta(minutes=2)
    # Named by the WIB date it wrote (also when the test straddles midnight).
    assert path.name == f"{written:%Y-%m-%d}-{slug}.md"

    output = run_pelican("pelicanconf.py", tmp_path / "output", content=content)
    page = BeautifulSoup((output / "draf" / slug / "index.html").read_text(), "html.parser")
    assert text_of(page.h1) == TITLE
    share_bar = page.select_one(".share-bar")
    assert [a["href"].split("?")[0] for a in share_bar.find_all("a")] == [
        "https://www.facebook.com/sharer/sharer.php", "https://twitter.com/intent/tweet",
        "https://t.me/share/url", "https://wa.me/", "mailto:",
    ]
    assert share_bar.select_one(".share-print").name == "button"
    assert page.find("meta", attrs={"property": "og:title"})["content"] == TITLE
    assert [a.get_text() for a in page.select(".office-list a")] == ["Kankemenag Kab. Wonosobo"]
    home = (output / "index.html").read_text()
    assert slug not in home, "a new article stays a draft until the editor publishes it"


def test_new_refuses_to_overwrite(tmp_path):
    command = [sys.executable, "-m", "invoke", "new", "Judul Sama", "--office", "kab-wonosobo", "--folder", str(tmp_path)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode != 0
    assert "sudah ada" in again.stderr


def test_new_refuses_an_unknown_office(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "new", "Judul", "--office", "Kab. Wonosbo", "--folder", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode != 0 and "kantor 'Kab. Wonosbo' tidak dikenal" in result.stderr
    assert not list(tmp_path.rglob("*.md"))


def test_single_article_preview_builds_that_article_with_the_pages_and_the_images(tmp_path):
    from editorial.single_preview import article_paths, preview_settings

    article = next((ROOT / "content" / "articles" / "kab-wonosobo" / "2021").glob("*.md"))
    paths = article_paths(article, ROOT / "content")
    assert paths == [article.relative_to(ROOT / "content").as_posix()]
    extra = preview_settings(article, ROOT / "content", ["articles"], tmp_path / "cache")
    output = run_pelican("pelicanconf.py", tmp_path / "output", extra=extra)
    assert len(list(output.glob("20*/*/*/index.html"))) == 1
    assert (output / "kontak" / "index.html").is_file()
    with pytest.raises(ValueError, match="tidak berada di folder konten"):
        article_paths(ROOT / "pelicanconf.py", ROOT / "content")


def test_the_one_article_preview_looks_for_photos_where_the_site_build_does(tmp_path, monkeypatch):
    """Not among the other articles (a save must not open every article of a large archive): the photos
    found are the full build's, and no article file is opened to see whether it is a picture."""
    import sitelib.content_files as content_files
    from conftest import site_settings
    from editorial.single_preview import preview_settings

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "tests" / "photo_content", content, dirs_exist_ok=True)
    article = next((content / "articles" / "kab-wonosobo" / "2021").glob("*.md"))
    site = site_settings(content)
    preview = site_settings(content, **preview_settings(article, content, site["ARTICLE_PATHS"], tmp_path / "cache"))
    looked_at = []
    real_is_picture = content_files.is_picture
    monkeypatch.setattr(content_files, "is_picture", lambda path: looked_at.append(path) or real_is_picture(path))
    assert content_files.photo_files(preview) == content_files.photo_files(site) != []
    assert not [path for path in looked_at if path.suffix == ".md"]

