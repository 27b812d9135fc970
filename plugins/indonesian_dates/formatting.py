"""Indonesian date and time formatting with Babel.

Babel carries its own CLDR data, so the output does not depend on the
locales installed on the machine (Pelican's LOCALE setting would).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_day_names, get_month_names

LOCALE = "id"
# The Indonesian name of each of the country's time zones (TIMEZONE names one).
ZONE_LABELS = {
    "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

# News style: full day and month names, day without a leading zero.
LONG_DATE_PATTERN = "EEEE, d MMMM y"
MONTH_YEAR_PATTERN = "LLLL y"
TIME_PATTERN = "HH.mm"
# The names those patterns write (EEEE, MMMM): days Monday first, months January first. The web
# editor's preview writes dates with them (plugins/web_editor/contract.py).
DAY_NAMES = tuple(get_day_names("wide", context="format", locale=LOCALE)[day] for day in range(7))
MONTH_NAMES = tuple(get_month_names("wide", context="format", locale=LOCALE)[month] for month in range(1, 13))


def zone_label(zone: str) -> str:
    """'WIB' for "Asia/Jakarta": what Indonesian readers call the site's time zone."""
    return ZONE_LABELS[zone]


def in_site_zone(moment: datetime, zone: str) -> datetime:
    """Return `moment` in the site's zone (TIMEZONE); a naive datetime is taken to be in it already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(ZoneInfo(zone))


def long_date(moment: date, zone: str) -> str:
    """'Selasa, 23 Agustus 2022'."""
    if isinstance(moment, datetime):
        moment = in_site_zone(moment, zone)
    return format_date(moment, LONG_DATE_PATTERN, locale=LOCALE)


def time_text(moment: datetime, zone: str) -> str:
    """'09.30 WIB'."""
    return f"{format_time(in_site_zone(moment, zone), TIME_PATTERN, locale=LOCALE)} {zone_label(zone)}"


def iso_datetime(moment: datetime, zone: str) -> str:
    """ISO 8601 with the zone's offset: '2022-08-23T15:00:00+07:00'."""
    return in_site_zone(moment, zone).isoformat(timespec="seconds")


def month_year(year: int, month: int) -> str:
    """'Agustus 2022', for monthly archives."""
    return format_date(date(year, month, 1), MONTH_YEAR_PATTERN, locale=LOCALE)


def month_name(month: int) -> str:
    """'Agustus'."""
    return format_date(date(2000, month, 1), "LLLL", locale=LOCALE)
