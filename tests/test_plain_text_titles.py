"""Titles and summaries are plain text: whatever an editor types is shown as typed, everywhere.

Typography aside (curly quotes, en and em dashes, the ellipsis), a `<`, `>`
or `&` and even a literally typed `&amp;` come out exactly as typed in the
page title, headline, lists, feeds, Open Graph, JSON-LD, share links, card
texts and the search index.
"""

import gzip
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from hypothesis import HealthCheck, assume, given, settings as hypothesis_settings, strategies as st
from markupsafe import Markup
from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import read_settings

from conftest import PUBLISH_SITEURL, ROOT, site_settings
from content_checks.rules import HTML_TAG
from plain_text_metadata.reader import PlainTextMarkdownReader
from share_buttons import networks
from share_buttons import share_urls
from page_identity.identity import card_text
from sitelib.text import plain_text
from structured_data.jsonld import script_json

ISSUE_TITLE_SHOWN = "Jamaah Usia < 60 & “Lansia” Wajib Manasik"
PHONE_ARTICLE = "2024/06/jamaah-usia-60-lansia-wajib-manasik/"
TYPOGRAPHY = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "--", "—": "---", "…": "..."}


def as_typed(text: str) -> str:
    """`text` with typographic quotes and dashes back to their keyboard form, white space folded.

    smartypants also reads two apostrophes as a closing double quote and
    ". . ." as an ellipsis; both sides are folded the same way.
    """
    for typographic, typed in TYPOGRAPHY.items():
        text = text.replace(typographic, typed)
    return " ".join(text.replace(". . .", "...").replace("''", '"').split())


@pytest.fixture(scope="module")
def reader_settings():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return {**settings, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}


def read_article(settings, folder: Path, title: str, summary: str, body: str = "Isi.") -> Article:
    """The article as Pelican reads it with our reader and the site's typogrify settings."""
    (folder / "uji.md").write_text(
        f"Title: {title}\nDate: 2024-05-01 09:30\nCategory: Haji dan Umrah\nSlug: uji\nSummary: {summary}\n\n{body}\n",
        encoding="utf-8",
    )
    readers = Readers(settings)
    readers.readers["md"] = PlainTextMarkdownReader(settings)
    return readers.read_file(str(folder), "uji.md", content_class=Article, fmt="md")


# Keyboard text with the characters that used to break titles, entities typed
# literally, Indonesian words and emoji. (Backticks are left out: smartypants
# reads ``this'' as quotes, which is typography too.)
WORDS = st.sampled_from([
    "Jamaah", "Usia", "Lansia", "Manasik", "Kankemenag", "Kab.", "Wonosobo", "PHU", "BPIH", "Jum'at",
    "<", ">", "&", "&amp;", "&lt;", "&#8220;", "&nbsp;", '"', "'", "--", "...", "<5%", "a<b", "x>y",
    "\\", "🕋", "🇮🇩", "2025:", "(Hari/rf)", "—", "“kutip”",
])
TEXTS = st.lists(WORDS | st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ0123456789 <>&;#\"'-.,:!?/()", min_size=1, max_size=8),
                 min_size=1, max_size=12).map(" ".join)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXTS, summary=TEXTS)
def test_every_place_shows_the_title_and_summary_as_typed(reader_settings, tmp_path, title, summary):
    assume(title.strip() and summary.strip() and not HTML_TAG.search(title) and not HTML_TAG.search(summary))
    article = read_article(reader_settings, tmp_path, title, summary)
    shown_title, shown_summary = plain_text(article.title), plain_text(article.summary)
    assert as_typed(shown_title) == as_typed(title)
    assert as_typed(shown_summary) == as_typed(summary)
    # Pelican's feed writer takes the title this way.
    assert Markup(article.title).striptags() == shown_title
    # Share links carry exactly the shown title (and the summary in the mail body).
    chosen = networks.select_networks(networks.DEFAULT_SHARE_BUTTONS, networks.load_registry())
    url = f"{PUBLISH_SITEURL}/2024/05/uji/"
    for button in share_urls.share_buttons(chosen, url, shown_title, shown_summary):
        query = parse_qs(urlsplit(button.href).query)
        if button.id in ("twitter", "telegram"):
            assert query["text"] == [shown_title]
        if button.id == "whatsapp":
            assert query["text"][0].startswith(shown_title)
        if button.id == "email":
            assert query["subject"] == [shown_title] and query["body"][0].startswith(shown_summary)
    # JSON-LD: the same text, and nothing that could end its <script>.
    block = script_json({"headline": shown_title, "description": shown_summary})
    assert "<" not in block and json.loads(block) == {"headline": shown_title, "description": shown_summary}
    # The preview card draws the same headline.
    article.date_text = ""
    assert card_text(reader_settings, article).headline == shown_title


BODY_WORDS = WORDS | st.sampled_from(["*tebal*", "`kode`", "\n\n", "\n\n> kutipan", "[tautan](https://contoh.test/)",
                                       "Kudus -- ", "'kata'", '"kata"', "1990-an"])


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXTS, summary=TEXTS, body=st.lists(BODY_WORDS, min_size=1, max_size=20).map(" ".join))
def test_the_reader_typogrifies_as_pelican_would(reader_settings, tmp_path, title, summary, body):
    """READER_TYPOGRIFY (our reader, before Pelican's cache) gives what Pelican's own TYPOGRIFY pass gives."""
    assume(title.strip() and summary.strip())
    ours = read_article(reader_settings, tmp_path, title, summary, body)
    pelicans = read_article({**reader_settings, "READER_TYPOGRIFY": False, "TYPOGRIFY": True}, tmp_path, title, summary, body)
    assert reader_settings["READER_TYPOGRIFY"] and not reader_settings["TYPOGRIFY"]
    assert (ours.title, ours.summary, ours.content) == (pelicans.title, pelicans.summary, pelicans.content)


