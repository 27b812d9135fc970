"""Pelican plugin: RSS items whose <guid> is not a link say so (isPermaLink="false")."""

from pelican import signals

from . import guids


def register():
    signals.feed_generated.connect(guids.mark_feed)
