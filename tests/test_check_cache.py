"""`invoke check` remembers each file's findings (content_checks/result_cache.py): a second check gives the same
findings from the cache, and a change to the file, to a file it links to, or to the code, data and settings that
judge it makes it checked again."""

import shutil
from pathlib import Path

import pytest
from content_checks.scan import check_sources, result_cache_for
from conftest import site_settings

ROOT = Path(__file__).resolve().parents[1]
BAD_CONTENT = ROOT / "tests" / "bad_content"
LINKS = """Title: Tautan Berita Uji
Date: 2024-05-03 08:00
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-kebumen
Reporting_office: kab-kebumen
Summary: Berita uji dengan foto, dokumen dan tautan ke berita lain.

Kebumen – ![Calon jemaah berlatih]({static}/images/latihan.jpg)

Baca juga [berita manasik]({filename}/articles/kab-wonosobo/2024/manasik-bergambar.md) dan
[daftar jemaah]({static}/dokumen/kab-kebumen/2024/05/daftar.pdf).
"""


def settings_for(content: Path, cache: Path, **extra):
    return site_settings(content, CACHE_PATH=str(cache), **extra)


def checked(settings):
    results = result_cache_for(settings)
    return [str(finding) for finding in check_sources(settings, results=results)], results.reused


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    shutil.copytree(ROOT / "tests" / "photo_content", folder, dirs_exist_ok=True)
    (folder / "articles" / "tautan.md").write_text(LINKS, encoding="utf-8")
    return folder


def test_a_second_check_reuses_every_file_and_finds_the_same(content, tmp_path):
    settings = settings_for(content, tmp_path / "cache")
    cold, reused = checked(settings)
    assert reused == 0 and any("latihan.jpg' tidak ditemukan" in line for line in cold)
    warm, reused = checked(settings)
    assert warm == cold and reused == len(list(content.rglob("*.md")))


def test_a_change_to_a_file_or_to_what_it_links_to_is_checked_again(content, tmp_path):
    settings = settings_for(content, tmp_path / "cache")
    files = len(list(content.rglob("*.md")))
    checked(settings)
    shutil.copy(content / "images" / "manasik.jpg", content / "images" / "latihan.jpg")  # the missing photo arrives
    after_photo, reused = checked(settings)
    assert reused == files - 1 and not any("latihan.jpg" in line for line in after_photo)
    (content / "images" / "manasik.jpg").unlink()  # the photo of another article goes away
    after_removal, reused = checked(settings)
    assert reused == files - 1
    assert any("manasik-bergambar.md" in line and "manasik.jpg' tidak ditemukan" in line for line in after_removal)
    (content / "articles" / "kab-wonosobo" / "2024" / "manasik-bergambar.md").unlink()  # a linked article goes away
    after_link, _ = checked(settings)
    assert any("tautan.md" in line and "manasik-bergambar.md' menuju berkas yang tidak ada" in line for line in after_link)
    article = content / "articles" / "tautan.md"
    article.write_text(article.read_text().replace("Summary: Berita uji dengan foto, dokumen dan tautan ke berita lain.\n", ""),
                       encoding="utf-8")
    edited, reused = checked(settings)
    assert reused == files - 2 and any("tautan.md" in line and "kolom Summary" in line for line in edited)


def test_other_settings_or_code_check_everything_again(content, tmp_path):
    cache = tmp_path / "cache"
    checked(settings_for(content, cache))
    assert checked(settings_for(content, cache, DEFAULT_PAGINATION=12))[1] == 0
    assert checked(settings_for(content, cache, DEFAULT_PAGINATION=12))[1] > 0
    (cache / "periksa" / "hasil.json").write_text("{rusak")  # a damaged cache is a cold one, not an error
    assert checked(settings_for(content, cache, DEFAULT_PAGINATION=12))[1] == 0


@pytest.mark.parametrize("case", sorted(path.name for path in BAD_CONTENT.iterdir() if path.is_dir()))
def test_every_bad_content_case_is_found_again_from_the_cache(case, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BAD_CONTENT / case, content, symlinks=True)
    settings = settings_for(content, tmp_path / "cache")
    cold, _ = checked(settings)
    warm, _ = checked(settings)
    assert warm == cold


def test_the_plain_date_form_is_read_as_pelican_reads_it():
    import random
    from datetime import datetime, timedelta

    from content_checks.rules import _plain_date
    from pelican.utils import get_date

    rng = random.Random(7)
    for _ in range(500):
        moment = datetime(2016, 1, 1) + timedelta(minutes=rng.randrange(10 * 366 * 24 * 60))
        text = f"{moment:%Y-%m-%d %H:%M}"
        assert _plain_date(text) == get_date(text) == moment
    for other in ("2023-02-29 10:00", "2024-13-45 25:00", "2024-5-1 9:30", "1 Mei 2024", "2024-05-01T09:30+07:00"):
        assert _plain_date(other) is None  # left to Pelican's reader, which accepts or words the refusal


