"""What each plugin's signal handlers provide and need, and the order check run at startup.

A plugin lists its handlers in `HANDLERS` (its `__init__.py`): the Pelican
signal, the receiver, and the names the receiver sets (`provides`) and reads
(`needs`) from another plugin. Names are "article.x" and "page.x" for
attributes of articles and pages, "context.x" for the template context.
`register()` connects them with `connect()`; once every plugin is
registered, `check_plugin_order` (on Pelican's `initialized` signal) stops
the build when a handler reads a name that is not set by then, given the
`PLUGINS` order and the signal each handler runs on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pelican import signals

from .errors import SiteConfigError

# When each signal fires, earliest first. Pelican makes every generator
# (generator_init, article_generator_init, page_generator_init) before any
# content is read; `article_generator_preread` just before the articles are
# read (after Pelican has emptied the output). `content_object_init` fires while articles are read and
# again while pages are read, after the articles are finalized: its place
# depends on what kind of object the name belongs to.
PHASES = (
    "pelican_initialized",
    "readers_init",
    "generator_init",
    "article_generator_init",
    "page_generator_init",
    "article_generator_preread",
    "content_object_init:article",
    "article_generator_pretaxonomy",
    "article_generator_finalized",
    "content_object_init:page",
    "page_generator_finalized",
    "all_generators_finalized",
    "get_writer",
    "templates",  # the theme renders every page (not a signal: see THEME)
    "feed_generated",
    "article_writer_finalized",
    "page_writer_finalized",
    "pelican_finalized",
    "optimize",
    "compress",
    "deploy",
)
KINDS = ("article", "page", "context")


@dataclass(frozen=True)
class Handler:
    """One signal receiver of a plugin and the names it sets and reads."""

    signal: object  # a blinker signal (Pelican's or a granular stage)
    receiver: Callable
    provides: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()

    def __post_init__(self):
        for name in (*self.provides, *self.needs):
            kind, _, attribute = name.partition(".")
            if kind not in KINDS or not attribute:
                raise ValueError(f"{name!r}: a contract name is 'article.x', 'page.x' or 'context.x'")
        if self.signal_name not in {phase.split(":")[0] for phase in PHASES}:
            raise ValueError(f"{self.signal_name!r} is not a signal the order check knows")

    @property
    def signal_name(self) -> str:
        return self.signal.name

    def phase(self, name: str) -> int:
        """When this handler runs, for the object kind of `name`."""
        if self.signal_name == "content_object_init":
            kind = name.split(".")[0]
            return PHASES.index(f"content_object_init:{'page' if kind == 'page' else 'article'}")
        return PHASES.index(self.signal_name)


def both(attribute: str) -> tuple[str, str]:
    """An attribute set on articles and pages alike."""
    return (f"article.{attribute}", f"page.{attribute}")


@dataclass(frozen=True)
class _Stage:
    """A point in the build that is not a signal (the theme rendering the pages)."""

    name: str


def _renders(*args) -> None:
    """The theme is Jinja, not a receiver: nothing is connected for it."""


# What the theme's templates read: they run while the site is written, after
# every generator is finalized, so a plugin they rely on may sit anywhere in
# PLUGINS but must be there.
THEME_NEEDS = (
    *(name for attribute in (
        "body", "plain_title", "plain_summary", "canonical_url", "share_buttons", "href", "featured_photo",
        "date_text", "time_text", "date_iso", "modified_text", "modified_iso", "video_players",
    ) for name in both(attribute)),
    "article.share_image", "article.reading_time", "article.json_ld", "article.office_tags", "article.offices",
    "article.reporting_office", "article.related_articles", "article.newer_article", "article.older_article",
    "context.lead_article", "context.category_latest", "context.menu_categories", "context.site_json_ld",
    "context.office_listings", "context.region_listings", "context.office_groups", "context.search_parts",
)
THEME = ("theme", (Handler(_Stage("templates"), _renders, needs=THEME_NEEDS),))


def connect(handlers: Iterable[Handler]) -> None:
    """Connect a plugin's receivers, and the order check that runs once all plugins are registered."""
    signals.initialized.connect(check_plugin_order)
    for handler in handlers:
        handler.signal.connect(handler.receiver)


