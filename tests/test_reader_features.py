"""Photos, structured data, news sitemap, reading aids, category feeds and delivery."""

import gzip
import hashlib
import json
import shutil
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import brotli
import feedparser
import pytest
from PIL import Image

from conftest import PUBLISH_SITEURL, ROOT, text_of
from seed_articles import KOTA_MAGELANG, WONOSOBO

PHOTO_ARTICLE = "2024/05/manasik-haji-bergambar/"
@pytest.fixture(scope="module")
def photo_page(feature_site):
    return feature_site.soup(PHOTO_ARTICLE)


def widths(srcset: str) -> list[int]:
    return [int(part.split()[1][:-1]) for part in srcset.split(", ")]


def sources(picture) -> dict[str, list[int]]:
    """type -> widths of every <source> of a <picture>."""
    return {source["type"]: widths(source["srcset"]) for source in picture.find_all("source")}


def test_featured_photo_is_a_responsive_eager_figure(photo_page):
    figure = photo_page.select_one("figure.featured-photo")
    image = figure.find("img")
    offered = sources(figure.picture)
    assert offered["image/webp"] == [400, 800, 1200] and set(offered) <= {"image/avif", "image/webp"}
    assert list(offered)[0] == "image/avif" or list(offered) == ["image/webp"]  # the lighter format first
    assert image["src"].endswith("-1200.jpg") and "srcset" not in image.attrs  # one fallback file
    assert (image["width"], image["height"]) == ("1600", "1000")
    assert "loading" not in image.attrs and image["fetchpriority"] == "high"
    assert image["alt"] == "Calon jemaah berpakaian ihram mengelilingi miniatur Ka'bah"
    assert text_of(figure.figcaption) == "Calon jemaah berlatih tawaf di miniatur Ka'bah."


def test_body_image_with_a_title_becomes_a_captioned_lazy_figure(photo_page):
    figure = photo_page.select_one(".article-body figure")
    image = figure.select_one("picture img")
    assert image["loading"] == "lazy" and (image["width"], image["height"]) == ("1600", "1000")
    assert image["alt"] == "Peserta manasik berlatih tawaf" and "title" not in image.attrs
    assert sources(figure.picture)["image/webp"] == [400, 800, 1200]
    assert text_of(figure.figcaption) == "Peserta manasik berlatih tawaf di halaman kantor."


FORMATS = {"image/avif": "AVIF", "image/webp": "WEBP"}


def test_variants_are_written_in_their_formats_and_the_fallback_is_light(feature_site, photo_page):
    picture = photo_page.select_one("figure.featured-photo picture")
    total = 0
    for source in picture.find_all("source"):
        for part in source["srcset"].split(", "):
            url, width = part.split()
            path = feature_site.path(url[len(PUBLISH_SITEURL) + 1:])
            total += path.stat().st_size
            with Image.open(path) as variant:
                assert variant.width == int(width[:-1]) and variant.format == FORMATS[source["type"]]
    fallback = feature_site.path(picture.img["src"][len(PUBLISH_SITEURL) + 1:])
    with Image.open(fallback) as variant:
        assert variant.format == "JPEG" and variant.width == 1200
    assert fallback.stat().st_size <= 80_000
    assert total + fallback.stat().st_size <= 200_000  # every variant of this photo, the fallback included


def test_featured_photo_is_the_preview_image(feature_site, photo_page):
    og_image = photo_page.find("meta", property="og:image")["content"]
    assert og_image == photo_page.select_one("figure.featured-photo img")["src"]  # the fallback JPEG
    assert og_image.startswith(f"{PUBLISH_SITEURL}/images/varian/manasik-") and og_image.endswith("-1200.jpg")
    assert photo_page.find("meta", property="og:image:width")["content"] == "1200"
    assert photo_page.find("meta", property="og:image:type")["content"] == "image/jpeg"
    assert not list(feature_site.root.glob("kartu/manasik-haji-bergambar-*"))


def json_ld(page):
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def test_news_article_json_ld(site):
    news, trail = json_ld(site.soup(WONOSOBO.url))
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == WONOSOBO.title
    assert news["datePublished"] == news["dateModified"] == WONOSOBO.iso
    assert news["inLanguage"] == "id" and news["articleSection"] == "Haji dan Umrah"
    assert news["mainEntityOfPage"]["@id"] == f"{PUBLISH_SITEURL}/{WONOSOBO.url}"
    assert news["image"][0].startswith(f"{PUBLISH_SITEURL}/kartu/")
    assert news["author"][0]["@type"] == "GovernmentOrganization"
    assert news["author"][0]["name"] == "Kantor Kementerian Agama Kabupaten Wonosobo"
    assert news["creditText"] == "ps-ws"
    assert [o["alternateName"] for o in news["about"]][3] == "Kankemenag Kab. Wonosobo"
    assert len(news["about"]) == 6 and {o["@type"] for o in news["about"]} == {"GovernmentOrganization"}
    logo = news["publisher"]["logo"]["url"]
    assert site.path(logo[len(PUBLISH_SITEURL) + 1:]).is_file()
    assert [(item["position"], item["name"]) for item in trail["itemListElement"]] == [
        (1, "Beranda"), (2, "Haji dan Umrah"), (3, WONOSOBO.title),
    ]


