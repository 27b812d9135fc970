"""Pelican's command line with the clock pinned: `python tests/pinned_clock_pelican.py NOW ARGS…`.

Pelican decides at read time whether a scheduled article is due (`datetime.now()` in pelican.contents, with
WITH_FUTURE_DATES = False). Tests that move time forward between two builds run Pelican through this script
with NOW as an ISO date-time with offset, e.g. 2026-12-01T09:00+07:00.
"""

import datetime
import sys
import types

import pelican.contents
from pelican import main

PINNED = datetime.datetime.fromisoformat(sys.argv[1])


class PinnedDateTime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return PINNED.astimezone(tz) if tz else PINNED.astimezone().replace(tzinfo=None)


pelican.contents.datetime = types.SimpleNamespace(**{**vars(datetime), "datetime": PinnedDateTime})

if __name__ == "__main__":
    main(sys.argv[2:])
