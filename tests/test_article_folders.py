"""Articles in their reporting office's folder: the placement rule, `invoke move-articles`, `invoke new` and the import."""

import shutil
from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest

from conftest import ROOT, run_pelican, site_settings
from content_checks.placement import Home, article_home, placement_findings
from content_checks.scan import check_sources
from content_checks.source import parse_source
from editorial.article_folders import relinked, with_office_code
from office_tags.registry import load_registry
from site_copy import copy_project, invoke, snapshot
from sitelib.article_files import Placement, article_path, placement

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
WIB = "Asia/Jakarta"
HEADER = "Title: Uji\nDate: {date}\nOffices: kab-wonosobo\nReporting_office: {office}\nSlug: uji\n\nWonosobo – Isi.\n"


def source(date="2024-05-02 09:30", office="kab-wonosobo"):
    return parse_source("content/articles/x.md", HEADER.format(date=date, office=office))


def test_an_article_belongs_in_its_reporting_office_and_the_wib_year_of_its_date():
    assert article_home(source(), REGISTRY, WIB) == Home("kab-wonosobo", "2024")
    # by name or alias too; the year is WIB's: 23:30 UTC on 31 December is New Year's Day in Jakarta
    assert article_home(source("2024-12-31T23:30:00+00:00", "Kankemenag Kab. Wonosobo"), REGISTRY, WIB) == Home("kab-wonosobo", "2025")
    assert article_home(source(office="kedu"), REGISTRY, WIB) is None  # a residency is no office: rules report it
    assert article_home(source(date="besok"), REGISTRY, WIB) is None


@pytest.mark.parametrize("relative, expected", [
    ("kab-wonosobo/2024/2024-05-02-uji.md", []),
    ("kab-magelang/2024/2024-05-02-uji.md", [("GALAT", "Reporting_office")]),
    ("kab-magelang/uji.md", [("GALAT", "Reporting_office")]),
    ("2024/2024-05-02-uji.md", [("PERINGATAN", "")]),
    ("uji.md", [("PERINGATAN", "")]),
    ("kab-wonosobo/uji.md", [("PERINGATAN", "")]),  # listed in the editor, but in no year's folder
    ("kab-wonosobo/lama/uji.md", [("PERINGATAN", "")]),
    ("kab-wonosobo/2024/lagi/uji.md", [("PERINGATAN", "")]),  # too deep: the collection lists two levels
    ("kab-wonosobo/2023/2024-05-02-uji.md", [("PERINGATAN", "Date")]),
])
def test_the_placement_rule(relative, expected):
    found = placement_findings(source(), PurePosixPath(relative), "content/articles", REGISTRY, WIB)
    assert [(finding.severity, finding.field) for finding in found] == expected
    if "/" in relative and relative.startswith("kab-wonosobo/") and relative.count("/") != 2:
        shown = "tidak tampil di editor web" in found[0].message
        assert shown == (relative.count("/") > 2)  # what the message says of the editor is true
    for finding in found:
        assert "content/articles/kab-wonosobo/2024/" in finding.hint and "invoke move-articles" in finding.hint


def test_placement_reads_office_and_year_folders():
    assert placement(PurePosixPath("kab-x/2024/a.md")) == Placement("kab-x", "2024", 2)
    assert placement(PurePosixPath("kab-x/24/a.md")) == Placement("kab-x", None, 2)
    assert placement(PurePosixPath("kab-x/2024/b/a.md")) == Placement("kab-x", None, 3)
    assert placement(PurePosixPath("a.md")) == Placement(None, None, 0)


def test_a_new_file_goes_to_its_office_and_the_year_of_its_wib_date():
    moment = datetime(2027, 1, 1, 0, 30, tzinfo=ZoneInfo(WIB))
    assert article_path("kab-wonosobo", moment, "uji") == PurePosixPath("kab-wonosobo/2027/2027-01-01-uji.md")
    with pytest.raises(ValueError):
        article_path("../luar", moment, "uji")


