"""Pelican plugin: RSS items whose <guid> is not a link say so (isPermaLink="false")."""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (Handler(signals.feed_generated, handlers.mark_feed),)


def register():
    connect(HANDLERS)