def test_home_page_has_the_organization(site):
    (organization,) = json_ld(site.soup(""))
    assert organization["@type"] == "Organization" and organization["name"] == "Media Center Kankemenag Jawa Tengah"


def test_photo_variants_are_cached(tmp_path, monkeypatch):
    from photos import variants

    source = ROOT / "tests" / "photo_content" / "images" / "manasik.jpg"
    first = variants.photo_variants(source, tmp_path)
    assert sorted((v.mime, v.width) for v in first.variants if v.mime == "image/webp") == [
        ("image/webp", 400), ("image/webp", 800), ("image/webp", 1200)]
    assert [v.mime for v in first.variants].count("image/jpeg") == 1
    variants._photo.cache_clear()
    monkeypatch.setattr(Image.Image, "resize", lambda *a, **k: pytest.fail("resized again"))
    assert variants.photo_variants(source, tmp_path) == first


def test_news_sitemap_lists_only_the_last_two_days(feature_site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    tree = ElementTree.parse(feature_site.path("news-sitemap.xml"))
    urls = tree.findall("s:url", namespace)
    assert [u.find("n:news/n:title", namespace).text for u in urls] == ["Berita kemarin"]
    assert urls[0].find("n:news/n:publication/n:language", namespace).text == "id"
    assert urls[0].find("n:news/n:publication/n:name", namespace).text == "Media Center Kankemenag Jawa Tengah"
    assert urls[0].find("n:news/n:publication_date", namespace).text.endswith("+07:00")
    robots = feature_site.path("robots.txt").read_text().splitlines()
    assert f"Sitemap: {PUBLISH_SITEURL}/sitemap.xml" in robots and f"Sitemap: {PUBLISH_SITEURL}/news-sitemap.xml" in robots


def test_news_sitemap_window_and_limit():
    from types import SimpleNamespace

    from structured_data.news_sitemap import LIMIT, recent

    now = datetime(2024, 5, 3, 12, tzinfo=ZoneInfo("Asia/Jakarta"))
    articles = [SimpleNamespace(date=now - timedelta(minutes=i)) for i in range(LIMIT + 5)]
    articles.append(SimpleNamespace(date=now - timedelta(days=2, seconds=1)))
    chosen = recent(articles[::-1])
    assert len(chosen) == LIMIT and chosen[0].date == now and chosen[-1].date == now - timedelta(minutes=LIMIT - 1)
    # The window ends at the newest article, whatever the clock says.
    old = [SimpleNamespace(date=now - timedelta(days=400, hours=hours)) for hours in (0, 47, 49)]
    assert [article.date for article in recent(old)] == [old[0].date, old[1].date] and recent([]) == []


def test_reading_time_and_neighbours(site):
    from reading_aids.aids import reading_minutes

    assert reading_minutes("kata " * 200) == 1 and reading_minutes("kata " * 201) == 2
    newer = site.soup(KOTA_MAGELANG.url)
    assert text_of(newer.select_one(".reading-time")) == "2 menit baca"
    nav = newer.select_one("nav.article-nav")
    assert nav.find("a", rel="prev")["href"] == f"{PUBLISH_SITEURL}/{WONOSOBO.url}" and not nav.find("a", rel="next")
    older = site.soup(WONOSOBO.url).select_one("nav.article-nav")
    assert older.find("a", rel="next")["href"] == f"{PUBLISH_SITEURL}/{KOTA_MAGELANG.url}"


def test_category_feed(site):
    page = site.soup("kategori/haji-dan-umrah/")
    href = page.find("link", rel="alternate", title=lambda t: t and "Haji dan Umrah" in t)["href"]
    assert href == f"{PUBLISH_SITEURL}/kategori/haji-dan-umrah/feed/atom.xml"
    feed = feedparser.parse(site.path("kategori/haji-dan-umrah/feed/atom.xml").read_bytes())
    assert [e.title for e in feed.entries] == [KOTA_MAGELANG.title, WONOSOBO.title]


@pytest.mark.parametrize("path", ["", KOTA_MAGELANG.url, "sitemap.xml", "feed/atom.xml", "css/main.css", "js/share.js"])
def test_precompressed_files_decompress_to_the_file(site, path):
    if path.startswith(("css/", "js/")):
        path = site.asset(path)
    original = site.path(path)
    data = original.read_bytes()
    assert gzip.decompress(original.with_name(original.name + ".gz").read_bytes()) == data
    assert brotli.decompress(original.with_name(original.name + ".br").read_bytes()) == data


def test_assets_are_minified_and_named_by_their_content(site):
    for relative in ("css/main.css", "js/share.js", "js/search.js"):
        published = site.path(site.asset(relative))
        data = published.read_bytes()
        source = (ROOT / "theme" / "static" / relative).read_bytes()
        assert len(data) < len(source) * 0.85
        assert hashlib.sha256(data).hexdigest()[:10] in published.name
    assert "/*" not in site.path(site.asset("css/main.css")).read_text()


def test_preview_build_is_not_precompressed(preview_site):
    assert not list(preview_site.root.rglob("*.gz"))
