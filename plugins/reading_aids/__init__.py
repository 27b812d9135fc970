"""Pelican plugin: reading time ("3 menit baca") and newer/older article links."""

from pelican import signals

from . import enrich


def register():
    signals.article_generator_finalized.connect(enrich.add_all)