@dataclass(frozen=True)
class _Use:
    plugin: str
    handler: Handler
    position: tuple[int, int, int]  # (phase, place in PLUGINS, place in the plugin's HANDLERS)


@dataclass(frozen=True)
class Conflict:
    """`reader` reads `name` on `signal` before `provider` has set it."""

    reader: str
    provider: str
    name: str
    signal: str
    provider_signal: str


def _uses(plugins, names_of: Callable[[Handler], tuple[str, ...]]) -> dict[str, list[_Use]]:
    uses: dict[str, list[_Use]] = {}
    for plugin_index, (plugin, handlers) in enumerate(plugins):
        for handler_index, handler in enumerate(handlers):
            for name in names_of(handler):
                position = (handler.phase(name), plugin_index, handler_index)
                uses.setdefault(name, []).append(_Use(plugin, handler, position))
    return uses


def order_conflicts(plugins: list[tuple[str, tuple[Handler, ...]]]) -> list[Conflict]:
    """Every read of a name before one of its providers (of another plugin) has run.

    `plugins` is PLUGINS in order, each with its handlers. A name may have
    several providers (photos rewrites the body content_checks cleaned):
    a reader must come after all of them.
    """
    providers = _uses(plugins, lambda handler: handler.provides)
    conflicts = set()
    for name, readers in _uses(plugins, lambda handler: handler.needs).items():
        for reader in readers:
            for provider in providers.get(name, ()):
                if provider.plugin != reader.plugin and provider.position >= reader.position:
                    conflicts.add(Conflict(
                        reader.plugin, provider.plugin, name,
                        reader.handler.signal_name, provider.handler.signal_name,
                    ))
    return sorted(conflicts, key=lambda c: (c.reader, c.provider, c.name))


def unprovided(plugins: list[tuple[str, tuple[Handler, ...]]]) -> list[tuple[str, str]]:
    """(plugin, name) for every name a plugin reads that no plugin in the list provides."""
    provided = set(_uses(plugins, lambda handler: handler.provides))
    readers = _uses(plugins, lambda handler: handler.needs)
    return sorted({(use.plugin, name) for name, uses in readers.items() if name not in provided for use in uses})


def order_problems(plugins: list[tuple[str, tuple[Handler, ...]]]) -> list[str]:
    """What is wrong with this order, in Indonesian: one line per pair of plugins, and per missing provider."""
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for conflict in order_conflicts(plugins):
        key = (conflict.reader, conflict.provider, conflict.signal, conflict.provider_signal)
        grouped.setdefault(key, []).append(conflict.name)
    problems = [
        f"plugin '{reader}' membaca {', '.join(names)} pada sinyal {signal}, tetapi plugin "
        f"'{provider}' baru menyediakannya pada sinyal {provider_signal}: letakkan '{provider}' "
        f"sebelum '{reader}' di PLUGINS (pelicanconf.py)."
        for (reader, provider, signal, provider_signal), names in grouped.items()
    ]
    missing: dict[str, list[str]] = {}
    for plugin, name in unprovided(plugins):
        missing.setdefault(plugin, []).append(name)
    problems += [
        f"{'tema (theme/templates)' if plugin == THEME[0] else f'plugin {plugin!r}'} membaca {', '.join(names)}, "
        "tetapi tidak ada plugin di PLUGINS yang menyediakannya."
        for plugin, names in missing.items()
    ]
    return problems


def plugin_handlers(name: str) -> tuple[Handler, ...]:
    """The handlers a plugin declares; a plugin of someone else's (pelican.plugins.sitemap) declares none."""
    return tuple(getattr(importlib.import_module(name), "HANDLERS", ()))


def check_plugin_order(pelican) -> None:
    """Stop the build before any content is read when PLUGINS is in an order that breaks a contract."""
    names = [name if isinstance(name, str) else name.__name__ for name in pelican.settings["PLUGINS"]]
    problems = order_problems([*((name, plugin_handlers(name)) for name in names), THEME])
    if problems:
        raise SiteConfigError("Urutan PLUGINS salah:\n" + "\n".join(f"- {line}" for line in problems))
