"""Signal receiver of the feeds plugin."""

from feedgenerator import Rss201rev2Feed

from .guids import mark_guids


def mark_feed(context, feed) -> None:
    """`feed_generated` receiver: mark the ids of an RSS feed; Atom feeds are left as they are."""
    if isinstance(feed, Rss201rev2Feed):
        mark_guids(feed.items)
