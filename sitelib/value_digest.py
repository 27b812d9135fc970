"""A SHA-256 of what a template can read from a value, for telling whether a page needs rendering again.

An incremental build renders a page again only when something it read last time differs now; this module
says what "differs" means for the values Pelican and the plugins hand to templates:

- an article or page that is a template variable itself (`article`, `page`, `lead_article`): its own data
  (every attribute, its final HTML `content` and `summary`, `url`, `save_as`) and the own data of each
  article it points to (neighbours, related news), one level deep: a page shows a related article's title
  and photo, never that article's own neighbours;
- an article inside a list (a list page's cards, an office's articles): its own data only, without the
  attributes that point to other articles: a card shows no neighbours;
- a category, tag or author: its name, slug and address;
- a list page (`__digest__`): what it shows, not the whole list it was cut from;
- lists, tuples, sets, dicts, dataclasses and plain objects: their parts;
- text, numbers, dates, time zones: their value; functions and classes (code, fingerprinted): their name.

Everything a page depends on that is not such a value (code, templates, settings, registries) is in the
build's fingerprint instead: a change there renders everything. A value of a kind not listed here stops the
build with a message naming it, rather than being guessed.
"""

import dataclasses
import enum
import functools
import hashlib
import re
import types
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import PurePath

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Attributes of any object that are not its data: the whole settings and context (fingerprinted, or the
# site itself) and Pelican's bookkeeping.
# `metadata` holds what the attributes hold already (Pelican sets each entry as one); `source_path` is where the
# checkout is (`relative_source_path` stays).
NOT_DATA = frozenset({"settings", "_context", "_cache", "_summary", "_content", "translations", "metadata",
                      "source_path"})
PLAIN_TEXT = {str: b"str"}  # exactly str (Markup and other subclasses go the general way)
CONTENT_PROPERTIES = ("content", "summary", "url", "save_as")


# A dataclass field that says where a file is on this machine (the cache, the checkout), not what a page
# shows: `field(metadata=NOT_SHOWN)`. Left out, so the same site built from another folder has the same
# signatures (and the same manifest).
NOT_SHOWN = {"digest": False}


@functools.cache
def _is_record_kind(kind: type) -> bool:
    """Whether values of this class are dataclass instances that are not also text or numbers (which go as
    those, first), worked out once per class."""
    return dataclasses.is_dataclass(kind) and not issubclass(kind, (type, bool, int, float, str))


@functools.lru_cache(maxsize=4096)
def _label(name: str) -> bytes:
    """What opens an attribute's part of an item's data: its name, as bytes (the same few dozen names)."""
    return f"\0{name}=".encode()


@functools.cache
def _is_plain_record(kind: type) -> bool:
    """Whether a record of this class is digested field by field (the general way's dataclass branch): no
    `__digest__` of its own and not also a list, set or dict."""
    return _is_record_kind(kind) and not hasattr(kind, "__digest__") and not issubclass(
        kind, (list, tuple, set, frozenset, dict))


@functools.cache
def _record_layout(kind: type) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """A dataclass's opening text and its fields that pages show (name and label), worked out once per class."""
    shown = [field.name for field in dataclasses.fields(kind) if field.metadata.get("digest") is not False]
    return f"{kind.__name__}(".encode(), tuple((name, f"{name}=".encode()) for name in shown)


class Pieces(list):
    """Bytes hashed together at the end, as `hashlib.sha256` fed piece by piece would hash them (the same digest):
    feeding only appends, which costs far less than a hash update per piece."""

    update = list.append

    def digest(self) -> bytes:
        return hashlib.sha256(b"".join(self)).digest()

    def hexdigest(self) -> str:
        return hashlib.sha256(b"".join(self)).hexdigest()


class UndigestibleValue(TypeError):
    """A template variable holds a kind of value this module cannot describe."""


class Digester:
    """Digests of values, each computed once per build (values are kept alive so their ids stay theirs)."""

    def __init__(self):
        self._own: dict[int, tuple[object, tuple[bytes, bytes, tuple]]] = {}
        self._full: dict[int, tuple[object, str]] = {}
        self._values: dict[int, tuple[object, str]] = {}
        self._records: dict[int, tuple[object, bytes, tuple]] = {}

    def of(self, value) -> str:
        """The digest of `value` as a template reads it."""
        if isinstance(value, Content):
            return self.content(value)
        if isinstance(value, (list, tuple, dict, set, frozenset)) or hasattr(value, "__dict__"):
            remembered = self._values.get(id(value))
            if remembered and remembered[0] is value:
                return remembered[1]
            result = self._compute(value)
            self._values[id(value)] = (value, result)
            return result
        return self._compute(value)

    def _compute(self, value) -> str:
        digest = Pieces()
        self._feed(digest, value, set(), None)
        return digest.hexdigest()

    def content(self, item: Content) -> str:
        """An article's or page's own data, which items it points to, and their own data."""
        remembered = self._full.get(id(item))
        if remembered and remembered[0] is item:
            return remembered[1]
        own, links, refers_to = self._own_data(item)
        digest = hashlib.sha256(own + links)
        for other in refers_to:
            digest.update(self._own_data(other)[0])
        result = digest.hexdigest()
        self._full[id(item)] = (item, result)
        return result

    def _own_data(self, item: Content) -> tuple[bytes, bytes, tuple]:
        """(digest of the attributes that hold no other item, digest of those that do, the items they hold)."""
        remembered = self._own.get(id(item))
        if remembered and remembered[0] is item:
            return remembered[1]
        own, links, refers_to = Pieces(), Pieces(), []
        own.append(f"{type(item).__name__}\0{item.relative_source_path}\0".encode())
        attributes = {name: value for name, value in vars(item).items() if name not in NOT_DATA}
        for name in CONTENT_PROPERTIES:
            attributes[name] = getattr(item, name)
        for name in sorted(attributes):
            held, value = len(refers_to), attributes[name]
            part = Pieces([_label(name)])
            self._feed(part, value, set(), refers_to)
            # None goes with the links: an article's `newer_article` is None until a newer one is published,
            # and what a card shows of it must not change then
            (links if len(refers_to) > held or value is None else own).extend(part)
        result = (own.digest(), links.digest(), tuple(refers_to))
        self._own[id(item)] = (item, result)
        return result

    def _feed(self, digest, value, seen: set, refers_to: list | None) -> None:
        """Feed `value` into `digest`, tagged by kind; `refers_to` collects items met inside an item's data."""
        update = digest.update
        kind = type(value)
        if kind in PLAIN_TEXT:
            data = value.encode("utf-8", "surrogatepass")
            update(b"%s:%d:" % (PLAIN_TEXT[kind], len(data)))
            update(data)
        elif kind is list or kind is tuple:
            # what the general way below gives a plain list or tuple (no __digest__, no dataclass), taken first:
            # most of what a page reads is lists of records and text
            if id(value) in seen:
                update(b"cycle\0")
                return
            seen = seen | {id(value)}
            update(b"[%d" % len(value))
            for part in value:
                self._feed(digest, part, seen, refers_to)
            update(b"]")
        elif _is_record_kind(kind):
            update(self._shared(value, seen, refers_to))
        elif value is None or isinstance(value, (bool, int, float, str)):
            update(f"{kind.__name__}:{value!r}\0".encode())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            update(self._shared(value, seen, refers_to))
        elif isinstance(value, Content):
            if refers_to is None:
                update(b"item:" + self._own_data(value)[0])
            else:
                refers_to.append(value)
                update(f"ref:{type(value).__name__}:{value.relative_source_path}\0".encode())
        elif isinstance(value, (datetime, date, time)):
            update(f"{type(value).__name__}:{value.isoformat()}\0".encode())
        elif isinstance(value, (timedelta, tzinfo, PurePath, enum.Enum)):
            update(f"{type(value).__name__}:{value}\0".encode())
        elif isinstance(value, re.Pattern):
            update(f"re:{value.flags}:{value.pattern!r}\0".encode())
        elif isinstance(value, bytes):
            update(f"bytes:{len(value)}:".encode() + value)
        elif isinstance(value, URLWrapper):
            update(f"{type(value).__name__}:{value.name}\0{value.slug}\0{value.url}\0".encode())
        elif id(value) in seen:
            update(b"cycle\0")
        else:
            self._feed_structure(digest, value, seen | {id(value)}, refers_to)

    def _shared(self, value, seen: set, refers_to: list | None) -> bytes:
        """The digest of a record (an office, a photo variant, a share button), computed once per object:
        thousands of articles point to the same few offices."""
        remembered = self._records.get(id(value))
        if remembered and remembered[0] is value:
            if refers_to is not None:
                refers_to.extend(remembered[2])
            return remembered[1]
        if id(value) in seen:
            return b"cycle"
        part, found = Pieces(), []
        kind = type(value)
        if _is_plain_record(kind):  # what _feed_structure's dataclass branch feeds, without its other questions
            update, seen = part.append, seen | {id(value)}
            opening, names = _record_layout(kind)
            update(opening)
            for name, label in names:
                update(label)
                self._feed(part, getattr(value, name), seen, found)
            update(b")")
        else:
            self._feed_structure(part, value, seen | {id(value)}, found)
        result = part.digest()
        if not found:
            self._records[id(value)] = (value, result, ())
        if refers_to is not None:
            refers_to.extend(found)
        return result

    def _feed_structure(self, digest, value, seen: set, refers_to: list | None) -> None:
        update = digest.update
        if hasattr(value, "__digest__"):
            update(f"{type(value).__name__}(".encode())
            self._feed(digest, value.__digest__(), seen, refers_to)
            update(b")")
        elif isinstance(value, (list, tuple)):
            update(f"[{len(value)}".encode())
            for part in value:
                self._feed(digest, part, seen, refers_to)
            update(b"]")
        elif isinstance(value, (set, frozenset)):
            update(f"{{{len(value)}".encode())
            for part in sorted(self.of(part) for part in value):
                update(part.encode())
            update(b"}")
        elif isinstance(value, dict):
            update(f"{{{len(value)}".encode())
            for key in sorted(value, key=repr):
                self._feed(digest, key, seen, refers_to)
                self._feed(digest, value[key], seen, refers_to)
            update(b"}")
        elif dataclasses.is_dataclass(value):
            if isinstance(value, type):  # a dataclass itself, not an instance: its defaults, under "type("
                opening, names = f"{type(value).__name__}(".encode(), _record_layout(value)[1]
            else:
                opening, names = _record_layout(type(value))
            update(opening)
            for name, label in names:
                update(label)
                self._feed(digest, getattr(value, name), seen, refers_to)
            update(b")")
        elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)):
            # code, fingerprinted with the rest of it: its name says which
            update(f"code:{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}\0".encode())
        elif hasattr(value, "__dict__") and not callable(value):
            update(f"{type(value).__name__}(".encode())
            attributes = vars(value)
            for name in sorted(attributes):
                if name not in NOT_DATA:
                    update(f"{name}=".encode())
                    self._feed(digest, attributes[name], seen, refers_to)
            update(b")")
        else:
            raise UndigestibleValue(
                f"Build bertahap: nilai jenis {type(value).__module__}.{type(value).__qualname__} di templat "
                "tidak dapat diringkas (sitelib/value_digest.py); tambahkan jenis itu di sana."
            )
