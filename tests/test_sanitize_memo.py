"""Sanitised bodies remembered between builds (plugins/content_checks/sanitize_memo.py)."""

import sqlite3
import zlib

from content_checks.sanitize import sanitize_html
from content_checks.sanitize_memo import KEEP_BUILDS, SanitizeMemo

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
