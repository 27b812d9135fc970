"""Pelican plugin: Indonesian dates on every article and page.

Each content object gets `date_text` ("Selasa, 23 Agustus 2022"),
`time_text` ("15.00 WIB") and `date_iso`
(+07:00), plus the same for `modified` when it is set; `locale_date` is
replaced so nothing English is left. Archive templates get the filters
`month_year` and `month_name`.
"""

from pelican import signals

from . import formatting


def add_date_texts(content):
    """Attach the formatted dates to one article, page or draft."""
    if not hasattr(content, "date"):
        return
    content.date_text = formatting.long_date(content.date)
    content.time_text = formatting.time_wib(content.date)
    content.date_iso = formatting.iso_datetime(content.date)
    content.locale_date = content.date_text
    modified = getattr(content, "modified", None)
    if modified:
        content.modified_text = formatting.long_date(modified)
        content.modified_iso = formatting.iso_datetime(modified)
        content.locale_modified = content.modified_text


def add_filters(generator):
    """Give templates the month names for archive headings."""
    generator.env.filters["month_year"] = lambda period: formatting.month_year(*period[:2])
    generator.env.filters["month_name"] = formatting.month_name


def register():
    signals.content_object_init.connect(add_date_texts)
    signals.generator_init.connect(add_filters)
