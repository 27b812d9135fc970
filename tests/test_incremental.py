"""Incremental builds (plugins/incremental, sitelib/build_selection.py) give exactly the full build's site.

The proof: random sequences of edits an office makes (add, change the title, the offices, the date, the
status, schedule for later, delete, rename), each followed by an incremental build from the previous output
and a clean full build of the same content at the same pinned time; every file of the two, the manifest and
the .gz/.br copies included, must be the same bytes. The clock moves an hour per step, so an article
scheduled in one step is due in the next. Plus the pure parts: digests, manifest, fingerprint.
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import generate
from old_addresses.old_uploads import toml_text
from sitelib.build_manifest import Manifest, read_manifest
from sitelib.build_selection import Selection, build_fingerprint
from sitelib.site_folders import BUILD_MANIFEST
from sitelib.value_digest import Digester, UndigestibleValue

from conftest import PUBLISH_SITEURL, ROOT, site_settings

WIB = ZoneInfo("Asia/Jakarta")
START = datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
OFFICES = ("kab-wonosobo", "kab-kudus", "kota-semarang", "kab-magelang", "kab-banyumas", "kota-surakarta")
CORPUS = 12
STEPS = 4


# Building

def pelican(content: Path, output: Path, cache: Path, now: datetime, previous: Path | None = None,
            remote_files: bool = False) -> None:
    # The clock pinned with BUILD_NOW (plugins/incremental/clock.py); one -e for all: Pelican keeps only the last.
    settings = {"BUILD_NOW": now.isoformat()}
    if previous is not None:
        settings.update(BUILD_PREVIOUS_OUTPUT=str(previous), BUILD_REMOTE_FILES=remote_files)
    command = [sys.executable, "-m", "pelican", str(content), "-s", "publishconf.py", "-o", str(output),
               "--cache-path", str(cache), "--fatal", "warnings",
               "-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SITEURL": PUBLISH_SITEURL, "PRECOMPRESS": "1", "COLUMNS": "400"})
    if result.returncode != 0:
        pytest.fail(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes and every folder (as "name/"): an incremental build leaves no folder a full one lacks."""
    return {p.relative_to(folder).as_posix() + ("/" if p.is_dir() else ""): b"" if p.is_dir() else p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_dir()}


def differences(left: Path, right: Path) -> list[str]:
    a, b = tree(left), tree(right)
    return sorted({name for name in a.keys() | b.keys() if a.get(name) != b.get(name)})


# Editing, as an office would

def header_and_body(path: Path) -> tuple[list[str], str]:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    return header.splitlines(), body


def set_field(path: Path, field: str, value: str | None) -> None:
    header, body = header_and_body(path)
    header = [line for line in header if not line.startswith(f"{field}:")]
    if value is not None:
        header.append(f"{field}: {value}")
    path.write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")


def articles(content: Path) -> list[Path]:
    return sorted((content / "articles").rglob("*.md"))


def header_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def add(content, rng, now, number):
    path = content / "articles" / "baru" / f"berita-baru-{number}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    office = rng.choice(OFFICES)
    path.write_text(
        f"Title: Berita Baru {number} dari {office}\nDate: {header_date(now - timedelta(minutes=rng.randint(1, 50)))}\n"
        f"Category: Haji dan Umrah\nTags: Manasik\nAuthor: uji/rf\nOffices: {office}\nReporting_office: {office}\n"
        f"Slug: berita-baru-{number}\nSummary: Ringkasan berita baru {number}.\n\n"
        f"Wonosobo – Isi berita baru nomor {number} tentang pelayanan haji.\n", encoding="utf-8")
    return f"add {path.name}"


def change_title(content, rng, now, number):
    path = rng.choice(articles(content))
    set_field(path, "Title", f"Judul Diubah {number}: Pelayanan Haji Makin Cepat")
    return f"title {path.name}"


