"""Office tags on the built site: badges, /kantor/, office and region pages, feeds, errors."""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest

from conftest import PUBLISH_SITEURL, ROOT, run_pelican, site_settings, text_of
from seed_articles import KOTA_MAGELANG, SEEDS_PUBLISHED, WONOSOBO

KEDU_SHORT = [
    "Kankemenag Kab. Magelang", "Kankemenag Kota Magelang", "Kankemenag Kab. Temanggung",
    "Kankemenag Kab. Wonosobo", "Kankemenag Kab. Purworejo", "Kankemenag Kab. Kebumen",
]
ROLES = {
    KOTA_MAGELANG.url: {"Kankemenag Kab. Purworejo": ["Tuan rumah"], "Kankemenag Kota Magelang": ["Liputan"]},
    WONOSOBO.url: {"Kankemenag Kab. Purworejo": ["Tuan rumah"], "Kankemenag Kab. Wonosobo": ["Liputan"]},
}


@pytest.mark.parametrize("seed", SEEDS_PUBLISHED, ids=lambda s: s.source)
def test_seed_articles_link_their_six_offices_with_roles(site, seed):
    items = site.soup(seed.url).select(".office-list li")
    assert [text_of(li.a) for li in items] == KEDU_SHORT
    for li in items:
        assert li.a["href"].startswith(f"{PUBLISH_SITEURL}/kantor/")
        roles = [text_of(role) for role in li.select(".office-role")]
        assert roles == ROLES[seed.url].get(text_of(li.a), [])


def test_office_index_lists_all_36_offices_grouped_by_residency(site):
    page = site.soup("kantor/")
    groups = page.select(".office-group")
    assert [text_of(g.h2).rsplit(" (", 1)[0] for g in groups] == [
        "Provinsi Jawa Tengah", "Eks Karesidenan Semarang", "Eks Karesidenan Pati",
        "Eks Karesidenan Pekalongan", "Eks Karesidenan Banyumas", "Eks Karesidenan Kedu",
        "Eks Karesidenan Surakarta",
    ]
    assert len(page.select(".office-index li")) == 36
    kedu = page.find(id="wilayah-kedu").find_parent("section")
    assert [text_of(li) for li in kedu.select("li")] == [f"{name} (2 berita)" for name in KEDU_SHORT]
    assert all(li.a for li in kedu.select("li"))
    pati = page.find(id="wilayah-pati").find_parent("section")
    assert "Kankemenag Kab. Pati (0 berita)" in [text_of(li) for li in pati.select("li")]
    assert not pati.select("a"), "offices without news are listed but not linked"


def test_office_page_lists_its_articles_newest_first_with_its_feed(site):
    page = site.soup("kantor/kab-wonosobo/")
    assert text_of(page.h1) == "Kantor Kementerian Agama Kabupaten Wonosobo"
    assert [text_of(c.h2) for c in page.select(".card")] == [KOTA_MAGELANG.title, WONOSOBO.title]
    assert "Eks Karesidenan Kedu" in text_of(page.select_one(".listing-meta"))
    feed_link = page.find("link", rel="alternate", type="application/atom+xml", title=lambda t: "Wonosobo" in t)
    assert feed_link["href"] == f"{PUBLISH_SITEURL}/kantor/kab-wonosobo/feed/atom.xml"


def test_only_offices_and_regions_with_news_get_pages(site):
    for code in ("kab-magelang", "kota-magelang", "kab-temanggung", "kab-wonosobo", "kab-purworejo", "kab-kebumen"):
        assert site.path(f"kantor/{code}/").is_file() and site.path(f"kantor/{code}/feed/atom.xml").is_file()
    assert not site.path("kantor/kab-pati/").exists()
    assert not site.path("wilayah/pati/").exists()
    assert site.path("wilayah/kedu/").is_file()


