"""The seed articles are published word for word, with their metadata."""

import pytest

from conftest import text_of
from seed_articles import KOTA_MAGELANG, SEEDS_PUBLISHED



@pytest.fixture(params=SEEDS_PUBLISHED, ids=lambda s: s.source)
def seed(request):
    return request.param


def test_every_paragraph_is_published_verbatim_and_in_order(site, seed):
    body = site.soup(seed.url).select_one(".article-body")
    published = [text_of(p) for p in body.find_all("p")]
    assert published == seed.paragraphs()


def test_dateline_opens_the_article(site, seed):
    first = site.soup(seed.url).select_one(".article-body p")
    assert text_of(first).startswith(seed.dateline + " ")


def test_headline_and_document_title(site, seed):
    page = site.soup(seed.url)
    assert text_of(page.h1) == seed.title
    assert text_of(page.title).startswith(seed.title)
    assert len(page.find_all("h1")) == 1


def test_indonesian_date_time_and_machine_readable_datetime(site, seed):
    time = site.soup(seed.url).select_one(".article-meta time")
    assert text_of(time) == f"{seed.date_text}, {seed.time_text}"
    assert time["datetime"] == seed.iso


def test_credit_is_shown(site, seed):
    credit = site.soup(seed.url).select_one(".article-credit")
    assert seed.credit in text_of(credit)


def test_summary_is_the_meta_description(site, seed):
    description = site.soup(seed.url).find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 50
    assert "Karesidenan Kedu" in description


def test_category_and_tags_link_to_their_pages(site, seed):
    page = site.soup(seed.url)
    assert page.select_one(".kicker a")["href"].endswith("/kategori/haji-dan-umrah/")
    tag_links = [a["href"] for a in page.select(".tag-list a")]
    assert tag_links and all("/tag/" in href for href in tag_links)
    for href in tag_links:
        assert site.path(href.split("/berita/", 1)[1]).exists()


def test_curly_quotes_survive_typography(site, seed):
    """Typogrify must keep Indonesian quotations as the source writes them."""
    body = text_of(site.soup(seed.url).select_one(".article-body"))
    assert body.count("“") == body.count("”") > 0


def test_permalink_is_wordpress_style(site, seed):
    assert site.path(seed.url).is_file()
    assert seed.url.count("/") == 3
    canonical = site.soup(seed.url).find("link", rel="canonical")["href"]
    assert canonical.endswith("/" + seed.url)


def test_first_seed_keeps_its_own_title():
    """Only the first seed carries a headline in its source."""
    from seed_articles import SEEDS
    first_line = (SEEDS / KOTA_MAGELANG.source).read_text().splitlines()[0]
    assert " ".join(first_line.split()) == KOTA_MAGELANG.title
