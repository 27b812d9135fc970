"""The previous build's folders made ahead by another process (sitelib/output_folders.py)."""

import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from sitelib.build_manifest import differing_files
from sitelib.output_folders import (
    FolderMaker, folders_of, make_folders, plain_name, remove_empty, unused_folders,
)


def test_only_plain_names_count():
    for name in ("index.html", "2026/01/berita/index.html", "a.b/c"):
        assert plain_name(name)
    for name in ("", ".", "..", "../x", "/etc/x", "a/../b", "./a", "a//b", "a/", "a\\b", "a\0b", "a/./b"):
        assert not plain_name(name), name


def test_folders_parents_first_and_each_once():
    names = ["2026/01/b/index.html", "2026/01/a/index.html", "index.html", "kantor/x/index.html", "../luar/x",
             "/abs/x", "2026/01/a/index.html.gz"]
    assert folders_of(names) == ["2026", "kantor", "2026/01", "kantor/x", "2026/01/a", "2026/01/b"]


def test_made_below_the_output_only_and_unused_ones_removed(tmp_path):
    output = tmp_path / "keluaran"
    output.mkdir()
    made = folders_of(["2026/01/a/index.html", "2026/01/b/index.html", "../luar/x.html", "/tmp/x/y.html"])
    make_folders(output, made)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [
        "2026", "2026/01", "2026/01/a", "2026/01/b"]
    assert not (tmp_path / "luar").exists()
    (output / "2026" / "01" / "a" / "index.html").write_text("x")
    (output / "2026" / "01" / "b" / "catatan.txt").write_text("tidak tercatat")  # not empty: stays
    remove_empty(output, unused_folders(made, ["2026/01/a/index.html"]))
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [
        "2026", "2026/01", "2026/01/a", "2026/01/a/index.html", "2026/01/b", "2026/01/b/catatan.txt"]
    (output / "2026" / "01" / "b" / "catatan.txt").unlink()
    remove_empty(output, unused_folders(made, ["2026/01/a/index.html"]))
    assert not (output / "2026" / "01" / "b").exists() and (output / "2026" / "01" / "a").is_dir()


def test_the_child_process_makes_the_folders_it_is_given_below_the_output_only(tmp_path):
    output = tmp_path / "baru"
    output.mkdir()
    names = ["2026/01/a/index.html", "../keluar/x", "kartu/k.jpg", ".build-manifest.json/x", "a\nb/c"]
    maker = FolderMaker(output, folders_of(names))
    maker.wait()
    assert maker.process.returncode == 0
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["2026", "2026/01", "2026/01/a", "kartu"]
    # the child checks the names itself too
    result = subprocess.run([sys.executable, "-m", "sitelib.output_folders", str(output)], cwd=ROOT,
                            input=b"../keluar\n/tmp/mutlak\nbaik\n")
    assert result.returncode == 0 and (output / "baik").is_dir()
    assert not (tmp_path / "keluar").exists() and not Path("/tmp/mutlak").exists()


def test_a_missing_output_makes_nothing(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sitelib.output_folders", str(tmp_path / "tidak-ada")], cwd=ROOT,
                            input=b"a\na/b\n")
    assert result.returncode == 0 and list(tmp_path.iterdir()) == []


def test_a_stopped_build_s_maker_stops(tmp_path):
    output = tmp_path / "baru"
    output.mkdir()
    maker = FolderMaker(output, [str(n) for n in range(100_000)])
    maker.stop()
    assert maker.process.returncode == -signal.SIGTERM
    count = len(list(output.iterdir()))
    time.sleep(0.3)
    assert len(list(output.iterdir())) == count < 100_000  # nothing more is made


def test_the_weekly_comparison_sees_a_folder_only_one_site_has(tmp_path):
    site, reference = tmp_path / "bertahap", tmp_path / "penuh"
    for folder in (site, reference):
        (folder / "2026" / "01" / "a").mkdir(parents=True)
        (folder / "2026" / "01" / "a" / "index.html").write_text("x")
    assert differing_files(site, reference) == [".build-manifest.json"]  # neither has a manifest
    (site / "2026" / "02" / "kosong").mkdir(parents=True)
    assert differing_files(site, reference) == [".build-manifest.json", "2026/02/", "2026/02/kosong/"]
