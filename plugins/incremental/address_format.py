"""Pelican's address formatting (`url`, `save_as`) with only the fields the pattern names.

Pelican formats an item's address anew each time it is asked (the sitemap, the writer, every plugin that
reads `url` or `save_as`: about twenty times per article per build), and each time copies the item's whole
metadata and fills six more values (`url_format`) for a pattern such as "{date:%Y}/{date:%m}/{slug}/" that
uses two. Here the pattern's field names are read once, and only those values are worked out, each exactly
as `url_format` works it out; a pattern this module does not understand (positional or nested fields) goes
Pelican's way. Same answers, and the same errors for the fields the pattern names (a field the item lacks
is a KeyError either way); a value the pattern does not name is not worked out, so it cannot fail (Pelican's
`url_format` would stop on an `author` of None even for "{slug}/"). Full and incremental builds both format
this way.
"""

import re
import string
from functools import lru_cache

import pelican.contents
from pelican.contents import Content
from pelican.utils import path_to_url

PELICAN_METHOD = Content._expand_settings
PELICAN_URL_FORMAT = Content.url_format
_FIELD_NAME = re.compile(r"[^.\[]*")


@lru_cache(maxsize=256)
def field_names(pattern: str) -> frozenset[str] | None:
    """The names a format pattern reads from its keyword arguments; None when it reads anything else."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return None
    for _, field, spec, _ in parsed:
        if field is None:
            continue
        name = _FIELD_NAME.match(field).group(0)
        if not name or name.isdigit() or (spec and "{" in spec):
            return None  # positional or nested: Pelican's way
        names.add(name)
    return frozenset(names)


def _path(item) -> str:
    return path_to_url(item.metadata.get("path", item.get_relative_source_path()))


def _date(item):
    return item.date if hasattr(item, "date") else pelican.contents.datetime.datetime.now()


# How url_format works out the values it sets over the metadata.
COMPUTED = {
    "path": _path,
    "slug": lambda item: getattr(item, "slug", ""),
    "lang": lambda item: getattr(item, "lang", "en"),
    "date": _date,
    "author": lambda item: item.author.slug if hasattr(item, "author") else "",
    "category": lambda item: item.category.slug if hasattr(item, "category") else "",
}


def _expand_settings(self, key: str, klass: str | None = None) -> str:
    """Content._expand_settings: the same answers, from the named fields only."""
    if not klass:
        klass = self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    names = field_names(pattern)
    if names is None or type(self).url_format is not PELICAN_URL_FORMAT:
        return PELICAN_METHOD(self, key, klass)
    metadata = self.metadata
    values = {}
    for name in names:
        if name in COMPUTED:
            values[name] = COMPUTED[name](self)
        elif name in metadata:
            values[name] = metadata[name]
    return pattern.format(**values)


def use_named_fields_only() -> None:
    Content._expand_settings = _expand_settings