def test_typogrify_is_never_applied_twice(reader_settings, tmp_path):
    from plain_text_metadata.typography import DoubleTypogrify

    with pytest.raises(DoubleTypogrify):
        read_article({**reader_settings, "TYPOGRIFY": True}, tmp_path, "Judul", "Ringkasan")


def test_the_issue_title_reads_right(reader_settings, tmp_path):
    article = read_article(reader_settings, tmp_path, 'Jamaah Usia < 60 & "Lansia" Wajib Manasik', "Tanda &amp; diketik apa adanya.")
    assert plain_text(article.title) == ISSUE_TITLE_SHOWN
    assert plain_text(article.summary) == "Tanda &amp; diketik apa adanya."


# The built site: the phone article's title is the issue's, `< 60 &` included.

@pytest.fixture(scope="module")
def site(phone_sites):
    return phone_sites["production"]


@pytest.fixture(scope="module")
def page(site):
    return site.soup(PHONE_ARTICLE)


def test_page_title_headline_and_meta_tags(page):
    assert page.title.get_text().startswith(ISSUE_TITLE_SHOWN + " – ")
    assert page.h1.get_text() == ISSUE_TITLE_SHOWN
    assert page.find("meta", property="og:title")["content"] == ISSUE_TITLE_SHOWN
    shown_summary = "Jamaah usia < 60 & “lansia” ikut manasik; foto &amp; teks tampil apa adanya."
    assert page.find("meta", attrs={"name": "description"})["content"] == shown_summary
    assert page.find("meta", property="og:description")["content"] == shown_summary


def test_json_ld_headline(page):
    data = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    assert data[0]["headline"] == ISSUE_TITLE_SHOWN
    assert data[1]["itemListElement"][-1]["name"] == ISSUE_TITLE_SHOWN


def test_share_links_and_buttons(page):
    for name in ("twitter", "telegram"):
        href = page.select_one(f".share-{name}")["href"]
        assert parse_qs(urlsplit(href).query)["text"] == [ISSUE_TITLE_SHOWN]
    mail = page.select_one(".share-email")["href"]
    assert parse_qs(urlsplit(mail).query)["subject"] == [ISSUE_TITLE_SHOWN]
    assert page.select_one(".share-print")["data-title"] == ISSUE_TITLE_SHOWN


@pytest.mark.parametrize("list_page", ["", "kategori/haji-dan-umrah/", "tag/manasik/", "kantor/kab-temanggung/", "2024/06/"])
def test_lists_show_the_whole_title(site, list_page):
    titles = [card.get_text() for card in site.soup(list_page).select(".card-title, .lead-title")]
    assert ISSUE_TITLE_SHOWN in titles


def test_older_article_links_to_it_by_its_whole_title(site):
    newest_seed = site.soup("2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu-wahana-evaluasi-kinerja/")
    assert ISSUE_TITLE_SHOWN in newest_seed.select_one(".article-nav-newer").get_text()


@pytest.mark.parametrize("feed", ["feed/atom.xml", "feed/rss.xml", "kantor/kab-wonosobo/feed/atom.xml"])
def test_feeds(site, feed):
    parsed = feedparser.parse(site.path(feed).read_bytes())
    assert ISSUE_TITLE_SHOWN in [entry.title for entry in parsed.entries]


def test_search_index(site):
    titles = []
    for fragment in (site.root / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        titles.append(json.loads(data[data.index(b"{"):])["meta"]["title"])
    assert ISSUE_TITLE_SHOWN in titles


def test_a_reader_cache_from_an_older_reader_is_discarded(tmp_path):
    from plain_text_metadata.reader_cache import STAMP, discard_if_stale, reader_stamp

    stamp = reader_stamp(site_settings(ROOT / "content"))
    stale = tmp_path / "ArticlesGenerator-Readers"
    stale.write_bytes(b"raw titles from before")
    discard_if_stale(tmp_path, stamp)
    assert not stale.exists() and (tmp_path / STAMP).read_text().strip() == stamp
    stale.write_bytes(b"filled by the current reader")
    discard_if_stale(tmp_path, stamp)
    assert stale.exists()


def test_the_reader_stamp_follows_the_reader_code_and_settings_not_places(tmp_path):
    """The reader cache is kept between CI runs: any change to what reads the files must discard it."""
    from plain_text_metadata.reader_cache import reader_stamp

    project = tmp_path / "proyek"
    for part in ("plugins/plain_text_metadata", "sitelib"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    settings = site_settings(ROOT / "content")
    stamp = reader_stamp(settings, project)
    assert reader_stamp(site_settings(ROOT / "content", OUTPUT_PATH=str(tmp_path)), project) == stamp
    assert reader_stamp(site_settings(ROOT / "content", READER_TYPOGRIFY=False), project) != stamp
    (project / "sitelib" / "metadata.py").write_text("# changed\n", encoding="utf-8")
    assert reader_stamp(settings, project) != stamp
