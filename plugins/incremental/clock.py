"""The build's clock: BUILD_NOW (an ISO date-time with offset) pins the moment Pelican decides which scheduled
articles are due (`datetime.now()` in pelican.contents, with WITH_FUTURE_DATES = False).

`invoke verify-incremental` builds incrementally and from scratch at one moment, so an article that becomes due
between the two builds cannot make them differ; tests move the clock an hour per step the same way. Without
BUILD_NOW the real clock is used.
"""

import datetime
import types

import pelican.contents

REAL = pelican.contents.datetime


def pinned_datetime_module(moment: datetime.datetime) -> types.SimpleNamespace:
    """The `datetime` module as Pelican uses it, whose datetime.now() answers `moment`."""

    class PinnedDateTime(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return moment.astimezone(tz) if tz else moment.astimezone().replace(tzinfo=None)

    return types.SimpleNamespace(**{**vars(datetime), "datetime": PinnedDateTime})


def set_clock(moment: datetime.datetime | None) -> None:
    """Pin Pelican's clock to `moment`, or give it back the real one (None)."""
    pelican.contents.datetime = pinned_datetime_module(moment) if moment else REAL
