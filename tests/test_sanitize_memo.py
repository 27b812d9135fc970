"""Sanitised bodies remembered between builds (plugins/content_checks/sanitize_memo.py)."""

import sqlite3
import zlib

import nh3
import pytest

from content_checks import sanitize
from content_checks.sanitize import sanitize_html
from content_checks.sanitize_memo import (
    KEEP_BUILDS, KNOWN_OBJECTS, MEMO_FILE, SANITIZER_STAMP, SanitizeMemo, _policy_stamp, abandon_open_memos,
    finish_memo, memo_for,
)

BODIES = [
    '<p>Kankemenag <b>Wonosobo</b> <script>alert(1)</script>menggelar manasik.</p>',
    '<p><a href="javascript:alert(1)" onclick="x()">tautan</a> <img src="/a.jpg" alt="foto" onerror="x()"></p>',
    "<p>Teks biasa 😀 dengan &amp; dan &lt;tag&gt;.</p>",
]


def rows(file) -> int:
    with sqlite3.connect(file) as db:
        return db.execute("SELECT COUNT(*) FROM bodies").fetchone()[0]


def test_the_memo_gives_what_the_sanitiser_gives_and_the_next_build_reuses_it(tmp_path):
    file = tmp_path / "memo.sqlite3"
    first = SanitizeMemo(file, stamp="s1")
    assert [first.sanitized(body) for body in BODIES] == [sanitize_html(body) for body in BODIES]
    assert first.made == 3 and "<script" not in first.sanitized(BODIES[0])
    first.finish()
    second = SanitizeMemo(file, stamp="s1")
    assert [second.sanitized(body) for body in BODIES] == [sanitize_html(body) for body in BODIES]
    assert second.made == 0 and second.looked_up == 3
    assert second.sanitized("") == ""
    second.finish()


def test_another_sanitiser_starts_from_nothing(tmp_path):
    file = tmp_path / "memo.sqlite3"
    memo = SanitizeMemo(file, stamp="s1")
    memo.sanitized(BODIES[0])
    memo.finish()
    with sqlite3.connect(file) as db:  # a row made by another sanitiser, or tampered with
        db.execute("UPDATE bodies SET html = ?", (zlib.compress(b"<script>lama</script>"),))
    other = SanitizeMemo(file, stamp="s2")
    assert other.sanitized(BODIES[0]) == sanitize_html(BODIES[0]) and other.made == 1
    other.finish()


@pytest.mark.parametrize("tampering", [
    # a trigger that would rewrite every new row, left in the file
    "CREATE TRIGGER t AFTER INSERT ON bodies BEGIN UPDATE bodies SET html = x'00'; END",
    "CREATE VIEW v AS SELECT 1",
    "UPDATE meta SET value = '²' WHERE name = 'build'",  # a digit to isdigit(), not to int()
    "UPDATE meta SET value = '" + "9" * 5000 + "' WHERE name = 'build'",
    "DELETE FROM meta",
])
def test_a_file_holding_anything_else_is_made_anew(tmp_path, tampering):
    file = tmp_path / "memo.sqlite3"
    memo = SanitizeMemo(file, stamp="s1")
    memo.sanitized(BODIES[2])
    memo.finish()
    with sqlite3.connect(file) as db:
        db.execute(tampering)
    for _ in range(2):
        again = SanitizeMemo(file, stamp="s1")
        assert again.in_use
        assert [again.sanitized(body) for body in BODIES] == [sanitize_html(body) for body in BODIES]
        again.finish()
    with sqlite3.connect(file) as db:
        assert {name for (name,) in db.execute("SELECT name FROM sqlite_master")} == KNOWN_OBJECTS


def test_the_stamp_names_the_policy_and_nh3(monkeypatch):
    assert SANITIZER_STAMP.endswith(f"nh3-{nh3.__version__}")
    monkeypatch.setattr(sanitize, "ALLOWED_TAGS", sanitize.ALLOWED_TAGS | {"iframe"})
    assert _policy_stamp() != SANITIZER_STAMP


def test_a_build_that_stopped_leaves_the_file_free_for_the_next(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path)}
    memo_for(settings).sanitized(BODIES[0])  # a build that then stops on a content error: never finished
    abandon_open_memos()
    memo = memo_for(settings)
    assert memo.in_use and memo.sanitized(BODIES[0]) == sanitize_html(BODIES[0]) and memo.made == 1
    finish_memo(settings)
    memo = memo_for(settings)
    assert memo.sanitized(BODIES[0]) == sanitize_html(BODIES[0]) and memo.made == 0
    finish_memo(settings)
    assert rows(tmp_path / MEMO_FILE) == 1


def test_rows_unused_for_many_builds_are_dropped(tmp_path):
    file = tmp_path / "memo.sqlite3"
    memo = SanitizeMemo(file, stamp="s1")
    for body in BODIES:
        memo.sanitized(body)
    memo.finish()
    for _ in range(KEEP_BUILDS - 1):
        memo = SanitizeMemo(file, stamp="s1")
        memo.sanitized(BODIES[0])
        memo.finish()
    assert rows(file) == 3
    memo = SanitizeMemo(file, stamp="s1")
    memo.sanitized(BODIES[0])
    memo.finish()
    assert rows(file) == 1


def test_a_damaged_file_is_replaced(tmp_path):
    file = tmp_path / "memo.sqlite3"
    file.write_bytes(b"bukan basis data " * 100)
    memo = SanitizeMemo(file, stamp="s1")
    assert memo.in_use and memo.sanitized(BODIES[1]) == sanitize_html(BODIES[1])
    memo.finish()
    assert rows(file) == 1


def test_a_build_holding_the_file_leaves_the_other_without_a_memo(tmp_path):
    file = tmp_path / "memo.sqlite3"
    holding = SanitizeMemo(file, stamp="s1")
    other = SanitizeMemo(file, stamp="s1")
    assert holding.in_use and not other.in_use
    assert other.sanitized(BODIES[0]) == sanitize_html(BODIES[0])
    other.finish()
    holding.sanitized(BODIES[0])
    holding.finish()
    assert rows(file) == 1


def test_a_row_that_cannot_be_read_means_sanitising_again(tmp_path):
    file = tmp_path / "memo.sqlite3"
    memo = SanitizeMemo(file, stamp="s1")
    memo.sanitized(BODIES[0])
    memo.finish()
    with sqlite3.connect(file) as db:
        db.execute("UPDATE bodies SET html = ?", (b"bukan zlib",))
    again = SanitizeMemo(file, stamp="s1")
    assert again.sanitized(BODIES[0]) == sanitize_html(BODIES[0]) and not again.in_use
    again.finish()
