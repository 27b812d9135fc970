"""sitelib.article_files: the header's date and an article's file, one rule for `invoke new`, the import and the editor."""

from datetime import datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import pytest
from pelican.utils import get_date

from sitelib.article_files import (
    EDITOR_DATE_FORMAT, HEADER_DATE_FORMAT, article_path, article_path_template, editor_date_format, header_date,
)

WIB = ZoneInfo("Asia/Jakarta")


def test_the_header_date_is_minutes_of_wall_time():
    assert header_date(datetime(2022, 8, 23, 15, 0, 59, tzinfo=WIB)) == "2022-08-23 15:00"
    assert header_date(datetime(2024, 1, 5, 7, 3)) == "2024-01-05 07:03"


@pytest.mark.parametrize("moment", [datetime(2021, 6, 15, 14, 0), datetime(2024, 2, 29, 23, 59), datetime(1999, 12, 31, 0, 0)])
def test_pelican_reads_the_header_date_back(moment):
    assert get_date(header_date(moment)) == moment


def test_the_editor_form_is_the_same_format_in_dayjs_tokens():
    assert EDITOR_DATE_FORMAT == editor_date_format(HEADER_DATE_FORMAT) == "YYYY-MM-DD HH:mm"
    assert editor_date_format("%d/%m/%Y %H.%M") == "DD/MM/YYYY HH.mm"
    with pytest.raises(ValueError, match="%B"):
        editor_date_format("%d %B %Y")


def test_an_article_file_is_named_by_its_date_and_slug():
    assert article_path("kota-magelang", datetime(2022, 8, 23, 15, 0), "rakor-phu") == PurePosixPath(
        "kota-magelang/2022/2022-08-23-rakor-phu.md")
    # The date as given (wall time in the site's zone): 00:30 WIB on 1 January is still 2024 in UTC.
    assert article_path("kab-x", datetime(2025, 1, 1, 0, 30, tzinfo=WIB), "a") == PurePosixPath("kab-x/2025/2025-01-01-a.md")


def test_the_editor_template_names_the_same_file():
    keys = {"year": "y", "month": "m", "day": "d"}
    template = article_path_template(keys)
    assert template == "{{y}}/{{y}}-{{m}}-{{d}}-{{slug}}"
    moment = datetime(2024, 2, 29, 9, 30)
    filled = template.replace("{{y}}", "2024").replace("{{m}}", "02").replace("{{d}}", "29").replace("{{slug}}", "uji")
    assert f"kab-x/{filled}.md" == str(article_path("kab-x", moment, "uji"))
