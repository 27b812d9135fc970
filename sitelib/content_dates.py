"""The dates of articles and pages: Pelican's SafeDatetime, formatted by Python's own strftime where that
gives the same text.

Pelican works out an article's address (`{date:%Y}/{date:%m}/{slug}/`) each time it is asked for, and its
`SafeDatetime` formats through `pelican.utils.strftime`, which splits the format with regular expressions
to support `%-d`: at 8,000 articles that was 7% of an incremental build. A format made only of C89
directives (no `%-`) comes out the same from `datetime.strftime` directly, since Pelican formats each
directive with it one by one; any other format still goes Pelican's way.
"""

import re
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from pelican.utils import SafeDatetime

# As pelican.utils.strftime finds and formats them.
DIRECTIVE = re.compile("%[-]?.")
C89_DIRECTIVES = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"
DATE_FIELDS = ("date", "modified")


@lru_cache(maxsize=256)
def plain_format(fmt: str) -> bool:
    """Whether `fmt` is only C89 directives and text: no `%-d`, no other directive, no stray `%`."""
    if "%" in DIRECTIVE.sub("", fmt) or "\0" in fmt or not _encodable(fmt):
        return False  # C's strftime ends at a NUL and cannot take a lone surrogate: Pelican's way then
    return all(len(found) == 2 and found[1] in C89_DIRECTIVES for found in DIRECTIVE.findall(fmt))


def _encodable(fmt: str) -> bool:
    try:
        fmt.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class ContentDatetime(SafeDatetime):
    """A SafeDatetime whose plain formats skip Pelican's regular expressions (same text), each format worked
    out once per date (a date never changes; an address is asked for dozens of times per build)."""

    def strftime(self, fmt, safe=True):
        if not safe:
            return super().strftime(fmt, safe)
        # Not pickled (a datetime pickles its value only). Kept per format: the time locale (month and day
        # names) is set once when Pelican starts (LOCALE) and not changed during a build.
        formatted = self.__dict__.setdefault("_formatted", {})
        text = formatted.get(fmt)
        if text is None:
            text = datetime.strftime(self, fmt) if plain_format(fmt) else super().strftime(fmt, safe)
            formatted[fmt] = text
        return text


def content_datetime(moment: datetime, zone: str) -> ContentDatetime:
    """`moment` as Pelican's Content makes it (a naive one is taken to be in the site's `zone`), a ContentDatetime,
    which Pelican then keeps as it is."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return ContentDatetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
                        moment.microsecond, moment.tzinfo)
