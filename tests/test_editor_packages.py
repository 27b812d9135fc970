"""`invoke setup-editor`: `npm ci` in web_editor/ only when node_modules is missing or from another lockfile.

npm here is a fake on a temporary PATH that records where and how it ran."""

import hashlib

import pytest

from conftest import ROOT
from editorial.setup.commands import CommandFailed
from editorial.setup.editor_packages import STAMP, ensure_installed, install_needed, lockfile_digest


def fake_npm(folder, log, status=0):
    npm = folder / "npm"
    npm.write_text(f'#!/bin/sh\necho "$PWD $*" >> {log}\nexit {status}\n')
    npm.chmod(0o755)


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """A web editor folder with a lockfile, never installed; PATH holds only a folder for a fake npm."""
    folder = tmp_path / "web_editor"
    folder.mkdir()
    (folder / "package-lock.json").write_text('{"lockfileVersion": 3}')
    (folder / "node_modules").mkdir()
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    monkeypatch.setenv("PATH", str(bin_folder))
    return folder, bin_folder, tmp_path / "npm.log"


def npm_runs(log):
    return log.read_text().splitlines() if log.exists() else []


def never(what):
    def fail():
        raise AssertionError(f"{what} should not run")
    return fail


def test_the_digest_is_the_lockfiles_content():
    assert lockfile_digest(ROOT / "web_editor") == hashlib.sha256((ROOT / "web_editor" / "package-lock.json").read_bytes()).hexdigest()


def test_npm_ci_runs_once_per_lockfile(editor, capsys):
    folder, bin_folder, log = editor
    fake_npm(bin_folder, log)
    assert install_needed(folder)  # never installed
    assert ensure_installed(folder, install_npm=never("installing npm"))
    assert npm_runs(log) == [f"{folder} ci --no-audit --no-fund --loglevel=error"]
    assert (folder / STAMP).read_text() == lockfile_digest(folder) + "\n"
    assert "Memasang editor web (Decap CMS) dari npm ..." in capsys.readouterr().out

    assert not install_needed(folder)
    assert not ensure_installed(folder, install_npm=never("installing npm"))
    assert len(npm_runs(log)) == 1

    (folder / "package-lock.json").write_text('{"lockfileVersion": 3, "packages": {}}')
    assert install_needed(folder)  # another lockfile: npm ci again
    assert ensure_installed(folder, install_npm=never("installing npm"))
    assert len(npm_runs(log)) == 2
    assert not install_needed(folder)


def test_a_stamp_from_a_touched_but_equal_lockfile_still_counts(editor):
    folder, bin_folder, log = editor
    fake_npm(bin_folder, log)
    ensure_installed(folder, install_npm=never("installing npm"))
    (folder / "package-lock.json").write_text('{"lockfileVersion": 3}')  # newer time, same content
    assert not install_needed(folder)


def test_npm_is_installed_first_when_missing(editor):
    folder, bin_folder, log = editor
    installed = []

    def install_npm():
        installed.append(True)
        fake_npm(bin_folder, log)

    assert ensure_installed(folder, install_npm)
    assert installed == [True] and len(npm_runs(log)) == 1


def test_a_failed_npm_leaves_no_stamp(editor):
    folder, bin_folder, log = editor
    fake_npm(bin_folder, log, status=1)
    with pytest.raises(CommandFailed, match=r"Perintah `npm ci --no-audit --no-fund --loglevel=error` gagal \(status 1\)\.") as failed:
        ensure_installed(folder, install_npm=never("installing npm"))
    assert failed.value.returncode == 1
    assert not (folder / STAMP).exists() and install_needed(folder)


def test_npm_still_missing_after_installing_it_fails(editor):
    folder, _, _ = editor
    with pytest.raises(CommandFailed, match="Perintah `npm` tidak ditemukan.") as failed:
        ensure_installed(folder, install_npm=lambda: None)
    assert failed.value.returncode == 127
