"""Feeds (read with feedparser), sitemap, robots.txt and absolute URLs in production."""

import xml.etree.ElementTree as ElementTree
from calendar import timegm
from datetime import datetime, timezone
from urllib.parse import urlparse

import feedparser
import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed

from conftest import PUBLISH_SITEURL
from feeds.handlers import mark_feed
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


def rss_feeds(site):
    """Every RSS feed of a build: each XML file whose root element is <rss>."""
    return [path for path in sorted(site.root.rglob("*.xml")) if ElementTree.parse(path).getroot().tag == "rss"]


def test_every_rss_guid_is_a_link_or_says_it_is_not(site):
    """RSS reads a <guid> without isPermaLink as a link to open; the W3C Feed Validator rejects a tag: id there."""
    feeds = rss_feeds(site)
    assert site.path("feed/rss.xml") in feeds
    for path in feeds:
        items = ElementTree.parse(path).findall("channel/item")
        assert items, path
        for item in items:
            guid = item.find("guid")
            assert guid is not None and guid.text, (path, item.findtext("link"))
            url = urlparse(guid.text)
            is_url = url.scheme in ("http", "https") and bool(url.netloc)
            assert guid.get("isPermaLink") == "false" or (is_url and guid.get("isPermaLink", "true") == "true"), (
                path, guid.text, guid.attrib,
            )
    # The ids themselves are unchanged (readers would see every item as new):
    # the tag: URIs Pelican gives, the same as the Atom feed's.
    rss = {item.findtext("link"): item.findtext("guid") for item in ElementTree.parse(site.path("feed/rss.xml")).findall("channel/item")}
    atom = {entry.link: entry.id for entry in feedparser.parse(site.path("feed/atom.xml").read_bytes()).entries}
    assert rss == atom
    assert all(guid.startswith("tag:") for guid in rss.values())


def feed_with_items(feed_class):
    feed = feed_class(title="Uji", link="https://contoh.test/", description="Uji")
    for unique_id, is_permalink in (
        ("tag:contoh.test,2022-08-23:/2022/08/a/", None),
        ("https://contoh.test/2022/08/b/", None),
        ("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", True),  # a choice made elsewhere is kept
        ("//contoh.test/2022/08/c/", None),  # no scheme: not an absolute URL
        (None, None),
    ):
        feed.add_item(
            title="Berita", link="https://contoh.test/", description="Isi",
            pubdate=datetime(2022, 8, 23, 8, 0, tzinfo=timezone.utc),
            unique_id=unique_id, unique_id_is_permalink=is_permalink,
        )
    return feed


def test_rss_ids_that_are_not_links_get_is_permalink_false():
    feed = feed_with_items(Rss201rev2Feed)
    mark_feed({}, feed=feed)
    items = ElementTree.fromstring(feed.writeString("utf-8")).findall("channel/item")
    assert [(item.findtext("guid"), item.find("guid").attrib if item.find("guid") is not None else None) for item in items] == [
        ("tag:contoh.test,2022-08-23:/2022/08/a/", {"isPermaLink": "false"}),
        ("https://contoh.test/2022/08/b/", {}),
        ("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", {"isPermaLink": "true"}),
        ("//contoh.test/2022/08/c/", {"isPermaLink": "false"}),
        (None, None),
    ]


def test_atom_feeds_are_left_as_they_are():
    feed, untouched = feed_with_items(Atom1Feed), feed_with_items(Atom1Feed)
    mark_feed({}, feed=feed)
    assert feed.items == untouched.items
    assert feed.writeString("utf-8") == untouched.writeString("utf-8")


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
