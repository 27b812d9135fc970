"""Drafts and future articles stay unpublished; every metadata value is escaped for its context."""

import json
import shutil
from datetime import datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PUBLISH_SITEURL, ROOT, BuiltSite, run_pelican

TRICKY_TITLE = 'Kuota "Haji" & Biaya <5% Naik'
TRICKY_SUMMARY = 'Ringkasan "biaya" &amp; kuota <5% > 3% -- apa adanya.'
TRICKY_SUMMARY_SHOWN = 'Ringkasan “biaya” &amp; kuota <5% > 3% – apa adanya.'
ARTICLE = """Title: {title}
Date: {date}
Category: Haji dan Umrah
Tags: {tags}
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Slug: {slug}
{extra}Summary: {summary}

Wonosobo – Isi berita {slug}.
"""


@pytest.fixture(scope="module")
def guarded_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("konten") / "content"
    shutil.copytree(ROOT / "content", content)
    now = datetime.now(ZoneInfo("Asia/Jakarta"))
    articles = {
        "draf": dict(title="Berita Draf Rahasia", date="2024-05-02 10:00", extra="Status: draft\n"),
        "masa-depan": dict(title="Berita Masa Depan", date=f"{now + timedelta(days=2):%Y-%m-%d %H:%M}", extra=""),
        "rumit": dict(title=TRICKY_TITLE, date="2024-05-03 10:00", extra=""),
    }
    for slug, values in articles.items():
        (content / "articles" / f"{slug}.md").write_text(ARTICLE.format(
            slug=slug, tags='Kuota & Biaya, "Kutip"', summary=TRICKY_SUMMARY,
            **values,
        ))
    output = tmp_path_factory.mktemp("terbit")
    return BuiltSite(run_pelican("publishconf.py", output, content=content, env={"SITEURL": PUBLISH_SITEURL}))


def all_text(site):
    return "\n".join(p.read_text(errors="replace") for p in site.root.rglob("*") if p.suffix in (".html", ".xml", ".txt"))


def test_drafts_never_reach_the_public_site(guarded_site):
    assert "Berita Draf Rahasia" not in all_text(guarded_site)
    assert not (guarded_site.root / "draf").exists()


def test_future_articles_are_held_back(guarded_site):
    assert "Berita Masa Depan" not in all_text(guarded_site)
    assert not list(guarded_site.root.rglob("masa-depan*"))


@pytest.fixture(scope="module")
def tricky(guarded_site):
    return guarded_site.soup("2024/05/rumit/")


def test_title_is_escaped_in_text_and_attributes(tricky):
    assert tricky.h1.get_text() == 'Kuota “Haji” & Biaya <5% Naik'
    assert tricky.title.get_text().startswith('Kuota “Haji” & Biaya <5% Naik')
    assert tricky.find("meta", property="og:title")["content"] == 'Kuota “Haji” & Biaya <5% Naik'
    assert {m["content"] for m in tricky.find_all("meta", property="article:tag")} == {"Kuota & Biaya", "\"Kutip\""}
    button = tricky.select_one(".share-print")
    assert button["data-title"] == 'Kuota “Haji” & Biaya <5% Naik'


def test_raw_html_never_contains_the_unescaped_title(guarded_site):
    html = guarded_site.path("2024/05/rumit/").read_text()
    assert "<5% Naik" not in html and "&lt;5% Naik" in html


def test_share_links_carry_the_exact_title(tricky):
    href = tricky.select_one(".share-telegram")["href"]
    assert unquote(href.split("text=", 1)[1]) == 'Kuota “Haji” & Biaya <5% Naik'


def test_feed_title_is_exact(guarded_site):
    feed = feedparser.parse(guarded_site.path("feed/atom.xml").read_bytes())
    assert 'Kuota “Haji” & Biaya <5% Naik' in [entry.title for entry in feed.entries]


def test_summary_is_plain_text_shown_as_typed(guarded_site, tricky):
    card = next(c for c in guarded_site.soup("").select(".card") if "Kuota" in c.get_text())
    assert card.select_one(".card-summary").get_text() == TRICKY_SUMMARY_SHOWN
    assert not card.select_one(".card-summary").find(True)
    assert tricky.find("meta", attrs={"name": "description"})["content"] == TRICKY_SUMMARY_SHOWN


def test_every_page_has_a_strict_content_security_policy(guarded_site):
    # The web editor's page has its own policy (tests/test_web_editor.py).
    for path in guarded_site.reader_pages():
        soup = BeautifulSoup(path.read_text(), "html.parser")
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        assert soup.head.find("meta") == soup.find("meta", charset=True)


def test_json_ld_carries_the_exact_title_and_cannot_close_its_script(guarded_site):
    raw = guarded_site.path("2024/05/rumit/").read_text()
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\\u003c5%" in block
    assert json.loads(block)["headline"] == 'Kuota “Haji” & Biaya <5% Naik'
