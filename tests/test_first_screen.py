"""On a phone's first screen: a compact header, the headline, photo and lead; the front page by pictures.

Chromium at 360×740, 390×844 and 1280×800, on a production build of the
real content, the photo article and the phone-photo article (portrait HEIC).
"""

import shutil

import pytest
from playwright.sync_api import expect

from browser import free_port, serve, shift_while_photos_arrive_late
from conftest import ROOT, phone_content, run_pelican
from seed_articles import KOTA_MAGELANG

VIEWPORTS = {"360x740": (360, 740), "390x844": (390, 844), "1280x800": (1280, 800)}
PHONES = ["360x740", "390x844"]
ARTICLES = {
    "long-headline-no-photo": KOTA_MAGELANG.url,
    "landscape-photo": "2024/05/manasik-haji-bergambar/",
    "portrait-heic": "2024/06/jamaah-usia-60-lansia-wajib-manasik/",
}
WITH_PHOTOS = {"Calon Jemaah Kab. Wonosobo Ikuti Manasik Haji Bergambar", "Jamaah Usia < 60 & “Lansia” Wajib Manasik"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    content = phone_content(tmp_path_factory)
    shutil.copytree(ROOT / "tests" / "photo_content", content, dirs_exist_ok=True)
    port = free_port()
    output = run_pelican("publishconf.py", tmp_path_factory.mktemp("layar"), content=content,
                         env={"SITEURL": f"http://127.0.0.1:{port}"})
    with serve(output, port) as url:
        yield url


def open_page(browser, size, url, **options):
    width, height = VIEWPORTS[size]
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("size", PHONES)
def test_the_header_is_one_compact_bar(browser, served, size):
    context, page = open_page(browser, size, served + "/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 64
    for control in (page.get_by_role("link", name="Cari"), page.locator(".site-menu summary")):
        box = control.bounding_box()
        assert box and box["y"] + box["height"] <= 64 and box["height"] >= 44
    context.close()


@pytest.mark.parametrize("size", PHONES + ["1280x800"])
@pytest.mark.parametrize("kind", list(ARTICLES))
def test_headline_photo_and_lead_are_on_the_first_screen(browser, served, size, kind):
    context, page = open_page(browser, size, f"{served}/{ARTICLES[kind]}")
    height = VIEWPORTS[size][1]
    headline = page.locator("h1").bounding_box()
    lead = page.locator(".article-body p").first.bounding_box()
    assert headline["y"] < lead["y"] < height - 24  # at least the lead's first line shows
    if kind != "long-headline-no-photo":
        photo = page.locator(".featured-photo img").bounding_box()
        assert headline["y"] < photo["y"] < lead["y"] and photo["y"] + photo["height"] <= lead["y"]
    credit = page.locator(".article-credit").bounding_box()
    assert credit["y"] < lead["y"]
    offices = page.locator(".offices").bounding_box()
    assert offices["y"] > lead["y"]  # the office chips come after the text
    context.close()


@pytest.mark.parametrize("size", PHONES)
def test_the_menu_opens_and_closes_without_javascript(browser, served, size):
    context, page = open_page(browser, size, served + "/", java_script_enabled=False)
    menu = page.locator(".site-menu")
    link = menu.get_by_role("link", name="Arsip")
    expect(link).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()  # the wide-screen bar is not shown on phones
    menu.locator("summary").click()
    expect(link).to_be_visible()
    menu.locator("summary").click()
    expect(link).to_be_hidden()
    menu.locator("summary").focus()
    page.keyboard.press("Enter")  # keyboard users open it too
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(f"{served}/arsip/")
    context.close()


def test_wide_screens_show_the_navigation_and_the_search_form(browser, served):
    context, page = open_page(browser, "1280x800", served + "/")
    expect(page.locator(".site-nav").get_by_role("link", name="Arsip")).to_be_visible()
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.locator(".site-search input")).to_be_visible()
    main, side = page.locator(".home-main").bounding_box(), page.locator(".home-side").bounding_box()
    assert side["x"] > main["x"] + main["width"]  # a side column beside the news
    context.close()


def test_article_text_keeps_a_readable_measure(browser, served):
    context, page = open_page(browser, "1280x800", f"{served}/{KOTA_MAGELANG.url}")
    characters_per_line = page.evaluate(
        "(() => { const p = document.querySelector('.article-body p');"
        " const size = parseFloat(getComputedStyle(p).fontSize);"
        " return p.getBoundingClientRect().width / (size * 0.5); })()"
    )
    assert 55 <= characters_per_line <= 85
    context.close()


@pytest.mark.parametrize("size", PHONES + ["1280x800"])
def test_front_page_leads_with_a_photo_and_shows_thumbnails(browser, served, size):
    context, page = open_page(browser, size, served + "/")
    lead = page.locator(".lead-story")
    expect(lead.locator("picture img")).to_be_visible()
    assert lead.locator("picture img").bounding_box()["y"] < VIEWPORTS[size][1]
    assert lead.locator(".lead-title").inner_text() in WITH_PHOTOS
    for card in page.locator(".card-list .card").all():
        title = card.locator(".card-title").inner_text()
        thumbnails = card.locator(".card-photo img")
        if title in WITH_PHOTOS:
            expect(thumbnails).to_have_count(1)
            image = thumbnails.first
            assert image.get_attribute("loading") == "lazy" and image.get_attribute("width") and image.get_attribute("height")
            srcsets = " ".join(source.get_attribute("srcset") for source in card.locator(".card-photo source").all())
            assert ".webp 400w" in srcsets  # the thumbnail's width, not the article's
        else:
            expect(thumbnails).to_have_count(0)  # no placeholder for articles without a photo
    context.close()


@pytest.mark.parametrize("size", PHONES)
def test_search_on_a_phone_shows_one_box_and_the_first_result_on_the_first_screen(browser, served, size):
    context, page = open_page(browser, size, f"{served}/cari/?q=rakor")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    assert page.locator(".pagefind-ui__result").first.bounding_box()["y"] < VIEWPORTS[size][1] - 40
    assert page.locator(".site-search").count() == 0  # not the header's box too
    assert page.locator("input:visible").count() == 1  # Pagefind's box only: the filters are folded
    toggle = page.get_by_role("button", name="Saring")
    expect(page.locator(".pagefind-ui__filter-panel")).to_be_hidden()
    toggle.click()
    expect(page.locator(".pagefind-ui__filter-panel")).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    context.close()


def test_dark_mode_keeps_the_site_readable(browser, served):
    from axe_playwright_python.sync_playwright import Axe

    context, page = open_page(browser, "390x844", f"{served}/{ARTICLES['landscape-photo']}", color_scheme="dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(17, 21, 19)"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(served + "/")
    assert Axe().run(page).violations_count == 0
    context.close()


@pytest.mark.parametrize("path", ["", ARTICLES["landscape-photo"], ARTICLES["portrait-heic"]], ids=["home", "landscape", "portrait"])
def test_nothing_shifts_while_photos_arrive_late(browser, served, path):
    assert shift_while_photos_arrive_late(browser, f"{served}/{path}", {"width": 390, "height": 844}) == 0
