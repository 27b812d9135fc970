"""Indonesian dates: unit tests of the formatter and a scan of the whole site."""

import re
from datetime import date, datetime, timezone

import pytest

from indonesian_dates import formatting
from pelicanconf import TIMEZONE as ZONE

ENGLISH_NAMES = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|October|December)\b"
)


@pytest.mark.parametrize(
    "moment, expected",
    [
        (date(2022, 8, 23), "Selasa, 23 Agustus 2022"),
        (date(2022, 9, 5), "Senin, 5 September 2022"),
        (date(2021, 6, 15), "Selasa, 15 Juni 2021"),
        (date(2024, 5, 1), "Rabu, 1 Mei 2024"),
        (date(2023, 12, 31), "Minggu, 31 Desember 2023"),
    ],
)
def test_long_date_is_news_style(moment, expected):
    assert formatting.long_date(moment, ZONE) == expected


def test_time_is_in_wib_with_a_dot():
    assert formatting.time_text(datetime(2022, 8, 23, 9, 30), ZONE) == "09.30 WIB"


def test_utc_times_are_shown_in_wib_including_the_date():
    late_utc = datetime(2022, 8, 22, 20, 15, tzinfo=timezone.utc)
    assert formatting.time_text(late_utc, ZONE) == "03.15 WIB"
    assert formatting.long_date(late_utc, ZONE) == "Selasa, 23 Agustus 2022"
    assert formatting.iso_datetime(late_utc, ZONE) == "2022-08-23T03:15:00+07:00"


def test_the_label_follows_the_site_zone():
    moment = datetime(2022, 8, 23, 1, 0, tzinfo=timezone.utc)
    assert formatting.time_text(moment, "Asia/Makassar") == "09.00 WITA"
    assert formatting.time_text(moment, "Asia/Jayapura") == "10.00 WIT"
    assert formatting.iso_datetime(moment, "Asia/Jayapura") == "2022-08-23T10:00:00+09:00"


def test_month_names():
    assert formatting.month_year(2022, 8) == "Agustus 2022"
    assert [formatting.month_name(m) for m in (1, 2, 3, 11)] == [
        "Januari", "Februari", "Maret", "November",
    ]


def test_no_english_day_or_month_name_on_any_page(site):
    for page in site.html_files():
        found = ENGLISH_NAMES.search(page.read_text(encoding="utf-8"))
        assert not found, f"{page}: {found.group(0)}"


def test_listings_show_indonesian_dates(site):
    cards = site.soup("").select(".card-meta time")
    assert [c.get_text() for c in cards] == ["Selasa, 23 Agustus 2022", "Selasa, 15 Juni 2021"]
    assert all(c["datetime"].endswith("+07:00") for c in cards)


def test_monthly_archive_heading_is_indonesian(site):
    assert "Agustus 2022" in site.soup("2022/08/").h1.get_text()
    assert "Juni 2021" in site.soup("2021/06/").h1.get_text()
