"""Period archives made in one pass give what Pelican's own method gives (plugins/stable_lists/period_archives.py)."""

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator

from stable_lists.period_archives import period_archives, use_fast_period_archives

SETTINGS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html", "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html", "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html", "DAY_ARCHIVE_URL": "{date:%Y}/{date:%m}/{date:%d}/",
}


def corpus(count: int, seed: int) -> tuple[list, list]:
    """Articles in a random order (as sorted by title, say) and the same sorted by date, newest first."""
    rng = random.Random(seed)
    start = datetime(2024, 12, 20)
    articles = [SimpleNamespace(title=f"berita {n}", date=start + timedelta(hours=rng.randrange(24 * 90)))
                for n in range(count)]
    rng.shuffle(articles)
    return articles, sorted(articles, key=lambda article: article.date, reverse=True)


def same(expected: dict, found: dict) -> None:
    assert list(expected) == list(found)
    for granularity in expected:
        assert len(expected[granularity]) == len(found[granularity])
        for old, new in zip(expected[granularity], found[granularity]):
            assert old.keys() == new.keys()
            for key in old:
                if key in ("dates", "articles"):
                    assert [id(a) for a in old[key]] == [id(a) for a in new[key]], key
                else:
                    assert old[key] == new[key], key


def test_the_same_archives_as_pelican_s_in_the_same_order():
    for seed in range(5):
        articles, dates = corpus(400, seed)
        same(ArticlesGenerator._build_period_archives(None, dates, articles, SETTINGS),
             period_archives(None, dates, articles, SETTINGS))


def test_settings_without_some_archives_and_an_empty_site():
    settings = {**SETTINGS, "YEAR_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_SAVE_AS": ""}
    articles, dates = corpus(50, 9)
    expected = ArticlesGenerator._build_period_archives(None, dates, articles, settings)
    assert list(expected) == ["month"]
    same(expected, period_archives(None, dates, articles, settings))
    assert period_archives(None, [], [], settings) == {}


def test_articles_left_out_of_the_list_stay_out_of_their_month():
    articles, dates = corpus(120, 3)
    shown = articles[::2]  # Pelican passes the published articles and all dates of the same set; be exact anyway
    same(ArticlesGenerator._build_period_archives(None, dates, shown, SETTINGS),
         period_archives(None, dates, shown, SETTINGS))


def test_the_generator_uses_it_for_its_own_archives():
    generator = SimpleNamespace()
    use_fast_period_archives(generator)
    articles, dates = corpus(30, 1)
    same(ArticlesGenerator._build_period_archives(None, dates, articles, SETTINGS),
         generator._build_period_archives(dates, articles, SETTINGS))


def test_an_article_listed_twice_is_where_pelican_puts_it():
    articles, dates = corpus(60, 4)
    twice = dates[5]
    odd_dates = dates[:30] + [twice] + dates[30:]  # the same object in two months' groups
    odd_articles = articles + [twice]
    same(ArticlesGenerator._build_period_archives(None, odd_dates, odd_articles, SETTINGS),
         period_archives(None, odd_dates, odd_articles, SETTINGS))