def test_reporting_office_is_rewritten_only_when_its_line_is_certain():
    text = "Title: A\r\nReporting_office:  Kankemenag Kab. Wonosobo\r\nSlug: a\r\n\r\nReporting_office: tetap di isi\r\n"
    assert with_office_code(text, "kab-wonosobo") == (
        "Title: A\r\nReporting_office: kab-wonosobo\r\nSlug: a\r\n\r\nReporting_office: tetap di isi\r\n")
    # the line the header parser reads: first after a byte-order mark, indented, in a fenced header
    assert with_office_code("\ufeffReporting_office: Wonosobo\nTitle: A\n\nx", "kab-wonosobo") == (
        "\ufeffReporting_office: kab-wonosobo\nTitle: A\n\nx")
    fenced = "---\nTitle: A\n   Reporting_office: Wonosobo\n...\nReporting_office: Wonosobo\n"
    assert with_office_code(fenced, "kab-wonosobo") == "---\nTitle: A\n   Reporting_office: kab-wonosobo\n...\nReporting_office: Wonosobo\n"
    assert with_office_code("Reporting_office: A\nreporting_office: B\n\nx", "kab-x") is None
    assert with_office_code("Reporting_office: A\n    lanjut\n\nx", "kab-x") is None


def test_links_that_a_move_would_break_are_written_from_the_content_root(tmp_path):
    root = tmp_path / "content"
    old, other = root / "articles/2022/a.md", root / "articles/2021/b.md"
    moves = {old: root / "articles/kab-x/2022/a.md", other: root / "articles/kab-y/2021/b.md"}
    text = ("Image: {static}../../images/foto%20satu.jpg\n\n[b]({filename}../2021/b.md#bagian) "
            "[abs]({filename}/articles/2021/b.md) [foto]({static}/images/f.jpg) [luar](https://contoh.test/{x})\n")
    rewritten, count = relinked(text, old, moves, root)
    assert count == 3
    assert rewritten == ("Image: {static}/images/foto%20satu.jpg\n\n[b]({filename}/articles/kab-y/2021/b.md#bagian) "
                         "[abs]({filename}/articles/kab-y/2021/b.md) [foto]({static}/images/f.jpg) [luar](https://contoh.test/{x})\n")
    # a page that stays keeps its relative links to files that stay, and follows one that moves
    page = root / "pages/p.md"
    assert relinked("[x]({filename}../articles/2021/b.md) [y]({static}../images/f.jpg)", page, moves, root) == (
        "[x]({filename}/articles/kab-y/2021/b.md) [y]({static}../images/f.jpg)", 1)


LINKING = """Title: Tautan Antarberita Uji Pindah
Date: 2022-08-25 10:00
Category: Haji dan Umrah
Tags: Uji
Author: uji/rf
Offices: kota-magelang
Reporting_office: Kankemenag Kota Magelang
Slug: tautan-antarberita-uji-pindah
Summary: Berita uji yang menautkan berita lain.

Kota Magelang – Baca juga [rakor kemarin]({filename}2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md) dan
[berita Wonosobo]({filename}../2021/2021-06-15-lima-asn-wonosobo-ikuti-rakor-seksi-phu.md).
"""


def test_moving_every_article_changes_no_published_byte(tmp_path):
    """The site in the old layout (articles by year, an office written by name, relative links between articles and
    from a page) is built, moved by `invoke move-articles`, and built again: every output file is identical."""
    project = old_layout_project(tmp_path)
    content = project / "content"
    (content / "articles/2022/2022-08-25-tautan.md").write_text(LINKING, encoding="utf-8")
    page = content / "pages/kontak.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBerita terbaru: [rakor]({filename}../articles/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md).\n",
                    encoding="utf-8")
    before = run_pelican(str(project / "pelicanconf.py"), tmp_path / "sebelum", project / "content")

    moved = invoke(project, "move-articles")
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "3 berita dipindah; Reporting_office ditulis sebagai kode kantor di 1 berkas; 3 tautan ditulis ulang" in moved.stdout
    articles = project / "content" / "articles"
    assert sorted(path.relative_to(articles).as_posix() for path in articles.rglob("*.md")) == [
        "kab-wonosobo/2021/2021-06-15-lima-asn-wonosobo-ikuti-rakor-seksi-phu.md",
        "kota-magelang/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md",
        "kota-magelang/2022/2022-08-25-tautan.md",
    ]
    assert sorted(path.name for path in articles.iterdir()) == ["kab-wonosobo", "kota-magelang"]  # year folders gone
    assert "Reporting_office: kota-magelang\n" in (articles / "kota-magelang/2022/2022-08-25-tautan.md").read_text(encoding="utf-8")
    after = run_pelican(str(project / "pelicanconf.py"), tmp_path / "sesudah", project / "content")
    assert snapshot(after) == snapshot(before)
    assert not [f for f in check_sources(site_settings(project / "content", CACHE_PATH=str(tmp_path / "cache")))
                if "folder" in f.message]
    again = invoke(project, "move-articles")
    assert again.returncode == 0 and "0 berita dipindah" in again.stdout


