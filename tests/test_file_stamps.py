"""Each content file hashed once per build (sitelib/file_stamps.py, plugins/incremental/cache_stamps.py)."""

import hashlib
import os
import time
from types import SimpleNamespace

import pytest
from pelican.cache import FileStampDataCacher

from incremental.cache_stamps import PELICAN_METHOD, _get_file_stamp, use_remembered_file_stamps
from sitelib import file_stamps
from sitelib.file_stamps import STAMP_METHOD, file_digest, read_with_digest

LATER = 10 * 1_000_000_000  # a moment ten seconds on: files written by the test count as settled


@pytest.fixture(autouse=True)
def fresh_memory():
    file_stamps.forget()
    yield
    file_stamps.forget()


def settled_clock(monkeypatch):
    real = time.time_ns
    monkeypatch.setattr(file_stamps.time, "time_ns", lambda: real() + LATER)


def count_reads(monkeypatch) -> list:
    opened = []
    real_open = open

    def counting_open(path, *args, **kwargs):
        opened.append(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(file_stamps, "open", counting_open, raising=False)
    return opened


def test_the_digest_is_the_sha256_of_the_bytes(tmp_path):
    path = tmp_path / "berita.md"
    path.write_bytes(b"Title: Manasik\n\nIsi.\n")
    data, digest = read_with_digest(path)
    assert data == path.read_bytes()
    assert digest == hashlib.sha256(data).digest() == file_digest(path) == file_digest(str(path))


def test_a_settled_file_is_read_once_and_read_again_when_it_changes(tmp_path, monkeypatch):
    settled_clock(monkeypatch)
    path = tmp_path / "berita.md"
    path.write_bytes(b"satu")
    opened = count_reads(monkeypatch)
    read_with_digest(path)
    assert file_digest(path) == hashlib.sha256(b"satu").digest()
    assert file_digest(tmp_path / "." / "berita.md") == hashlib.sha256(b"satu").digest()
    assert len(opened) == 1
    path.write_bytes(b"dua!")  # the same size; the times differ
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert file_digest(path) == hashlib.sha256(b"dua!").digest()
    assert len(opened) == 2


def test_a_file_replaced_by_another_with_the_same_times_is_read_again(tmp_path, monkeypatch):
    settled_clock(monkeypatch)
    path, other = tmp_path / "berita.md", tmp_path / "lain.md"
    path.write_bytes(b"satu")
    other.write_bytes(b"dua!")
    stat = path.stat()
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    read_with_digest(path)
    os.replace(other, path)  # another inode
    assert file_digest(path) == hashlib.sha256(b"dua!").digest()


def test_a_file_written_just_now_is_not_remembered(tmp_path, monkeypatch):
    """Two writes within one clock tick keep the times: a fresh file is hashed every time it is asked."""
    path = tmp_path / "berita.md"
    path.write_bytes(b"satu")
    opened = count_reads(monkeypatch)
    file_digest(path)
    stat = path.stat()
    path.write_bytes(b"dua!")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as if written in the same tick
    assert file_digest(path) == hashlib.sha256(b"dua!").digest()
    assert len(opened) == 2


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        file_digest(tmp_path / "tidak-ada.md")


def test_pelican_s_stamps_are_the_same_with_and_without_the_memory(tmp_path, monkeypatch):
    settled_clock(monkeypatch)
    path = tmp_path / "berita.md"
    path.write_bytes(b"Title: Manasik\n")
    cacher = SimpleNamespace(settings={"CHECK_MODIFIED_METHOD": STAMP_METHOD},
                             _filestamp_func=lambda name: hashlib.sha256(open(name, "rb").read()).digest())
    assert _get_file_stamp(cacher, str(path)) == PELICAN_METHOD(cacher, str(path))
    assert _get_file_stamp(cacher, str(tmp_path / "tidak-ada.md")) == "" == PELICAN_METHOD(cacher, str(tmp_path / "tidak-ada.md"))
    other = SimpleNamespace(settings={"CHECK_MODIFIED_METHOD": "md5"},
                            _filestamp_func=lambda name: hashlib.md5(open(name, "rb").read()).digest())
    assert _get_file_stamp(other, str(path)) == hashlib.md5(b"Title: Manasik\n").digest()


def test_the_site_s_settings_use_the_same_digest(monkeypatch):
    from pelican.settings import read_settings

    assert read_settings("pelicanconf.py")["CHECK_MODIFIED_METHOD"] == STAMP_METHOD
    monkeypatch.setattr(FileStampDataCacher, "_get_file_stamp", PELICAN_METHOD)
    use_remembered_file_stamps()
    assert FileStampDataCacher._get_file_stamp is _get_file_stamp
