"""Sanitised bodies remembered between builds, by the SHA-256 of the HTML they were made from.

Sanitising is a function of the body's HTML alone (sanitize.py, with nh3's own code), and every build
sanitises every article again: at 50,000 articles about nine seconds of a build that renders tens of pages.
The result is kept in an SQLite file below CACHE_PATH, one row per body (compressed with zlib), so a build looks
up the bodies it has seen before instead of sanitising them; the file is never read as a whole.

The file is valid for one sanitiser: its stamp (the sanitising policy this process runs, sanitize.py's code as
it was loaded, nh3's version) is stored with the rows, and a file with another stamp is deleted and made anew,
as is one holding anything but this module's two tables and index. A row not used in the last KEEP_BUILDS
builds of that cache is dropped (edited and deleted articles' old bodies). A file that cannot be read as such a
memo is replaced by a new one; the memo only ever saves time, whatever happens to it the bodies are sanitised.
The file is trusted as Pelican's reader cache beside it is (a pickle), no more: the workflow restores both only
in jobs that run on the main branch.
"""

import hashlib
import re
import sqlite3
import zlib
from pathlib import Path

import nh3

from . import sanitize

MEMO_FILE = "badan-bersih.sqlite3"
KEEP_BUILDS = 20
FORMAT = "3"
SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE bodies (key TEXT PRIMARY KEY, html BLOB NOT NULL, build INTEGER NOT NULL);"
    "CREATE INDEX bodies_build ON bodies (build);"
)
# What sqlite_master may name: the two tables, the index, and SQLite's own indexes of the primary keys.
KNOWN_OBJECTS = {"meta", "bodies", "bodies_build", "sqlite_autoindex_meta_1", "sqlite_autoindex_bodies_1"}
BUILD_NUMBER = re.compile(r"[0-9]{1,18}")


def _policy_stamp() -> str:
    """The sanitiser this process runs: its policy objects and sanitize.py as loaded (not as it may be on disk
    now: the live preview keeps its loaded modules across rebuilds)."""
    policy = repr((sorted(sanitize.ALLOWED_TAGS), sorted((tag, sorted(names)) for tag, names in
                                                          sanitize.ALLOWED_ATTRIBUTES.items()),
                   sorted(sanitize.GENERIC_ATTRIBUTES)))
    code = Path(sanitize.__file__).read_bytes()
    return f"{FORMAT} {hashlib.sha256(code + policy.encode()).hexdigest()} nh3-{nh3.__version__}"


SANITIZER_STAMP = _policy_stamp()


def body_key(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()


class SanitizeMemo:
    """One build's use of the memo file: `sanitized(html)` answers from it or sanitises and remembers.

    The build holds the file (one transaction) from its first body to `finish`; another build using the same
    cache at the same moment, or a file that fails, gets no memo: it sanitises every body, as without one."""

    def __init__(self, file: Path, stamp: str = SANITIZER_STAMP):
        self.file = Path(file)
        self.stamp = stamp
        self.looked_up = self.made = 0
        self.db = None
        try:
            if not self._open():
                self._close()
                self.file.unlink(missing_ok=True)  # another sanitiser's, or not only ours: a new file
                if not self._open():
                    self._close()
        except sqlite3.OperationalError:
            self._close()  # held by another build (or not writable): no memo for this one
        except (sqlite3.DatabaseError, OSError):
            self._close()
            try:
                self.file.unlink(missing_ok=True)  # not a memo (damaged, or another file): start a new one
                if not self._open():
                    self._close()
            except (sqlite3.Error, OSError):
                self._close()

    def _open(self) -> bool:
        """Open the file and start this build's transaction; False when it is not a memo of this sanitiser."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.file, timeout=2, isolation_level=None)
        self.db.execute("PRAGMA trusted_schema = OFF")
        self.db.execute("BEGIN IMMEDIATE")
        names = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master")}
        if not names:
            for statement in filter(None, SCHEMA.split(";")):
                self.db.execute(statement)
            self.db.execute("INSERT INTO meta VALUES ('stamp', ?)", (self.stamp,))
            meta = {"stamp": self.stamp, "build": "0"}
        elif names != KNOWN_OBJECTS:
            return False
        else:
            meta = dict(self.db.execute("SELECT name, value FROM meta"))
        number = meta.get("build", "0")
        if meta.get("stamp") != self.stamp or not isinstance(number, str) or not BUILD_NUMBER.fullmatch(number):
            return False
        self.build = int(number) + 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (str(self.build),))
        return True

    def _close(self) -> None:
        if self.db is not None:
            self.db.close()  # an open transaction is rolled back
        self.db = None

    @property
    def in_use(self) -> bool:
        return self.db is not None

    def sanitized(self, html: str) -> str:
        """`sanitize_html(html)`, from the memo when this HTML was sanitised before."""
        if not html or self.db is None:
            return sanitize.sanitize_html(html)
        key = body_key(html)
        self.looked_up += 1
        try:
            row = self.db.execute("SELECT html FROM bodies WHERE key = ?", (key,)).fetchone()
            if row is not None and isinstance(row[0], bytes):
                self.db.execute("UPDATE bodies SET build = ? WHERE key = ?", (self.build, key))
                return zlib.decompress(row[0]).decode("utf-8", "surrogatepass")
            clean = sanitize.sanitize_html(html)
            self.made += 1
            stored = zlib.compress(clean.encode("utf-8", "surrogatepass"))
            self.db.execute("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", (key, stored, self.build))
            return clean
        except (sqlite3.Error, zlib.error, UnicodeDecodeError):
            self._close()
            return sanitize.sanitize_html(html)

    def finish(self) -> None:
        """Keep what this build used, drop rows unused for KEEP_BUILDS builds, and close the file."""
        if self.db is None:
            return
        try:
            self.db.execute("DELETE FROM bodies WHERE build <= ?", (self.build - KEEP_BUILDS,))
            self.db.execute("COMMIT")
        except sqlite3.Error:
            pass  # the memo is lost, not the build
        self._close()

    def abandon(self) -> None:
        """Close without keeping anything of this build (it failed)."""
        self._close()


_open_memos: dict[str, SanitizeMemo] = {}


def _memo_file(settings) -> str:
    return str(Path(settings["CACHE_PATH"]) / MEMO_FILE)


def memo_for(settings) -> SanitizeMemo:
    """The memo of this build's cache (opened by its first body)."""
    file = _memo_file(settings)
    if file not in _open_memos:
        _open_memos[file] = SanitizeMemo(Path(file))
    return _open_memos[file]


def finish_memo(settings) -> None:
    """Write this build's memo, if it opened one."""
    memo = _open_memos.pop(_memo_file(settings), None)
    if memo is not None:
        memo.finish()


def abandon_open_memos() -> None:
    """Close, keeping nothing, the memos of earlier builds in this process that stopped before finishing (a
    content error in the live preview): their files are free for this build and others."""
    while _open_memos:
        _open_memos.popitem()[1].abandon()