def test_a_taken_place_or_an_unknown_office_is_reported_and_left(tmp_path):
    content = tmp_path / "lama"
    shutil.copytree(ROOT / "content", content)
    seed = next((content / "articles").rglob("2021-06-15-*.md"))
    (content / "articles/2021").mkdir()
    shutil.copy(seed, content / "articles/2021" / seed.name)  # the same name waits at its office's folder
    unknown = content / "articles/2021/kantor-lain.md"
    unknown.write_text(HEADER.format(date="2021-06-16 10:00", office="Kantor Entah"), encoding="utf-8")
    project = copy_project(tmp_path / "situs", content)
    moved = invoke(project, "move-articles")
    assert moved.returncode == 1
    assert "content/articles/2021/2021-06-15-lima-asn-wonosobo-ikuti-rakor-seksi-phu.md: TIDAK DIPINDAH: tempatnya" in moved.stdout
    assert "content/articles/2021/kantor-lain.md: TIDAK DIPINDAH: kantor peliput (Reporting_office)" in moved.stdout
    assert (project / "content/articles/2021/kantor-lain.md").exists()
    assert (project / "content/articles/2021" / seed.name).read_bytes() == seed.read_bytes()


def test_invoke_new_needs_the_office_and_writes_in_its_folder(tmp_path):
    project = copy_project(tmp_path / "situs", ROOT / "content")
    refused = invoke(project, "new", "Manasik Haji Uji")
    assert refused.returncode == 1 and "pilih kantor peliputnya" in refused.stderr
    made = invoke(project, "new", "Manasik Haji Uji", "--office", "Kankemenag Kab. Wonosobo")
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent.parent.as_posix().endswith("content/articles/kab-wonosobo") and path.name.endswith("-manasik-haji-uji.md")
    assert path.parent.name == path.name[:4]


def old_layout_project(tmp_path: Path) -> Path:
    """A project whose two seed articles are in the layout before (content/articles/YEAR/)."""
    content = tmp_path / "lama"
    shutil.copytree(ROOT / "content", content)
    for path in sorted((content / "articles").rglob("*.md")):
        year = path.relative_to(content / "articles").parts[1]
        (content / "articles" / year).mkdir(exist_ok=True)
        path.rename(content / "articles" / year / path.name)
    for office in ("kab-wonosobo", "kota-magelang"):
        shutil.rmtree(content / "articles" / office)
    return copy_project(tmp_path / "situs", content)


def test_nothing_is_written_through_a_symbolic_link_or_over_a_file(tmp_path):
    project = old_layout_project(tmp_path)
    outside = tmp_path / "luar"
    outside.mkdir()
    articles = project / "content" / "articles"
    (articles / "kab-wonosobo").symlink_to(outside, target_is_directory=True)
    (articles / "kota-magelang").write_text("bukan folder", encoding="utf-8")
    before = snapshot(project / "content")
    moved = invoke(project, "move-articles")
    assert moved.returncode == 1
    assert "kab-wonosobo adalah tautan simbolik (symlink)" in moved.stdout and "kota-magelang adalah berkas, bukan folder" in moved.stdout
    assert list(outside.iterdir()) == [] and snapshot(project / "content") == before
    made = invoke(project, "new", "Manasik Haji Uji", "--office", "kab-wonosobo")
    assert made.returncode == 1 and "tautan simbolik" in made.stderr and list(outside.iterdir()) == []


UNCERTAIN = {  # links the rewriting cannot carry with certainty
    "kurung.md": "Lihat [berita]({filename}../2021/a(1).md).",  # a name the rewriting stops at
    "entitas.md": "Lihat <a href=\"{filename}../2021/b&amp;c.md\">berita</a>.",  # an entity in the name
    "kode.md": "Tulis tautan seperti ini:\n\n    [berita]({filename}../2021/lima.md)\n",  # inside code: text, not a link
}


