"""Who may publish for which office, and check findings as GitHub annotations on pull requests."""

import subprocess
from pathlib import Path

import pytest

from content_checks.annotations import annotation
from content_checks.source import parse_source
from editorial.office_permissions import load_editors, permission_findings
from office_tags.registry import load_registry
from sitelib.errors import Finding, SiteConfigError
from site_copy import copy_project, invoke

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "data" / "offices.toml")
EDITORS = """
[[editor]]
github = "Reporter-Wonosobo"
name = "Reporter Wonosobo"
offices = ["kab-wonosobo", "Kankemenag Kab. Temanggung"]

[[editor]]
github = "humas-kanwil"
offices = ["jawa-tengah"]

[[editor]]
github = "editor-kedu"
offices = ["kedu"]
"""
ARTICLE = """Title: Manasik Haji {office}
Date: 2024-05-01 09:30
Category: Haji dan Umrah
Author: uji/rf
Offices: {office}
Summary: Ringkasan.
Reporting_office: {office}
Slug: manasik-{office}

Isi.
"""


@pytest.fixture
def editors(tmp_path):
    path = tmp_path / "editors.toml"
    path.write_text(EDITORS)
    return load_editors(path, REGISTRY)


def test_offices_are_codes_names_or_regions(editors):
    assert editors["reporter-wonosobo"].offices == {"kab-wonosobo", "kab-temanggung"}
    assert editors["humas-kanwil"].offices == set(REGISTRY.offices)  # Kanwil: every office
    assert len(editors["editor-kedu"].offices) == 6 and "kab-kebumen" in editors["editor-kedu"].offices


@pytest.mark.parametrize("bad, message", [
    ('[[editor]]\ngithub = "a"\noffices = ["kab-magelng"]\n', "kantor 'kab-magelng' tidak dikenal"),
    ('[[editor]]\ngithub = "a"\noffices = ["kedu"]\n[[editor]]\ngithub = "A"\noffices = ["kedu"]\n', "tercantum dua kali"),
    ('[[editor]]\ngithub = "a"\noffices = []\n', "belum diberi kantor"),
])
def test_a_broken_editor_registry_stops_with_a_clear_message(tmp_path, bad, message):
    path = tmp_path / "editors.toml"
    path.write_text(bad)
    with pytest.raises(SiteConfigError, match=message):
        load_editors(path, REGISTRY)


def test_the_shipped_editor_registry_loads():
    assert load_editors(ROOT / "data" / "editors.toml", REGISTRY) == {}


def article(office):
    return parse_source(f"content/articles/{office}.md", ARTICLE.format(office=office))


def test_reporting_office_must_be_one_of_the_authors(editors):
    assert permission_findings([article("kab-wonosobo"), article("kab-temanggung")], "reporter-WONOSOBO", editors, REGISTRY) == []
    assert permission_findings([article("kota-semarang")], "humas-kanwil", editors, REGISTRY) == []
    [finding] = permission_findings([article("kab-magelang")], "Reporter-Wonosobo", editors, REGISTRY)
    assert (finding.path, finding.field, finding.line, finding.is_error) == ("content/articles/kab-magelang.md", "Reporting_office", 7, True)
    assert finding.message == "akun GitHub 'Reporter-Wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang."
    assert "data/editors.toml" in finding.hint
    [stranger] = permission_findings([article("kab-wonosobo")], "orang-lain", editors, REGISTRY)
    assert "tidak terdaftar sebagai penulis di data/editors.toml" in stranger.message


def test_annotations_carry_file_line_and_the_indonesian_message():
    error = Finding("content/articles/a,b.md", "Date", "tanggal '2024-13-45 25:00' tidak bisa dibaca.", 2, hint="Tulis 100% benar:\nya.")
    assert annotation(error) == (
        "::error file=content/articles/a%2Cb.md,line=2,title=GALAT%3A kolom Date::"
        "tanggal '2024-13-45 25:00' tidak bisa dibaca. Tulis 100%25 benar:%0Aya."
    )
    warning = Finding("content/articles/x.md", "", "foto besar.", severity="PERINGATAN")
    assert annotation(warning) == "::warning file=content/articles/x.md,title=PERINGATAN::foto besar."


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test", "GIT_COMMITTER_NAME": "uji",
                        "GIT_COMMITTER_EMAIL": "uji@contoh.test", "PATH": "/usr/bin:/bin", "HOME": str(project)})


def test_pull_request_check_in_a_repository(tmp_path):
    project = copy_project(tmp_path / "situs", ROOT / "content")
    (project / "data" / "editors.toml").write_text(EDITORS)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "awal")
    git(project, "checkout", "-qb", "cms/berita-baru")
    new = project / "content" / "articles" / "2024" / "2024-05-01-manasik-kab-magelang.md"
    new.parent.mkdir(exist_ok=True)
    new.write_text(ARTICLE.format(office="kab-magelang"))
    git(project, "add", "-A")
    git(project, "commit", "-qm", "berita")

    refused = invoke(project, "check-office-permission", "--author", "Reporter-Wonosobo", "--base", "main", "--github")
    assert refused.returncode == 1
    assert (
        "::error file=content/articles/2024/2024-05-01-manasik-kab-magelang.md,line=7,title=GALAT%3A kolom Reporting_office::"
        "akun GitHub 'Reporter-Wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang."
    ) in refused.stdout
    allowed = invoke(project, "check-office-permission", "--author", "editor-kedu", "--base", "main")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "1 berita diubah" in allowed.stdout


def test_invoke_check_writes_annotations(tmp_path):
    project = copy_project(tmp_path / "situs", ROOT / "tests" / "bad_content" / "bad-date")
    checked = invoke(project, "check", "--github")
    assert checked.returncode == 1
    assert "::error file=content/articles/tanggal-salah.md,line=2,title=GALAT%3A kolom Date::tanggal '2024-13-45 25:00' tidak bisa dibaca." in checked.stdout
