"""List pages numbered from the oldest article (plugins/stable_lists): which articles each page holds, its links,
and that a new article leaves the older archive pages as they were."""

import random

import pytest
from conftest import run_pelican, text_of
from site_copy import snapshot
from seed_articles import KOTA_MAGELANG, WONOSOBO
from stable_lists.blocks import archive_count, archive_of, archive_slice, front_older_archive
from pelican.paginator import PaginationRule
from pelicanconf import PAGINATION_PATTERNS
from stable_lists.paging import StablePaginator

SETTINGS = {"DEFAULT_ORPHANS": 0, "PAGINATION_PATTERNS": [PaginationRule(*rule) for rule in PAGINATION_PATTERNS]}


def pages_of(items, per_page):
    paginator = StablePaginator("index.html", "", items, SETTINGS, per_page)
    return [paginator.page(number) for number in range(1, paginator.num_pages + 1)]


def test_archive_blocks_count_from_the_oldest():
    assert archive_count(10, 10) == 0 and archive_count(11, 10) == 2 and archive_count(25, 10) == 3
    newest_first = list(range(25))  # position 0 is the newest article
    assert newest_first[archive_slice(25, 10, 1)] == list(range(15, 25))  # the ten oldest
    assert newest_first[archive_slice(25, 10, 3)] == [0, 1, 2, 3, 4]
    assert archive_of(25, 10, 24) == 1 and archive_of(25, 10, 0) == 3
    assert front_older_archive(25, 10) == 2 and front_older_archive(10, 10) is None


@pytest.mark.parametrize("count", [1, 9, 10, 11, 20, 21, 57])
def test_every_article_is_on_exactly_one_archive_page_and_the_front_shows_the_newest(count):
    items = list(range(count))
    front, *archives = pages_of(items, 10)
    assert front.object_list == items[:10] and front.archive is None and front.newer is None
    if count <= 10:
        assert archives == [] and front.older is None
        return
    assert sorted(x for page in archives for x in page.object_list) == items
    assert [page.archive for page in archives] == list(range(len(archives), 0, -1))
    assert all(len(page.object_list) == 10 for page in archives[1:])
    assert front.older.archive == archive_of(count, 10, 10) and 10 in front.older.object_list
    oldest = archives[-1]
    assert oldest.object_list[-1] == count - 1 and oldest.older is None and oldest.newer.archive == 2
    assert archives[0].newer.archive is None and archives[0].newer.url == "" and archives[0].url == "halaman/%d/" % archives[0].archive


def test_a_new_article_changes_only_the_newest_archive_page():
    for count in random.Random(20).sample(range(11, 400), 40):
        before = {page.archive: page.object_list for page in pages_of([f"a{i}" for i in range(count)][::-1], 10)}
        after = {page.archive: page.object_list for page in pages_of([f"a{i}" for i in range(count + 1)][::-1], 10)}
        changed = {number for number in after if before.get(number) != after[number]}
        newest = archive_count(count + 1, 10)
        assert changed == {None, newest}, (count, changed)


def test_paged_home_front_and_archive_pages(paged_site):
    front = paged_site.soup("")
    assert [text_of(c.select_one(".card-title")) for c in front.select(".card")] == [KOTA_MAGELANG.title]
    nav = front.select_one("nav.pagination")
    assert nav.find("a", rel="prev") is None
    assert text_of(nav.find("a", rel="next")) == "Lebih lama →" and nav.find("a", rel="next")["href"] == "./halaman/1/"
    oldest = paged_site.soup("halaman/1/")
    assert [text_of(c.select_one(".card-title")) for c in oldest.select(".card")] == [WONOSOBO.title]
    assert "Arsip halaman 1" in text_of(oldest.select_one("nav.pagination")) and "halaman 1" in text_of(oldest.title)
    assert text_of(front.select_one(".section-title")) == "Berita terbaru"
    assert text_of(oldest.select_one(".home-main .section-title")) == "Arsip berita"  # not "the latest news"
    assert oldest.select_one("nav.pagination").find("a", rel="next") is None
    assert oldest.select_one("nav.pagination").find("a", rel="prev")["href"] == "../../halaman/2/"
    newest = paged_site.soup("halaman/2/")
    assert [text_of(c.select_one(".card-title")) for c in newest.select(".card")] == [KOTA_MAGELANG.title]
    back = newest.select_one("nav.pagination").find("a", rel="prev")
    assert text_of(back) == "← Lebih baru" and back["href"] == "../../"


NEW_ARTICLE = """Title: Pelunasan Bipih Tahap Kedua Dibuka
Date: 2025-03-12 10:00
Category: Haji dan Umrah
Tags: Pelunasan
Author: uji/rf
Offices: kab-kebumen
Reporting_office: kab-kebumen
Summary: Berita uji: satu berita baru di atas daftar yang sudah panjang.

Kebumen – Pelunasan biaya perjalanan ibadah haji tahap kedua dibuka.
"""


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    """The preview build, three articles to a page, of the content with 14 articles of one moment; then the same
    with one new article."""
    from test_determinism import content_in_order

    builds = []
    base = tmp_path_factory.mktemp("daftar-stabil")
    content = content_in_order(base, reverse=False)
    for label in ("sebelum", "sesudah"):
        if label == "sesudah":
            (content / "articles" / "pelunasan-tahap-dua.md").write_text(NEW_ARTICLE, encoding="utf-8")
        output = run_pelican("pelicanconf.py", base / label, content=content,
                             extra={"DEFAULT_PAGINATION": 3, "CACHE_PATH": str(base / f"cache-{label}")})
        builds.append(snapshot(output))
    return builds


def archive_pages(files: dict, base: str) -> list[int]:
    prefix = f"{base}halaman/"
    return sorted(int(name[len(prefix):].split("/")[0]) for name in files
                  if name.startswith(prefix) and name.endswith("/index.html") and name.count("/") == base.count("/") + 2)


def test_one_new_article_changes_only_the_front_and_newest_archive_pages_of_its_lists(before_and_after):
    before, after = before_and_after
    changed = sorted(name for name in after if before.get(name) != after[name])
    paged = [name for name in changed if "/halaman/" in f"/{name}"]
    assert paged, changed
    for name in paged:
        base = name[:name.index("halaman/")]
        number = int(name[len(base) + len("halaman/"):].split("/")[0])
        newest = archive_pages(after, base)[-1]
        assert number >= newest - 1, (name, newest)  # the newest page, or the one before when a page was opened
    home = archive_pages(after, "")
    assert len(home) >= 5 and not any(f"halaman/{number}/index.html" in changed for number in home[:-2])
    # Related news of the older articles did not move either: only the new article and its older neighbour changed.
    articles = [name for name in changed if name.startswith("20") and name.count("/") == 3]
    assert len(articles) <= 2, articles
