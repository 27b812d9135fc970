"""Feeds (read with feedparser), sitemap, robots.txt and absolute URLs in production."""

import xml.etree.ElementTree as ElementTree
from calendar import timegm
from datetime import datetime, timezone
from urllib.parse import urlparse

import feedparser
import pytest

from conftest import PUBLISH_SITEURL
from seed_articles import KOTA_MAGELANG, SEEDS_PUBLISHED, WONOSOBO

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.parametrize("feed_path", ["feed/atom.xml", "feed/rss.xml"])
def test_feed_lists_articles_with_absolute_links_and_dates(site, feed_path):
    feed = feedparser.parse(site.path(feed_path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.subtitle == "Berita Seksi Penyelenggaraan Haji dan Umrah"
    entries = {entry.link: entry for entry in feed.entries}
    assert set(entries) == {f"{PUBLISH_SITEURL}/{seed.url}" for seed in SEEDS_PUBLISHED}
    first = entries[f"{PUBLISH_SITEURL}/{KOTA_MAGELANG.url}"]
    assert first.title == KOTA_MAGELANG.title
    published = datetime.fromtimestamp(timegm(first.published_parsed), timezone.utc)
    assert published == datetime(2022, 8, 23, 8, 0, tzinfo=timezone.utc)


def test_pages_link_their_feeds(site):
    links = site.soup(WONOSOBO.url).find_all("link", rel="alternate")
    assert {link["href"] for link in links} == {
        f"{PUBLISH_SITEURL}/feed/atom.xml",
        f"{PUBLISH_SITEURL}/feed/rss.xml",
    }


def test_sitemap_lists_articles_and_pages_but_not_404(site):
    tree = ElementTree.parse(site.path("sitemap.xml"))
    locations = {loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)}
    for seed in SEEDS_PUBLISHED:
        assert f"{PUBLISH_SITEURL}/{seed.url}" in locations
    assert f"{PUBLISH_SITEURL}/tentang-kami/" in locations
    assert f"{PUBLISH_SITEURL}/" in locations
    assert not any("404" in loc or "robots" in loc for loc in locations)
    assert all(loc.startswith(PUBLISH_SITEURL + "/") for loc in locations)


def test_robots_txt_points_to_the_sitemap(site):
    robots = site.path("robots.txt").read_text()
    assert "User-agent: *" in robots
    assert f"Sitemap: {PUBLISH_SITEURL}/sitemap.xml" in robots.splitlines()


def test_production_links_are_all_absolute(site):
    for path in site.html_files():
        page = site.soup(str(path.relative_to(site.root)))
        for element in page.find_all(href=True) + page.find_all(src=True):
            url = element.get("href") or element.get("src")
            if url.startswith("#"):
                continue
            assert urlparse(url).scheme in ("http", "https", "mailto"), (path, url)


def test_preview_links_are_relative(preview_site):
    page = preview_site.soup(KOTA_MAGELANG.url)
    assert page.find("link", rel="stylesheet")["href"] == "../../../" + preview_site.asset("css/main.css")
    assert page.find("a", string="Beranda")["href"] == "../../../"