def test_a_link_the_move_cannot_rewrite_with_certainty_stops_everything(tmp_path):
    project = old_layout_project(tmp_path)
    articles = project / "content" / "articles"
    for name in ("a(1).md", "b&c.md", "lima.md"):
        (articles / "2021" / name).write_text(HEADER.format(date="2021-06-16 10:00", office="kab-wonosobo").replace(
            "Slug: uji", f"Slug: uji-{len(name)}-{name[0]}"), encoding="utf-8")
    for number, (name, body) in enumerate(UNCERTAIN.items()):
        (articles / "2022" / name).write_text(HEADER.format(date="2022-08-25 10:00", office="kota-magelang").replace(
            "Wonosobo – Isi.", body).replace("Slug: uji", f"Slug: tautan-uji-{number}"), encoding="utf-8")
    before = snapshot(project / "content")
    moved = invoke(project, "move-articles")
    assert moved.returncode == 1 and "Tidak ada berkas yang dipindah" in moved.stderr
    for name in UNCERTAIN:
        assert f"content/articles/2022/{name}: TAUTAN TIDAK PASTI: tautan {{filename}}/{{static}}/{{attach}} di berkas ini tidak bisa ditulis ulang" in moved.stderr
    assert snapshot(project / "content") == before


def test_a_move_that_fails_midway_takes_back_what_it_made(tmp_path):
    """Planned, then the way to one office's folder becomes a link (a second editor, a sync tool): nothing is
    moved, no link rewritten, nothing written outside."""
    from editorial.article_folders import PlanRefused, apply_plan, plan_moves

    project = old_layout_project(tmp_path)
    content = project / "content"
    page = content / "pages" / "kontak.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Rakor]({filename}../articles/2022/"
                    "2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md)\n", encoding="utf-8")
    settings = site_settings(content)
    plan = plan_moves(settings)
    assert len(plan.moves) == 2 and plan.links_rewritten == 1
    before = snapshot(content)
    outside = tmp_path / "luar"
    outside.mkdir()
    (content / "articles" / "kota-magelang").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PlanRefused, match="tautan simbolik"):
        apply_plan(plan, settings)
    (content / "articles" / "kota-magelang").unlink()
    assert snapshot(content) == before and list(outside.iterdir()) == []
    # and a file changed after the plan is not overwritten with the plan's text
    page.write_text(page.read_text(encoding="utf-8") + "\nDiubah.\n", encoding="utf-8")
    changed = snapshot(content)
    with pytest.raises(PlanRefused, match="berubah sejak rencana dibuat: .*kontak.md"):
        apply_plan(plan, settings)
    assert snapshot(content) == changed


def test_an_office_written_with_a_tab_is_rewritten_and_a_linked_articles_folder_is_refused(tmp_path):
    project = old_layout_project(tmp_path)
    seed = next((project / "content" / "articles").rglob("2021-06-15-*.md"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Reporting_office: kab-wonosobo", "Reporting_office: Kankemenag\tKab. Wonosobo"),
                    encoding="utf-8")
    moved = invoke(project, "move-articles")
    assert moved.returncode == 0, moved.stdout + moved.stderr
    [written] = (project / "content" / "articles" / "kab-wonosobo").rglob("*.md")
    assert "\nReporting_office: kab-wonosobo\n" in written.read_text(encoding="utf-8")
    articles = project / "content" / "articles"
    articles.rename(project / "content" / "artikel-asli")
    articles.symlink_to(project / "content" / "artikel-asli", target_is_directory=True)
    refused = invoke(project, "move-articles")
    assert refused.returncode == 1 and "folder berita tidak ada atau berupa tautan simbolik" in refused.stderr


def test_invoke_new_makes_the_articles_folder_a_fresh_clone_lacks(tmp_path):
    project = copy_project(tmp_path / "situs", ROOT / "content")
    shutil.rmtree(project / "content" / "articles")
    made = invoke(project, "new", "Manasik Haji Uji", "--office", "kab-wonosobo")
    assert made.returncode == 0, made.stderr
    assert Path(made.stdout.strip()).parent.parent == project / "content" / "articles" / "kab-wonosobo"
