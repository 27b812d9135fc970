"""Pelican plugin: reading time ("3 menit baca") and newer/older article links."""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.article_generator_finalized, handlers.add_reading_aids,
        provides=("article.reading_time", "article.newer_article", "article.older_article"),
        needs=("article.body",),
    ),
)


def register():
    connect(HANDLERS)
