"""The moment an undated page last changed: when its newest article did."""

from datetime import datetime


def newest_change(items) -> datetime | None:
    """The latest `modified` or `date` of `items`, or None when there is none."""
    moments = [getattr(item, "modified", None) or item.date for item in items if getattr(item, "date", None)]
    return max(moments, default=None)