def change_offices(content, rng, now, number):
    path = rng.choice(articles(content))
    offices = rng.sample(OFFICES, k=rng.randint(1, 3))
    set_field(path, "Offices", ", ".join(offices))
    set_field(path, "Host_office", None)
    set_field(path, "Reporting_office", offices[0])
    # as `invoke move-articles` would: into the new reporting office's folder (content_checks.placement)
    target = content / "articles" / offices[0] / path.parent.name / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    path.rename(target)
    return f"offices {path.name}: {offices}"


def change_date(content, rng, now, number):
    path = rng.choice(articles(content))
    moment = START - timedelta(days=rng.randint(0, 3000), minutes=rng.randint(0, 1440))
    set_field(path, "Date", header_date(moment))
    return f"date {path.name}: {moment:%Y-%m-%d}"


def change_status(content, rng, now, number):
    path = rng.choice(articles(content))
    header, _ = header_and_body(path)
    draft = "Status: draft" in header
    set_field(path, "Status", None if draft else "draft")
    return f"status {path.name}: {'published' if draft else 'draft'}"


def schedule(content, rng, now, number):
    """Dated within the next hour: the next step's build (an hour later) publishes it."""
    path = rng.choice(articles(content))
    set_field(path, "Date", header_date(now + timedelta(minutes=rng.randint(5, 55))))
    return f"schedule {path.name}"


def delete(content, rng, now, number):
    path = rng.choice(articles(content))
    path.unlink()
    return f"delete {path.name}"


def rename(content, rng, now, number):
    path = rng.choice(articles(content))
    target = path.with_name(f"dipindah-{number}-{path.name}")
    path.rename(target)
    set_field(target, "Slug", f"alamat-baru-{number}")
    return f"rename {path.name} -> {target.name}"


