"""The web editor on a generated archive (issue #22): one collection per office, newest first, the office used last.

A corpus of 240 articles over ten years (benchmarks/corpus.py, in the offices' folders as `invoke new` and the
import write them), this week's article and an old draft of Kab. Wonosobo, in Chromium on a pinned clock.
"""

from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from benchmarks.corpus import generate
from conftest import ROOT
from content_checks.placement import placement_findings
from content_checks.source import parse_source
from office_tags.registry import load_registry
from site_copy import copy_project
from test_web_editor_browser import (
    MAGELANG, WONOSOBO, editing, editor_page, fill_article, open_editor, open_new_article, open_office, publish_now,
)

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
WIB = ZoneInfo("Asia/Jakarta")
THIS_WEEK = datetime(2026, 12, 7, 10, 0, tzinfo=WIB)  # a Monday morning; the archive's newest article is Saturday's
NEWEST_TITLE = "Manasik Akbar Kab. Wonosobo Pekan Ini"
DRAFT_TITLE = "Draf Lama Wonosobo yang Belum Terbit"
ARTICLE = """Title: {title}
Date: {date}
{status}Category: Haji dan Umrah
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Summary: Berita uji arsip editor web.

Wonosobo – Isi berita uji.
"""


def header_values(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def office_articles(project: Path, code: str) -> list[dict[str, str]]:
    """The headers of an office's articles, newest first (by Date, as the list sorts them)."""
    found = [header_values(path) for path in (project / "content" / "articles" / code).rglob("*.md")]
    return sorted(found, key=lambda values: values["Date"], reverse=True)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("arsip")
    content = generate(base / "konten", 240)
    wonosobo = content / "articles" / "kab-wonosobo"
    (wonosobo / "2026").mkdir(parents=True, exist_ok=True)
    (wonosobo / "2026" / "2026-12-05-manasik-akbar.md").write_text(
        ARTICLE.format(title=NEWEST_TITLE, date="2026-12-05 08:00", status=""), encoding="utf-8")
    (wonosobo / "2020").mkdir(exist_ok=True)
    (wonosobo / "2020" / "2020-01-02-draf-lama.md").write_text(
        ARTICLE.format(title=DRAFT_TITLE, date="2020-01-02 08:00", status="Status: draft\n"), encoding="utf-8")
    project = copy_project(base / "situs", content)
    with editing(project, built_from=ROOT / "content") as url:  # the archive is the proxy's; the page is the same
        yield project, url


@pytest.fixture
def page(browser, archive):
    with editor_page(browser, archive[1], THIS_WEEK) as page:
        yield page


def cards(page, collection_name: str):
    return page.locator(f'a[href*="#/collections/{collection_name}/entries/"]')


def test_each_office_lists_only_its_own_articles_newest_first(page, archive):
    project, _ = archive
    for label, code in ((WONOSOBO, "kab-wonosobo"), (MAGELANG, "kota-magelang")):
        articles = office_articles(project, code)
        assert len(articles) > 3
        open_office(page, label)
        listed = cards(page, f"berita-{code}")
        expect(listed.first).to_contain_text(f"{articles[0]['Date']} · {articles[0]['Title']}")
        expect(listed).to_have_count(len(articles))  # every file of the office's folder, nothing else
        assert page.locator('a[href*="/entries/"]').count() == len(articles)
        shown = [text.split(" · ", 1)[1] for text in listed.all_inner_texts()]
        assert shown == [values["Title"] for values in articles]  # by Date, newest first
    assert office_articles(project, "kab-wonosobo")[0]["Title"] == NEWEST_TITLE


def test_admin_opens_the_office_used_last_with_this_weeks_news_first(page, archive):
    _, url = archive
    expect(page).to_have_url(f"{url}#/collections/halaman")  # a first visit: the light pages list
    open_office(page, WONOSOBO)
    page.goto(url)  # the next visit to /admin/
    expect(page).to_have_url(f"{url}#/collections/berita-kab-wonosobo")
    expect(cards(page, "berita-kab-wonosobo").first).to_contain_text(f"2026-12-05 08:00 · {NEWEST_TITLE}")
    page.goto(f"{url}#/collections/berita-kota-magelang")  # an address of its own is kept
    expect(cards(page, "berita-kota-magelang").first).to_be_visible()
    expect(page).to_have_url(f"{url}#/collections/berita-kota-magelang")


def test_a_list_sorts_by_title_and_filters_by_status(page, archive):
    project, _ = archive
    articles = office_articles(project, "kab-wonosobo")
    open_office(page, WONOSOBO)
    listed = cards(page, "berita-kab-wonosobo")
    expect(listed.first).to_contain_text(NEWEST_TITLE)
    page.get_by_text("Urutkan menurut", exact=True).click()
    expect(page.get_by_role("menuitem")).to_have_text(["Tanggal", "Judul", "Diperbarui"])
    page.get_by_role("menuitem", name="Judul").click()
    expect(listed.first).to_contain_text(min(values["Title"] for values in articles))
    page.get_by_text("Saring menurut", exact=True).click()
    page.get_by_role("menuitem", name="Draf").click()
    expect(listed).to_have_count(1)
    expect(listed.first).to_contain_text(DRAFT_TITLE)
    page.get_by_role("menuitem", name="Draf").click()  # off again
    page.get_by_role("menuitem", name="Terbit").click()
    expect(listed).to_have_count(len(articles) - 1)  # a file without Status is published


def test_search_in_an_office_finds_its_oldest_article(page, archive):
    project, url = archive
    oldest = office_articles(project, "kab-wonosobo")[-1]
    assert oldest["Date"] < "2017"
    open_office(page, WONOSOBO)
    expect(cards(page, "berita-kab-wonosobo").first).to_be_visible()
    search = page.get_by_placeholder("Cari di koleksi yang terbuka")
    search.fill(oldest["Title"])
    search.press("Enter")  # within the open office's collection, not all 36
    expect(page).to_have_url(f"{url}#/collections/berita-kab-wonosobo/search/{oldest['Title']}".replace(" ", "%20"))
    expect(page.get_by_text(oldest["Title"]).first).to_be_visible()


def test_an_article_begun_at_0030_wib_on_new_years_day_goes_with_the_new_years_articles(browser, archive):
    """The browser's own clock (UTC) still says 31 December; the file goes to the office's 2027 folder and the
    list shows it first."""
    project, url = archive
    now = datetime(2027, 1, 1, 0, 30, tzinfo=WIB)
    context, page = open_editor(browser, url, now, "UTC")
    try:
        open_new_article(page, WONOSOBO)
        expect(page.get_by_label("Tanggal dan jam (WIB)", exact=True)).to_have_value("2027-01-01T00:30")
        fill_article(page, "Pelepasan Jemaah Tahun Baru", status="Terbit", date=None)
        publish_now(page)
        written = project / "content/articles/kab-wonosobo/2027/2027-01-01-pelepasan-jemaah-tahun-baru.md"
        values = header_values(written)
        assert (values["Date"], values["Reporting_office"]) == ("2027-01-01 00:30", "kab-wonosobo")
        source = parse_source(str(written), written.read_text(encoding="utf-8"))
        relative = PurePosixPath(written.relative_to(project / "content" / "articles").as_posix())
        assert placement_findings(source, relative, "content/articles", REGISTRY, "Asia/Jakarta") == []
        listing = context.new_page()  # the entry's page may hold Decap's "leave without saving?" prompt
        listing.goto(f"{url}#/collections/berita-kab-wonosobo")
        expect(cards(listing, "berita-kab-wonosobo").first).to_contain_text("2027-01-01 00:30 · Pelepasan Jemaah Tahun Baru")
    finally:
        context.close()
    assert page.errors == [], page.errors