def test_region_page_has_the_articles_of_all_its_offices(site):
    page = site.soup("wilayah/kedu/")
    assert "Eks Karesidenan Kedu" in text_of(page.h1)
    assert [text_of(li) for li in page.select(".office-chips li")] == KEDU_SHORT
    assert len(page.select(".card")) == 2


@pytest.mark.parametrize("path", ["kantor/kota-magelang/feed/atom.xml", "wilayah/kedu/feed/atom.xml"])
def test_office_and_region_feeds(site, path):
    feed = feedparser.parse(site.path(path).read_bytes())
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [f"{PUBLISH_SITEURL}/{KOTA_MAGELANG.url}", f"{PUBLISH_SITEURL}/{WONOSOBO.url}"]
    assert "Kankemenag Kota Magelang" in feed.feed.title or "Kedu" in feed.feed.title


def test_office_pages_are_in_the_sitemap(site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ElementTree.parse(site.path("sitemap.xml")).findall("s:url/s:loc", namespace)}
    assert f"{PUBLISH_SITEURL}/kantor/kab-wonosobo/" in locations
    assert f"{PUBLISH_SITEURL}/kantor/" in locations
    assert f"{PUBLISH_SITEURL}/wilayah/kedu/" in locations
    assert f"{PUBLISH_SITEURL}/wilayah/jawa-tengah/" not in locations, "the province's page would repeat the home page"


def test_office_pages_paginate(paged_site):
    nav = paged_site.soup("kantor/kab-wonosobo/").select_one("nav.pagination")
    assert nav.find("a", rel="next")["href"] == "../../kantor/kab-wonosobo/halaman/1/"  # numbered from the oldest
    assert paged_site.path("kantor/kab-wonosobo/halaman/1/").is_file()


def test_related_news_at_the_end_of_each_article(site):
    page = site.soup(KOTA_MAGELANG.url)
    related = page.select_one("section.related")
    assert text_of(related.h2) == "Berita terkait"
    assert [text_of(h) for h in related.select(".card-title")] == [WONOSOBO.title]


def test_share_card_names_the_offices(site):
    image = site.soup(WONOSOBO.url).find("meta", property="og:image")["content"]
    other = site.soup(KOTA_MAGELANG.url).find("meta", property="og:image")["content"]
    assert image != other


def test_misspelt_office_stops_the_build_with_a_helpful_message(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = next((content / "articles" / "kab-wonosobo" / "2021").glob("*.md"))
    source.write_text(source.read_text().replace("Offices: kedu", "Offices: kedu, Kab. Magelng"))
    output = tmp_path / "output"
    with pytest.raises(pytest.fail.Exception) as failure:
        run_pelican("pelicanconf.py", output, content=content)
    message = " ".join(str(failure.value).split())
    assert f"{source.name}:6: GALAT: kolom Offices: kantor 'Kab. Magelng' tidak dikenal." in message
    assert "Mungkin maksud Anda kab-magelang (Kankemenag Kab. Magelang)" in message
    assert not (output / "kantor" / "kab-magelng").exists()


def test_mentions_task_finds_nothing_missing_in_the_seeds():
    result = subprocess.run([sys.executable, "-m", "invoke", "mentions"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "Semua kantor yang disebut dalam berita sudah ditandai."


def test_mention_report_suggests_untagged_offices_and_changes_nothing(tmp_path):
    from editorial.mentions_report import format_report, untagged_report

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = next((content / "articles" / "kab-wonosobo" / "2021").glob("*.md"))
    before = source.read_text().replace("Offices: kedu", "Offices: kab-wonosobo")
    source.write_text(before)
    settings = site_settings(content)
    report = format_report(untagged_report(settings))
    assert report.splitlines()[1] == (
        f"- {os.path.relpath(source)}: "
        "kab-magelang (Kankemenag Kab. Magelang), kota-magelang (Kankemenag Kota Magelang), "
        "kab-temanggung (Kankemenag Kab. Temanggung), kab-kebumen (Kankemenag Kab. Kebumen)"
    )
    assert source.read_text() == before
