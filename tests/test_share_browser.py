"""The share bar in a real browser: print, copy link, native share, no third-party requests."""

import re
from urllib.parse import urlsplit

import pytest

from seed_articles import KOTA_MAGELANG, WONOSOBO


@pytest.fixture
def article_url(served_site):
    return f"{served_site}/{KOTA_MAGELANG.url}"


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def test_loading_an_article_requests_nothing_from_other_hosts(context, served_site):
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for seed in (KOTA_MAGELANG, WONOSOBO):
        page.goto(f"{served_site}/{seed.url}", wait_until="networkidle")
    own_host = urlsplit(served_site).netloc
    assert requested, "the page loaded something"
    assert {urlsplit(url).netloc for url in requested} == {own_host}
    assert any(re.search(r"/theme/js/share\.[0-9a-f]{10}\.js$", url) for url in requested)


def test_print_button_calls_window_print(context, article_url):
    context.add_init_script("window.__printed = 0; window.print = function () { window.__printed += 1; };")
    page = context.new_page()
    page.goto(article_url)
    button = page.locator(".share-bar-top .share-print")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1


def test_copy_link_copies_the_article_url_and_confirms(context, article_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(article_url)
    page.locator(".article-footer .share-copy-link").click()
    status = page.locator(".article-footer .share-status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Tautan berita disalin."
    assert page.evaluate("navigator.clipboard.readText()") == article_url


def test_native_share_button_passes_title_and_url(context, article_url):
    context.add_init_script("navigator.share = function (data) { window.__shared = data; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(article_url)
    page.locator(".share-bar-top .share-native-share").click()
    assert page.evaluate("window.__shared") == {"title": KOTA_MAGELANG.title, "url": article_url}


def test_without_native_share_the_button_stays_hidden(context, article_url):
    context.add_init_script("delete Navigator.prototype.share;")
    page = context.new_page()
    page.goto(article_url)
    assert page.locator(".share-native-share").first.is_hidden()


def test_without_javascript_only_plain_links_show(browser, article_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(article_url)
    bar = page.locator(".share-bar-top")
    assert bar.locator("a:visible").count() == 5
    assert bar.locator("button:visible").count() == 0
    context.close()


def test_share_targets_are_large_enough_to_touch(browser, article_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(article_url)
    for box in [b.bounding_box() for b in page.locator(".share-bar-top .share-button:visible").all()]:
        assert box["width"] >= 44 and box["height"] >= 44
    context.close()


def test_print_layout_keeps_the_article_and_drops_the_chrome(context, article_url):
    page = context.new_page()
    page.goto(article_url)
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".share-bar", ".site-footer"):
        assert page.locator(hidden).first.is_hidden()
    for shown in ("h1", ".article-meta", ".article-credit", ".article-body", ".print-only"):
        assert page.locator(shown).first.is_visible()
