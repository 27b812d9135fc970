"""Signal receivers of the Indonesian dates plugin."""

from sitelib.errors import SiteConfigError

from . import formatting


def add_date_texts(content) -> None:
    """Attach the formatted dates to one article, page or draft, in the site's TIMEZONE."""
    if not hasattr(content, "date"):
        return
    zone = content.settings["TIMEZONE"]
    content.date_text = formatting.long_date(content.date, zone)
    content.time_text = formatting.time_text(content.date, zone)
    content.date_iso = formatting.iso_datetime(content.date, zone)
    content.locale_date = content.date_text
    modified = getattr(content, "modified", None)
    if modified:
        content.modified_text = formatting.long_date(modified, zone)
        content.modified_iso = formatting.iso_datetime(modified, zone)
        content.locale_modified = content.modified_text


def add_filters(generator) -> None:
    """Give templates the month names for archive headings."""
    generator.env.filters["month_year"] = lambda period: formatting.month_year(*period[:2])
    generator.env.filters["month_name"] = formatting.month_name


def check_time_zone(pelican) -> None:
    """Stop before reading when TIMEZONE is not one of Indonesia's zones: dates would be labelled wrongly."""
    zone = pelican.settings["TIMEZONE"]
    if zone not in formatting.ZONE_LABELS:
        raise SiteConfigError(
            f"TIMEZONE = {zone!r} bukan zona waktu Indonesia; pilih salah satu dari "
            f"{', '.join(formatting.ZONE_LABELS)} di pelicanconf.py."
        )