EDITS = (add, change_title, change_offices, change_date, change_status, schedule, delete, rename)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small archive with photos, documents, video and audio; its photo caches filled once."""
    folder = tmp_path_factory.mktemp("bertahap")
    content = generate(folder / "content", CORPUS, seed=7)
    shutil.copytree(ROOT / "tests" / "document_content", content, dirs_exist_ok=True)
    first = sorted((content / "articles").rglob("*-berita-*.md"))[0]
    set_field(first, "Old_path", "/2019/05/alamat-lama-berita/")
    pelican(content, folder / "pemanasan", folder / "cache", START)
    return SimpleNamespace(content=content, folder=folder, warm_cache=folder / "cache")


@pytest.mark.parametrize("seed", [11, 29])
def test_random_edits_build_incrementally_to_the_full_site(corpus, tmp_path, seed):
    content = tmp_path / "content"
    shutil.copytree(corpus.content, content)
    caches = {kind: tmp_path / f"cache-{kind}" for kind in ("bertahap", "penuh")}
    for cache in caches.values():
        shutil.copytree(corpus.warm_cache, cache)
    rng, now = random.Random(seed), START
    previous = tmp_path / "situs-0"
    pelican(content, previous, caches["bertahap"], now)
    done = []
    for step in range(1, STEPS + 1):
        now += timedelta(hours=1)
        for _ in range(rng.randint(1, 2)):
            done.append(rng.choice(EDITS)(content, rng, now, len(done)))
        incremental, full = tmp_path / f"situs-{step}", tmp_path / f"penuh-{step}"
        pelican(content, incremental, caches["bertahap"], now, previous=previous)
        pelican(content, full, caches["penuh"], now)
        assert differences(incremental, full) == [], f"seed {seed}, edits so far: {done}"
        shutil.rmtree(full)
        previous = incremental


def test_unchanged_pages_are_linked_and_a_new_article_renders_only_its_pages(corpus, tmp_path):
    """Nothing changed: every page and photo is the previous build's file (hard link), nothing is rendered.
    Then one new article and one new title: only the pages showing them are rendered, and the builds before
    (whose files the new one shares) are left exactly as they were."""
    content = tmp_path / "content"
    shutil.copytree(corpus.content, content)
    first, second, third = tmp_path / "satu", tmp_path / "dua", tmp_path / "tiga"
    pelican(content, first, corpus.warm_cache, START)
    pelican(content, second, corpus.warm_cache, START, previous=first)
    assert differences(first, second) == []
    pages = [p for p in second.rglob("*.html") if p.relative_to(second).parts[0] != "admin"]
    rendered = [p for p in pages if p.stat().st_ino != (first / p.relative_to(second)).stat().st_ino]
    assert pages and rendered == []
    variants = list((second / "images" / "varian").iterdir())
    assert variants and all(p.stat().st_nlink == 2 for p in variants)

    before = tree(first)
    add(content, random.Random(3), START, 1)
    change_title(content, random.Random(5), START, 2)
    pelican(content, third, corpus.warm_cache, START + timedelta(hours=1), previous=second)
    assert tree(first) == before and tree(second) == before
    all_pages = list(third.rglob("*.html"))
    made = sorted(p.relative_to(third).as_posix() for p in third.rglob("*.html")
                  if p.stat().st_nlink == 1 and p.relative_to(third).parts[0] != "admin")
    assert "2026/12/berita-baru-1/index.html" in made and "index.html" in made
    assert len(made) < len(all_pages) / 3, made
    assert not any(name.startswith(("tentang-kami", "kontak")) for name in made)
    assert re.search(r"Judul Diubah 2", "".join(third.joinpath(name).read_text(encoding="utf-8") for name in made))


# The pure parts

def test_the_manifest_lists_every_file_with_its_hash(corpus):
    site = corpus.folder / "pemanasan"
    manifest = read_manifest(site)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert set(manifest.files) == files - {BUILD_MANIFEST}
    assert all(len(entry["sha256"]) == 64 for entry in manifest.files.values())
    assert manifest.files["index.html"]["reads"] and "sig" in manifest.files["index.html"]


def test_a_manifest_round_trips_and_a_foreign_one_is_ignored():
    manifest = Manifest("f" * 64, {"a/index.html": {"sha256": "0" * 64, "sig": "s", "reads": ("article", "pages")},
                                   "b.jpg": {"sha256": "1" * 64}}, {"pagefind/2026": "x"})
    again = Manifest.from_json(manifest.to_json())
    assert again == manifest and again.to_json() == manifest.to_json()
    for broken in ("", "[]", '{"format": 99}', '{"format": 1, "files": {}}', manifest.to_json()[:-20]):
        assert Manifest.from_json(broken) is None


def test_another_fingerprint_renders_every_page_but_keeps_files_by_their_signatures(tmp_path):
    entry = {"sha256": "0" * 64, "sig": Selection(tmp_path, "").page_signature("index.html", (), {}), "reads": ()}
    old = Manifest("lama", {"index.html": entry, "kartu/a-1.jpg": {"sha256": "1" * 64, "sig": "kartu/a-1.jpg"}})
    previous = tmp_path / "sebelumnya"
    (previous / "kartu").mkdir(parents=True)
    (previous / "index.html").write_text("x")
    (previous / "kartu" / "a-1.jpg").write_bytes(b"jpg")
    other = Selection(tmp_path / "baru", "baru", previous, old)
    assert not other.keep_page("index.html", "index.html", {})
    assert other.keep_file("kartu/a-1.jpg", "kartu/a-1.jpg")
    same = Selection(tmp_path / "lagi", "lama", previous, old)
    assert same.keep_page("index.html", "index.html", {})


def test_the_fingerprint_follows_templates_code_data_and_settings(tmp_path):
    project = tmp_path / "proyek"
    for name in ("plugins", "sitelib", "theme", "data"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    settings = site_settings(ROOT / "content")
    before = build_fingerprint(settings, project)
    shutil.copytree(ROOT / "content", tmp_path / "konten-lain")
    assert build_fingerprint(site_settings(tmp_path / "konten-lain", OUTPUT_PATH=str(tmp_path)), project) == before
    assert build_fingerprint(site_settings(ROOT / "content", SITENAME="Lain"), project) != before
    for changed in ("theme/templates/base.html", "data/offices.toml", "plugins/photos/variants.py"):
        path = project / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert build_fingerprint(settings, project) != before, changed
        path.write_bytes(original)
    assert build_fingerprint(settings, project) == before


def test_a_card_shows_no_neighbours_but_the_article_page_does():
    from pelican.contents import Article

    settings = site_settings(ROOT / "content")

    def article(slug, **extra):
        item = Article("<p>isi</p>", {"title": slug, "slug": slug, **extra}, settings=settings,
                       source_path=str(ROOT / "content" / f"{slug}.md"), context={})
        return item

    older, newer = article("lama"), article("baru")
    page = article("ini", older_article=older)
    digest_before = Digester()
    card, whole = digest_before.of([page]), digest_before.of(page)
    page.newer_article = newer  # a newer article is published
    digest_after = Digester()
    assert digest_after.of([page]) == card
    assert digest_after.of(page) != whole
    newer.title = "judul lain"
    assert Digester().of(page) != digest_after.of(page)


def test_records_lists_and_dataclasses_themselves_have_digests_that_follow_their_data():
    import dataclasses

    @dataclasses.dataclass
    class Button:
        href: str = "https://a.test/"
        label: str = "Bagikan"

    shared = Button("https://a.test/1")
    one = Digester().of([shared, (shared, "x"), {"k": Button}])
    assert one == Digester().of([Button("https://a.test/1"), (Button("https://a.test/1"), "x"), {"k": Button}])
    assert one != Digester().of([Button("https://a.test/2"), (shared, "x"), {"k": Button}])
    assert one == Digester().of([shared, [shared, "x"], {"k": Button}])  # a template reads lists and tuples alike
    assert Digester().of(Button) != Digester().of(Button("https://a.test/1"))  # the class: its defaults
    cycle = [shared]
    cycle.append(cycle)
    assert Digester().of(cycle) == Digester().of(cycle)


def test_records_take_the_fast_way_only_where_it_gives_the_general_way_s_bytes():
    import dataclasses

    from sitelib.value_digest import Pieces

    @dataclasses.dataclass(frozen=True)
    class Photo:
        src: str
        sizes: tuple = ()
        caption: object = None

    @dataclasses.dataclass
    class Listed(list):
        label: str = "x"

    @dataclasses.dataclass
    class Summarised:
        text: str = "x"

        def __digest__(self):
            return self.text.upper()

    listed = Listed(label="y")
    listed.extend([1, "a"])
    for record in (Photo("a.jpg", ("320w", "640w", 5), Photo("b.jpg")), Photo("ü\udc80", (), [Photo("c")]), listed,
                   Summarised("kecil")):
        fast, general = Pieces(), Pieces()
        Digester()._feed(fast, record, set(), [])
        Digester()._feed_structure(general, record, {id(record)}, [])
        assert b"".join(fast) == general.digest()  # a record is fed as the digest of its parts
    mixed = [Photo("d"), "teks", ("e", 1.5), "ü\udc80"]
    fast, general = Pieces(), Pieces()
    Digester()._feed(fast, mixed, set(), [])
    Digester()._feed_structure(general, mixed, set(), [])
    assert b"".join(fast) == b"".join(general)
    assert Digester().of(Summarised("a")) == Digester().of(Summarised("A"))  # its own __digest__ decides


def test_an_item_s_attributes_do_not_run_into_each_other():
    from pelican.contents import Article

    settings = site_settings(ROOT / "content")

    def article(**extra):
        return Article("<p>isi</p>", {"title": "t", "slug": "s", **extra}, settings=settings,
                       source_path=str(ROOT / "content" / "s.md"), context={})

    assert Digester().of(article(a="1", b="23")) != Digester().of(article(a="12", b="3"))
    assert Digester().of(article(a="1", b="23")) == Digester().of(article(a="1", b="23"))
    assert Digester().of(article(a="x")) != Digester().of(article(b="x"))


def test_a_value_of_an_unknown_kind_stops_the_build():
    class Opaque:
        __slots__ = ()

    with pytest.raises(UndigestibleValue, match="Opaque"):
        Digester().of([Opaque()])


def test_invoke_publish_is_incremental_and_full_on_request(tmp_path):
    """`invoke publish` builds from the output/ it replaces; `--full` makes every page again."""
    from site_copy import copy_project, invoke

    project = copy_project(tmp_path / "situs", ROOT / "content")
    environment = {"SITEURL": PUBLISH_SITEURL, "PRECOMPRESS": "0"}
    assert invoke(project, "publish", env=environment).returncode == 0
    home = project / "output" / "index.html"
    first = home.stat().st_ino
    again = invoke(project, "publish", env=environment)
    assert again.returncode == 0, again.stderr
    assert home.stat().st_ino == first  # the same file, linked into the new output/
    checked = invoke(project, "verify-incremental", env=environment)
    assert checked.returncode == 0 and "identik" in checked.stdout, checked.stderr
    assert invoke(project, "publish", "--full", env=environment).returncode == 0
    assert home.stat().st_ino != first
    page = next(project.glob("output/20*/*/*/index.html"))
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", "<p>diubah</p></main>"), encoding="utf-8")
    broken = invoke(project, "verify-incremental", env=environment)
    assert broken.returncode == 1 and str(page.relative_to(project / "output")) in broken.stderr
    assert "BERBEDA" in broken.stderr


def test_with_s3_hosting_publish_and_verify_work_without_the_cards_on_disk(tmp_path):
    """CI for S3 keeps output/ without photo variants and cards; publish keeps those in the bucket by the
    manifest, verify-incremental rebuilds every page against them, and GitHub Pages refuses such an output."""
    from site_copy import copy_project, invoke

    project = copy_project(tmp_path / "situs", ROOT / "content")
    environment = {"SITEURL": PUBLISH_SITEURL, "PRECOMPRESS": "0", "BUILD_REMOTE_FILES": "1"}
    assert invoke(project, "publish", env=environment).returncode == 0
    cards = sorted(p.name for p in (project / "output" / "kartu").iterdir())
    shutil.rmtree(project / "output" / "kartu")
    again = invoke(project, "publish", env=environment)
    assert again.returncode == 0, again.stderr
    assert not (project / "output" / "kartu").exists()
    assert sorted(Path(name).name for name in read_manifest(project / "output").files if name.startswith("kartu/")) == cards
    checked = invoke(project, "verify-incremental", env=environment)
    assert checked.returncode == 0 and "identik" in checked.stdout, checked.stdout + checked.stderr
    pages = invoke(project, "pages-size", env=environment)
    assert pages.returncode == 1 and "invoke publish --full" in pages.stderr


HEAVY_FOLDERS = ("images", "kartu", "dokumen", "media", "wp-content")


def test_files_kept_in_the_published_storage_need_not_be_on_disk(corpus, tmp_path):
    """S3 hosting: CI keeps the previous pages, not the photos, cards and documents (they are in the bucket).
    The incremental build keeps those by the manifest alone, makes none of them again, and its manifest is the
    full build's: the deploy then knows every file of the site."""
    content = tmp_path / "content"
    shutil.copytree(corpus.content, content)
    first, pages_only = tmp_path / "satu", tmp_path / "halaman-saja"
    pelican(content, first, corpus.warm_cache, START)
    shutil.copytree(first, pages_only)
    for folder in HEAVY_FOLDERS:
        shutil.rmtree(pages_only / folder, ignore_errors=True)
    cold_cache = tmp_path / "cache-tanpa-foto"  # no photo variants or cards at all: they must not be made again
    shutil.copytree(corpus.warm_cache, cold_cache, ignore=shutil.ignore_patterns("*.webp", "*.avif", "*.jpg", "*.png"))
    add(content, random.Random(8), START, 1)
    change_title(content, random.Random(9), START, 2)
    # A new old WordPress address for a document published before: its copy is made from content/.
    (content / "unggahan-lama").mkdir(exist_ok=True)
    (content / "unggahan-lama" / "kab-wonosobo.toml").write_text(toml_text({
        "/wp-content/uploads/2025/05/daftar-lunas.pdf": "dokumen/kab-wonosobo/2026/06/daftar-jemaah-berhak-lunas.pdf",
    }), encoding="utf-8")
    second, full = tmp_path / "dua", tmp_path / "penuh"
    pelican(content, second, cold_cache, START + timedelta(hours=1), previous=pages_only, remote_files=True)
    pelican(content, full, corpus.warm_cache, START + timedelta(hours=1))
    assert (second / BUILD_MANIFEST).read_bytes() == (full / BUILD_MANIFEST).read_bytes()
    made, wanted = tree(second), tree(full)
    assert all(wanted[name] == data for name, data in made.items())
    assert "wp-content/uploads/2025/05/daftar-lunas.pdf" in made
    missing = sorted(wanted.keys() - made.keys())
    assert missing and all(name.split("/")[0] in HEAVY_FOLDERS for name in missing), missing
    published = {Path(name).name for name in made.keys() | wanted.keys() if name.startswith("images/varian/")}
    remade = [path.name for path in (cold_cache / "foto").iterdir() if path.name in published]
    assert remade == []  # (sizes no page shows, of a photo only linked to, are still made: not published)
    drawn = list((cold_cache / "kartu").glob("*.jpg"))
    assert len(drawn) <= 2  # the new article's card and the retitled one's (if it has no photo); no other


