"""Sanitised bodies remembered between builds, by the SHA-256 of the HTML they were made from.

Sanitising is a function of the body's HTML alone (sanitize.py, with nh3's own code), and every build
sanitises every article again: at 50,000 articles about nine seconds of a build that renders tens of pages.
The result is kept in an SQLite file below CACHE_PATH, one row per body (compressed with zlib), so a build looks
up the bodies it has seen before instead of sanitising them; the file is never read as a whole.

The file is valid for one sanitiser: its stamp (the code of sanitize.py and nh3's version) is stored with the
rows, and a different stamp empties it. A row not used in the last KEEP_BUILDS builds of that cache is dropped
(edited and deleted articles' old bodies). A file that cannot be read as such a memo is replaced by a new one;
the memo only ever saves time, whatever happens to it the bodies are sanitised.
"""

import hashlib
import sqlite3
import zlib
from importlib.metadata import version
from pathlib import Path

from . import sanitize

MEMO_FILE = "badan-bersih.sqlite3"
KEEP_BUILDS = 20
FORMAT = "2"


def sanitizer_stamp() -> str:
    """What names the sanitiser: this memo's format, the code of sanitize.py and nh3's version."""
    code = Path(sanitize.__file__).read_bytes()
    return f"{FORMAT} {hashlib.sha256(code).hexdigest()} nh3-{version('nh3')}"


def body_key(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()


class SanitizeMemo:
    """One build's use of the memo file: `sanitized(html)` answers from it or sanitises and remembers.

    The build holds the file (one transaction) from its first body to `finish`; another build using the same
    cache at the same moment, or a file that fails, gets no memo: it sanitises every body, as without one."""

    def __init__(self, file: Path, stamp: str | None = None):
        self.file = Path(file)
        self.stamp = stamp or sanitizer_stamp()
        self.looked_up = self.made = 0
        self.db = None
        try:
            self._open()
        except sqlite3.OperationalError:
            self._close()  # held by another build: no memo for this one
        except sqlite3.DatabaseError:
            self._close()
            self.file.unlink(missing_ok=True)  # not a memo (damaged, or another file): start a new one
            try:
                self._open()
            except sqlite3.Error:
                self._close()

    def _open(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.file, timeout=2, isolation_level=None)
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html BLOB NOT NULL, build INTEGER NOT NULL);"
            "CREATE INDEX IF NOT EXISTS bodies_build ON bodies (build);"
        )
        self.db.execute("BEGIN IMMEDIATE")
        meta = dict(self.db.execute("SELECT name, value FROM meta"))
        same = meta.get("stamp") == self.stamp and str(meta.get("build", "")).isdigit()
        if not same:
            self.db.execute("DELETE FROM bodies")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (self.stamp,))
        self.build = int(meta["build"]) + 1 if same else 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (str(self.build),))

    def _close(self) -> None:
        if self.db is not None:
            self.db.close()
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


_open_memos: dict[str, SanitizeMemo] = {}


def memo_for(settings) -> SanitizeMemo:
    """The memo of this build's cache (opened by its first body)."""
    file = str(Path(settings["CACHE_PATH"]) / MEMO_FILE)
    if file not in _open_memos:
        _open_memos[file] = SanitizeMemo(Path(file))
    return _open_memos[file]


def finish_memo(settings) -> None:
    """Write this build's memo, if it opened one."""
    memo = _open_memos.pop(str(Path(settings["CACHE_PATH"]) / MEMO_FILE), None)
    if memo is not None:
        memo.finish()
