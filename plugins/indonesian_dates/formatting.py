"""Indonesian date and time formatting with Babel.

Babel carries its own CLDR data, so the output does not depend on the
locales installed on the machine (Pelican's LOCALE setting would).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

LOCALE = "id"
SITE_ZONE = ZoneInfo("Asia/Jakarta")
ZONE_LABEL = "WIB"

# News style: full day and month names, day without a leading zero.
LONG_DATE_PATTERN = "EEEE, d MMMM y"
MONTH_YEAR_PATTERN = "LLLL y"
TIME_PATTERN = "HH.mm"


def in_site_zone(moment: datetime) -> datetime:
    """Return `moment` in WIB; a naive datetime is taken to be WIB already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SITE_ZONE)
    return moment.astimezone(SITE_ZONE)


def long_date(moment: date) -> str:
    """'Selasa, 23 Agustus 2022'."""
    if isinstance(moment, datetime):
        moment = in_site_zone(moment)
    return format_date(moment, LONG_DATE_PATTERN, locale=LOCALE)


def time_wib(moment: datetime) -> str:
    """'09.30 WIB'."""
    return f"{format_time(in_site_zone(moment), TIME_PATTERN, locale=LOCALE)} {ZONE_LABEL}"


def iso_datetime(moment: datetime) -> str:
    """ISO 8601 with the WIB offset: '2022-08-23T15:00:00+07:00'."""
    return in_site_zone(moment).isoformat(timespec="seconds")


def month_year(year: int, month: int) -> str:
    """'Agustus 2022', for monthly archives."""
    return format_date(date(year, month, 1), MONTH_YEAR_PATTERN, locale=LOCALE)


def month_name(month: int) -> str:
    """'Agustus'."""
    return format_date(date(2000, month, 1), "LLLL", locale=LOCALE)