def test_nothing_outside_the_previous_build_is_ever_linked_in(tmp_path):
    """The manifest and the previous output are read, not trusted: a symbolic link or a name leaving the folder
    is never linked into the new output (a link to a secret would publish it)."""
    previous, output = tmp_path / "sebelumnya", tmp_path / "baru"
    previous.mkdir()
    output.mkdir()
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kunci")
    (previous / "tautan.jpg").symlink_to(secret)
    (previous / "folder").symlink_to(tmp_path)
    entry = {"sha256": "0" * 64, "sig": "s"}
    (previous / "kartu").mkdir()
    (previous / "kartu" / "bocor.html").write_text("x")
    old = Manifest("sama", {"tautan.jpg": entry, "folder/rahasia.txt": entry, "../rahasia.txt": entry,
                            "pagefind/2026/../../kartu/bocor.html": entry}, {"pagefind/2026": "s"})
    selection = Selection(output, "sama", previous, old)
    assert not selection.keep_file("tautan.jpg", "s")
    assert not selection.keep_file("folder/rahasia.txt", "s")
    assert not selection.keep_file("../rahasia.txt", "s")
    assert not selection.keep_folder("pagefind/2026", "s")  # a name climbing out of the folder it is listed in
    assert list(output.iterdir()) == []


def test_an_article_is_published_by_the_first_build_after_its_hour(corpus, tmp_path):
    """The time is an input: scheduled for 09:30, absent at 09:00, there in the incremental build at 10:00."""
    content = tmp_path / "content"
    shutil.copytree(corpus.content, content)
    path = articles(content)[0]
    set_field(path, "Date", header_date(START + timedelta(minutes=30)))
    slug = next(line for line in header_and_body(path)[0] if line.startswith("Slug:")).split(":", 1)[1].strip()
    first, second = tmp_path / "satu", tmp_path / "dua"
    pelican(content, first, corpus.warm_cache, START)
    page = f"2026/12/{slug}/index.html"
    assert not (first / page).exists() and slug not in (first / "index.html").read_text(encoding="utf-8")
    pelican(content, second, corpus.warm_cache, START + timedelta(hours=1), previous=first)
    assert (second / page).is_file() and slug in (second / "index.html").read_text(encoding="utf-8")
