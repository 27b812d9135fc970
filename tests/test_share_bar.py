"""The share bar and the preview tags on the built site."""

from io import BytesIO
from urllib.parse import quote

import pytest
from PIL import Image

from conftest import PUBLISH_SITEURL, run_pelican, text_of
from seed_articles import SEEDS_PUBLISHED

SEED_BAR = ["facebook", "twitter", "telegram", "whatsapp", "email", "print"]
TARGETS = {
    "facebook": "https://www.facebook.com/sharer/sharer.php?u=",
    "twitter": "https://twitter.com/intent/tweet?text=",
    "telegram": "https://t.me/share/url?url=",
    "whatsapp": "https://wa.me/?text=",
    "email": "mailto:?subject=",
}


@pytest.fixture(params=SEEDS_PUBLISHED, ids=lambda s: s.source)
def article(request, site):
    return request.param, site.soup(request.param.url)


def bar_ids(share_bar):
    return [
        next(c for c in element["class"] if c.startswith("share-") and c != "share-button")[6:]
        for element in share_bar.select(".share-button")
    ]


def test_two_bars_with_the_seed_buttons_in_order(article):
    seed, page = article
    bars = page.select(".share-bar")
    assert len(bars) == 2
    assert page.select_one(".share-bar-top") and page.select_one(".article-footer .share-bar")
    for share_bar in bars:
        assert bar_ids(share_bar)[:6] == SEED_BAR
        assert bar_ids(share_bar)[6:] == ["copy-link", "native-share"]


def test_links_target_the_networks_with_the_canonical_url(article):
    seed, page = article
    canonical = f"{PUBLISH_SITEURL}/{seed.url}"
    encoded = quote(canonical, safe="")
    for network, prefix in TARGETS.items():
        link = page.select_one(f".share-{network}")
        assert link.name == "a"
        assert link["href"].startswith(prefix)
        assert encoded in link["href"]


def test_links_to_other_sites_open_a_new_tab_and_say_so(article):
    seed, page = article
    for network in ("facebook", "twitter", "telegram", "whatsapp"):
        link = page.select_one(f".share-{network}")
        assert link["target"] == "_blank"
        assert set(link["rel"]) == {"noopener", "noreferrer"}
        assert link["aria-label"].endswith("(membuka tab baru)")
    mail = page.select_one(".share-email")
    assert "target" not in mail.attrs and mail["aria-label"] == "Kirim lewat email"


def test_icons_are_inline_svg_from_one_sprite(article):
    seed, page = article
    symbols = {s["id"] for s in page.select("svg.icon-sprite symbol")}
    for use in page.select(".share-button svg use"):
        assert use["href"].lstrip("#") in symbols
    assert not page.select(".share-bar img")


def test_script_buttons_are_hidden_without_javascript(article, site):
    seed, page = article
    for kind, name in (("print", "Cetak berita"), ("copy", "Salin tautan berita"), ("native", "Bagikan lewat aplikasi lain")):
        button = page.select_one(f'.share-bar button[data-share="{kind}"]')
        assert button is not None and button.has_attr("hidden")
        assert button["aria-label"] == name and button["type"] == "button"
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts == [f"{PUBLISH_SITEURL}/{site.asset('js/share.js')}"]
    inline = page.find_all("script", src=False)
    assert inline and all(s["type"] == "application/ld+json" for s in inline), "only data blocks inline"


def test_preview_tags_with_absolute_urls(article, site):
    seed, page = article

    def meta(key):
        tags = page.find_all("meta", attrs={"property": key}) or page.find_all("meta", attrs={"name": key})
        return [t["content"] for t in tags]

    canonical = f"{PUBLISH_SITEURL}/{seed.url}"
    assert page.find("link", rel="canonical")["href"] == canonical
    assert meta("og:url") == [canonical]
    assert meta("og:type") == ["article"] and meta("og:locale") == ["id_ID"]
    assert meta("og:title") == [seed.title]
    assert meta("og:site_name") == ["Media Center Kankemenag Jawa Tengah"]
    assert len(meta("og:description")[0]) > 50
    assert meta("article:published_time") == [seed.iso] == meta("article:modified_time")
    assert meta("article:section") == ["Haji dan Umrah"]
    assert "Seksi PHU" in meta("article:tag")
    assert meta("twitter:card") == ["summary_large_image"]
    assert meta("og:image:width") == ["1200"] and meta("og:image:height") == ["630"]
    assert seed.title in meta("og:image:alt")[0]
    image_url = meta("og:image")[0]
    assert image_url.startswith(PUBLISH_SITEURL + "/kartu/")
    data = site.path(image_url[len(PUBLISH_SITEURL) + 1:]).read_bytes()
    assert len(data) < 300_000
    assert Image.open(BytesIO(data)).size == (1200, 630)


def test_print_only_url_line(article):
    seed, page = article
    assert text_of(page.select_one(".print-only")) == f"Alamat berita: {PUBLISH_SITEURL}/{seed.url}"


def test_print_stylesheet_hides_navigation_share_bar_and_footer(site):
    css = site.path(site.asset("css/main.css")).read_text()
    print_rules = css.split("@media print", 1)[1]
    hidden = print_rules.split("{", 2)[1]
    for selector in (".site-nav", ".site-footer", ".share-bar"):
        assert selector in hidden
    assert ".print-only{display:block" in print_rules


def test_pages_have_preview_tags_but_no_share_bar(site):
    page = site.soup("tentang-kami/")
    assert page.find("meta", attrs={"property": "og:type"})["content"] == "website"
    assert page.find("link", rel="canonical")["href"] == f"{PUBLISH_SITEURL}/tentang-kami/"
    assert not page.select(".share-bar") and not page.find("script")


def test_unknown_network_in_settings_stops_the_build(tmp_path):
    with pytest.raises(pytest.fail.Exception) as failure:
        run_pelican("pelicanconf.py", tmp_path, extra={"SHARE_BUTTONS": ["facebook", "myspace"]})
    message = str(failure.value)
    assert "SHARE_BUTTONS: jaringan 'myspace' tidak dikenal" in message
    assert "facebook, twitter, telegram" in message
