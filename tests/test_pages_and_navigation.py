"""Theme structure: language, landmarks, navigation, listings, pages, 404."""

from urllib.parse import urlparse

import pytest

from conftest import PUBLISH_SITEURL, text_of
from seed_articles import KOTA_MAGELANG, WONOSOBO

NAV_LABELS = ["Beranda", "Haji dan Umrah", "Kantor", "Arsip", "Kontak", "Tentang Kami"]


def test_every_page_is_indonesian_with_landmarks_and_skip_link(site):
    for path in site.reader_pages():
        page = site.soup(str(path.relative_to(site.root)))
        assert page.html["lang"] == "id", path
        assert page.find("meta", attrs={"name": "viewport"}), path
        skip = page.select_one("a.skip-link")
        assert skip and page.find(id=skip["href"].lstrip("#")).name == "main", path
        assert page.find("header") and page.find("nav") and page.find("footer"), path
        assert len(page.find_all("h1")) == 1, path


def test_navigation_links(site):
    nav = site.soup("").find("nav", attrs={"aria-label": "Menu utama"})
    assert [text_of(a) for a in nav.find_all("a")] == NAV_LABELS
    assert nav.find("a", string="Beranda")["aria-current"] == "page"


@pytest.mark.parametrize(
    "path, label",
    [("arsip/", "Arsip"), ("kontak/", "Kontak"), ("kategori/haji-dan-umrah/", "Haji dan Umrah"), ("kantor/", "Kantor")],
)
def test_navigation_marks_the_current_page(site, path, label):
    nav = site.soup(path).find("nav", attrs={"aria-label": "Menu utama"})
    current = nav.find_all("a", attrs={"aria-current": "page"})
    assert [text_of(a) for a in current] == [label]


def test_home_lists_latest_news_newest_first(site):
    cards = site.soup("").select(".card")  # no article has a photo: no lead story, all are cards
    assert [text_of(c.select_one(".card-title")) for c in cards] == [KOTA_MAGELANG.title, WONOSOBO.title]
    assert all(c.select_one(".card-summary").get_text(strip=True) for c in cards)
    assert cards[0].select_one(".card-title a")["href"] == f"{PUBLISH_SITEURL}/{KOTA_MAGELANG.url}"
    assert not site.soup("").select(".lead-story, .card-photo")


def test_pagination_on_category(paged_site):
    nav = paged_site.soup("kategori/haji-dan-umrah/").select_one("nav.pagination")
    assert text_of(nav.find("a", rel="next")) == "Lebih lama →"  # the home page's: tests/test_stable_lists.py
    assert paged_site.path("kategori/haji-dan-umrah/halaman/1/").is_file()
    assert paged_site.path("kategori/haji-dan-umrah/halaman/2/").is_file()


def test_category_tag_and_index_pages(site):
    category = site.soup("kategori/haji-dan-umrah/")
    assert "Haji dan Umrah" in text_of(category.h1)
    assert len(category.select(".card")) == 2
    tag = site.soup("tag/plhut/")
    assert [text_of(c.h2) for c in tag.select(".card")] == [KOTA_MAGELANG.title]
    tags = text_of(site.soup("tag/").select_one(".taxonomy-index"))
    assert "Rakor (2 berita)" in tags and "PLHUT (1 berita)" in tags


def test_archive_by_year_and_month_with_counts(site):
    archive = site.soup("arsip/")
    years = [text_of(h) for h in archive.select(".archive-year h2")]
    assert years == ["2022 (1 berita)", "2021 (1 berita)"]
    months = [text_of(li) for li in archive.select(".archive-months li")]
    assert months == ["Agustus (1 berita)", "Juni (1 berita)"]
    assert [text_of(c.h2) for c in site.soup("2021/06/").select(".card")] == [WONOSOBO.title]
    assert archive.select(".archive-months a")[0]["href"].endswith("/2022/08/")
    assert not site.path("2021/").exists(), "years are sections of /arsip/, not pages"


@pytest.mark.parametrize("slug, title", [("tentang-kami", "Tentang Kami"), ("kontak", "Kontak")])
def test_static_pages(site, slug, title):
    page = site.soup(f"{slug}/")
    assert text_of(page.h1) == title
    assert len(text_of(page.select_one(".article-body"))) > 200


def test_404_page_works_from_any_path(site):
    page = site.soup("404.html")
    assert text_of(page.h1) == "Halaman tidak ditemukan"
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet == f"{PUBLISH_SITEURL}/{site.asset('css/main.css')}"
    assert page.find("a", string="Kembali ke beranda")["href"] == f"{PUBLISH_SITEURL}/"


def test_404_page_uses_absolute_links_in_preview_too(preview_site):
    stylesheet = preview_site.soup("404.html").find("link", rel="stylesheet")["href"]
    assert urlparse(stylesheet).scheme == "http"


def test_no_resource_from_another_host(site):
    for path in site.html_files():
        page = site.soup(str(path.relative_to(site.root)))
        for element in page.find_all(["script", "link", "img", "iframe", "source"]):
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            url = element.get("src") or element.get("href") or ""
            assert url.startswith(PUBLISH_SITEURL) or not urlparse(url).netloc, (path, url)


def test_stylesheet_is_small_and_uses_system_fonts(site):
    css = site.path(site.asset("css/main.css")).read_text()
    assert len(css.encode()) < 12_000
    assert "@font-face" not in css and "@import" not in css
    assert "system-ui" in css and "@media print" in css
