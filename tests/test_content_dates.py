"""Article dates format through Python's strftime where Pelican's own strftime gives the same text."""

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import SafeDatetime

from pelicanconf import TIMEZONE as ZONE
from plain_text_metadata.reader import PlainTextMarkdownReader
from sitelib.content_dates import ContentDatetime, plain_format, content_datetime

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["%Y/%m/%d", "{slug}", "%A, %-d %B %Y", "%%Y", "%Y%", "100%% %Y", "%e %Y", "%H:%M:%S %z %Z",
           "%j %U %W %G %V %u %w %y %p %I %c %x %X %a %b %f", "a%\nb", "%-H", "", "a\x00b %Y", "\x00",
           "a\ud800b %Y"]


def formatted(moment, fmt):
    try:
        return moment.strftime(fmt)
    except (ValueError, TypeError) as error:  # the same failure counts as the same text
        return type(error).__name__


def test_same_text_as_pelican_for_every_format_and_random_dates():
    rng = random.Random(21)
    for _ in range(1500):
        naive = SafeDatetime(1, 1, 1) + timedelta(seconds=rng.randrange(0, 10**11))
        ours = content_datetime(naive, ZONE)
        pelican = SafeDatetime(ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.second,
                               ours.microsecond, ours.tzinfo)
        for fmt in FORMATS:
            assert formatted(ours, fmt) == formatted(pelican, fmt), (fmt, naive)
        assert "{0:%Y}/{0:%m}/".format(ours) == "{0:%Y}/{0:%m}/".format(pelican)


def test_only_plain_formats_skip_pelican():
    assert [plain_format(fmt) for fmt in FORMATS] == [
        True, True, False, True, False, True, False, True, True, False, False, True, False, False, False]


def test_a_naive_date_is_put_in_the_site_zone_and_an_aware_one_kept():
    naive = content_datetime(datetime(2022, 8, 23, 15, 0), ZONE)
    assert type(naive) is ContentDatetime and naive.utcoffset() == timedelta(hours=7)
    utc = content_datetime(datetime(2022, 8, 23, 8, 0, tzinfo=timezone.utc), ZONE)
    assert utc.tzinfo is timezone.utc and utc == datetime(2022, 8, 23, 15, 0, tzinfo=naive.tzinfo)


def test_the_reader_gives_site_dates(tmp_path):
    source = tmp_path / "berita.md"
    source.write_text("Title: Berita\nDate: 2022-08-23 15:00\nModified: 2022-08-24 09:30\n\nIsi berita.\n",
                      encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    _, metadata = PlainTextMarkdownReader(settings).read(str(source))
    for field in ("date", "modified"):
        assert type(metadata[field]) is ContentDatetime and metadata[field].utcoffset() == timedelta(hours=7)
    assert metadata["date"] == datetime(2022, 8, 23, 15, 0, tzinfo=metadata["date"].tzinfo)