def test_new_times_alone_check_nothing_again_and_a_folder_moved_behind_a_link_does(content, tmp_path):
    import os

    settings = settings_for(content, tmp_path / "cache")
    files = len(list(content.rglob("*.md")))
    cold, _ = checked(settings)
    for path in content.rglob("*"):
        os.utime(path, (1_800_000_000, 1_800_000_000))  # a fresh checkout in CI: same contents, new times
    assert checked(settings) == (cold, files)
    shutil.move(content / "images", tmp_path / "foto-di-luar")  # photos moved out of content/, linked back
    (content / "images").symlink_to(tmp_path / "foto-di-luar", target_is_directory=True)
    moved, reused = checked(settings)
    assert reused < files and any("manasik.jpg" in line and "di luar folder content" in line for line in moved), moved


SCHEDULED = """Title: Pengumuman Terjadwal
Date: 2030-01-01 00:30
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-kebumen
Reporting_office: kab-kebumen
Slug: pelunasan-bipih
Summary: Berita yang terbit sendiri pada jamnya.

Kebumen – Isi berita terjadwal.
"""
CLASHING = SCHEDULED.replace("Date: 2030-01-01 00:30", "Date: 2030-01-01 00:10").replace("Pengumuman Terjadwal", "Berita Lain")


def test_remembered_claims_are_told_for_the_moment_of_each_run():
    """A scheduled article's claims are remembered without the clock: its draft address until its hour, its
    published address from then on, as `rules.claims` tells them at each moment."""
    from datetime import datetime, timedelta, timezone
    from content_checks import rules
    from content_checks.source import parse_source

    settings = site_settings(ROOT / "content")
    source = parse_source("content/articles/terjadwal.md", SCHEDULED)
    timed = rules.timed_claims(source, "article", settings)
    due = datetime(2029, 12, 31, 17, 30, tzinfo=timezone.utc)  # 00:30 WIB
    for moment in (due - timedelta(hours=1), due - timedelta(microseconds=1), due, due + timedelta(days=3)):
        assert timed.at(moment) == rules.claims(source, "article", settings, moment)
    assert any(claim.draft for claim in timed.at(due - timedelta(seconds=1)))
    assert not any(claim.draft for claim in timed.at(due))


@pytest.mark.parametrize("with_bodies", [True, False])
def test_a_check_from_remembered_results_finds_what_a_fresh_one_finds_at_any_moment(content, tmp_path, with_bodies):
    """Two articles want one address on different days: the remembered check and a fresh one agree before and
    after the scheduled one's hour (the clash is found on both sides: one's draft takes the address later)."""
    from datetime import datetime, timezone
    from content_checks.scan import check_sources, result_cache_for

    (content / "articles" / "terjadwal.md").write_text(SCHEDULED, encoding="utf-8")
    (content / "articles" / "bentrok.md").write_text(CLASHING, encoding="utf-8")
    for moment in (datetime(2029, 12, 31, 17, 29, tzinfo=timezone.utc), datetime(2029, 12, 31, 17, 31, tzinfo=timezone.utc)):
        fresh = [str(f) for f in check_sources(settings_for(content, tmp_path / "segar" / moment.isoformat()),
                                               with_bodies, now=moment)]
        settings = settings_for(content, tmp_path / "cache")
        results = result_cache_for(settings, with_bodies)
        remembered = [str(f) for f in check_sources(settings, with_bodies, now=moment, results=results)]
        assert remembered == fresh and any("pelunasan-bipih" in line for line in fresh)
    assert results.reused == len(list(content.rglob("*.md")))


def test_where_a_build_writes_does_not_judge_content(content, tmp_path):
    """The build checks headers before reading in every run: an incremental build into a new staging folder,
    from the last output, at a pinned moment, reuses what the last build found."""
    cache = tmp_path / "cache"
    checked(settings_for(content, cache))
    elsewhere = settings_for(content, cache, OUTPUT_PATH=str(tmp_path / "lain"), BUILD_PREVIOUS_OUTPUT=str(tmp_path / "lama"),
                             BUILD_NOW="2026-12-07T06:00:00+00:00")
    assert checked(elsewhere)[1] == len(list(content.rglob("*.md")))


def test_a_damaged_entry_is_checked_again(content, tmp_path):
    """The cache comes back from CI's cache storage: an entry that cannot be read is no entry."""
    import json

    from content_checks.scan import RESULT_CACHE_FILE

    cache = tmp_path / "cache"
    cold, _ = checked(settings_for(content, cache))
    stored = json.loads((cache / RESULT_CACHE_FILE).read_text(encoding="utf-8"))
    damaged = sorted(stored["files"])[:3]
    del stored["files"][damaged[0]]["claims"]
    stored["files"][damaged[1]]["findings"] = [{"tidak": "sah"}]
    stored["files"][damaged[2]]["claims"]["date"] = "kemarin"
    (cache / RESULT_CACHE_FILE).write_text(json.dumps(stored), encoding="utf-8")
    warm, reused = checked(settings_for(content, cache))
    assert warm == cold and reused == len(list(content.rglob("*.md"))) - 3
