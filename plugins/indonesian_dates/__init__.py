"""Pelican plugin: Indonesian dates on every article and page.

Each content object gets `date_text` ("Selasa, 23 Agustus 2022"),
`time_text` ("15.00 WIB") and `date_iso` (+07:00), plus the same for
`modified` when it is set, all in the site's TIMEZONE; `locale_date` is
replaced so nothing English is left. Archive templates get the filters
`month_year` and `month_name`.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

DATE_TEXTS = ("date_text", "time_text", "date_iso", "locale_date", "modified_text", "modified_iso", "locale_modified")

HANDLERS = (
    Handler(signals.initialized, handlers.check_time_zone),
    Handler(signals.content_object_init, handlers.add_date_texts, provides=tuple(n for a in DATE_TEXTS for n in both(a))),
    Handler(signals.generator_init, handlers.add_filters),
)


def register():
    connect(HANDLERS)
