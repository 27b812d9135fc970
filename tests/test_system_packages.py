"""`invoke setup-system`: Debian packages whose command is missing, installed as root or named to the user.

apt-get here is a fake on a temporary PATH that only records how it was called."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from editorial.setup.commands import CommandFailed
from editorial.setup.system_packages import (
    NotInstalled, SystemPackage, install_missing, missing_packages, read_package_list,
)


def fake_command(folder, name, body="exit 0"):
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def bin_folder(tmp_path, monkeypatch):
    """A PATH of one folder: `ada` is on it, apt-get records its arguments and DEBIAN_FRONTEND."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake_command(folder, "ada")
    log = tmp_path / "apt-get.log"
    fake_command(folder, "apt-get", f'echo "$DEBIAN_FRONTEND $*" >> {log}')
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture
def package_list(tmp_path):
    path = tmp_path / "system-packages.txt"
    path.write_text("# command package\n\nada paket-ada\nhilang paket-hilang\n  # indented comment\nlain paket-lain\n")
    return path


def apt_calls(bin_folder):
    log = bin_folder.parent / "apt-get.log"
    return log.read_text().splitlines() if log.exists() else []


def test_the_project_list_is_read_as_command_and_package():
    packages = read_package_list(ROOT / "system-packages.txt")
    assert SystemPackage("chromium", "chromium") in packages
    assert SystemPackage("java", "default-jre-headless") in packages
    assert [entry.package for entry in packages][-3:] == ["nodejs", "npm", "mate-backgrounds"]


def test_a_package_without_a_program_is_missing_until_its_file_is_there(tmp_path):
    marker = tmp_path / "foto.jpg"
    entry = SystemPackage(str(marker), "paket-foto")
    assert missing_packages([entry]) == ["paket-foto"]
    marker.write_bytes(b"")
    assert missing_packages([entry]) == []


def test_missing_means_the_command_is_not_on_path(bin_folder, package_list):
    assert missing_packages(read_package_list(package_list)) == ["paket-hilang", "paket-lain"]
    fake_command(bin_folder, "lain")
    assert missing_packages(read_package_list(package_list)) == ["paket-hilang"]


def test_root_installs_the_missing_packages_without_questions(bin_folder, package_list):
    assert install_missing(package_list, as_root=True) == ["paket-hilang", "paket-lain"]
    assert apt_calls(bin_folder) == [
        "noninteractive update -qq",
        "noninteractive install -y -qq paket-hilang paket-lain",
    ]


def test_nothing_runs_when_nothing_is_missing(bin_folder, package_list):
    fake_command(bin_folder, "hilang")
    fake_command(bin_folder, "lain")
    assert install_missing(package_list, as_root=True) == []
    assert apt_calls(bin_folder) == []


def test_anyone_else_is_told_the_command_to_run(bin_folder, package_list):
    with pytest.raises(NotInstalled) as refused:
        install_missing(package_list, as_root=False)
    assert str(refused.value) == (
        "Paket sistem belum terpasang: paket-hilang paket-lain. "
        "Pasang dengan: sudo apt-get install -y paket-hilang paket-lain"
    )
    assert apt_calls(bin_folder) == []


def test_a_failing_apt_get_stops_with_its_status(bin_folder, package_list):
    fake_command(bin_folder, "apt-get", "exit 100")
    with pytest.raises(CommandFailed) as failed:
        install_missing(package_list, as_root=True)
    assert failed.value.returncode == 100
    assert str(failed.value) == "Perintah `apt-get update -qq` gagal (status 100)."


def test_without_apt_get_the_failure_says_so(bin_folder, package_list):
    (bin_folder / "apt-get").unlink()
    with pytest.raises(CommandFailed, match="Perintah `apt-get` tidak ditemukan.") as failed:
        install_missing(package_list, as_root=True)
    assert failed.value.returncode == 127


def test_the_task_exits_like_before(tmp_path, bin_folder):
    """`invoke setup-system` in a project whose list names a missing command: message and status 1 (not root)
    or apt-get's status; the real apt-get never runs (PATH is the fake folder)."""
    from site_copy import PROJECT_PARTS

    project = tmp_path / "proyek"
    project.mkdir()
    for part in (*PROJECT_PARTS, "content", "web_editor"):
        source = ROOT / part
        if source.is_dir():
            (project / part).symlink_to(source, target_is_directory=True)
    for part in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        (project / part).write_bytes((ROOT / part).read_bytes())
    (project / "system-packages.txt").write_text("hilang paket-hilang\n")
    log = tmp_path / "apt-get.log"
    fake_command(bin_folder, "apt-get", f'echo "$*" >> {log}; [ "$1" = update ] || exit 100')
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "setup-system"], cwd=project, capture_output=True, text=True,
        env={"PATH": str(bin_folder), "HOME": str(tmp_path)},
    )
    if os.geteuid() == 0:
        assert result.returncode == 100
        assert "Perintah `apt-get install -y -qq paket-hilang` gagal (status 100)." in result.stderr
        assert log.read_text().splitlines() == ["update -qq", "install -y -qq paket-hilang"]
    else:
        assert result.returncode == 1
        assert result.stderr.strip() == (
            "Paket sistem belum terpasang: paket-hilang. Pasang dengan: sudo apt-get install -y paket-hilang"
        )
        assert not log.exists()
