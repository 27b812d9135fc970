"""The web editor in Chromium, on a copy of the project through the guarded local proxy (decap-server)."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings
from PIL import Image
from playwright.sync_api import expect

from browser import free_port, serve
from conftest import ROOT
from editorial.local_proxy import proxy_settings, running_proxy
from office_tags.registry import load_registry
from phone_photos import UPRIGHT_SIZE, phone_jpeg
from photos.standard import standard_for, standard_reasons
from site_copy import copy_project, invoke

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SEED = "content/articles/kota-magelang/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md"
# The collections the tests work in (one per office): the seed's and the sample's office, and the new articles'.
MAGELANG = f"Berita {REGISTRY.offices['kota-magelang'].short_name}"
WONOSOBO = f"Berita {REGISTRY.offices['kab-wonosobo'].short_name}"
NEW_TITLE = "Manasik Haji Uji dari Editor Web"
NEW_SLUG = "manasik-haji-uji-dari-editor-web"
NEW_ARTICLE = f"""Title: {NEW_TITLE}
Date: 2024-05-02 09:30
Status: published
Category: Haji dan Umrah
Tags: Manasik, Foto
Author: uji/rf
Offices: kab-wonosobo, kab-temanggung
Reporting_office: kab-wonosobo
Slug: {NEW_SLUG}
Summary: Berita uji yang ditulis lewat editor web.
Image: {{static}}/images/foto-editor.jpg
Image_alt: Calon jemaah berlatih tawaf di aula

Wonosobo – Calon jemaah haji berlatih manasik di aula Kankemenag.
"""
# An article whose reading time the preview must show as the site does: 200 words as the reader sees them
# ("1 menit baca"), but more than 200 in its Markdown (list and heading marks), so counting the Markdown
# instead of the shown text gives "2 menit baca".
SAMPLE_TITLE = "Contoh Waktu Baca di Pratinjau"
SAMPLE_SLUG = "contoh-waktu-baca-di-pratinjau"
SAMPLE_BODY = (
    "Wonosobo – " + " ".join(["Calon jemaah haji berlatih manasik bersama"] * 24) + " di aula.\n\n"
    "## Jadwal manasik\n\n" + "".join(f"- Kegiatan {n} berjalan lancar sekali\n" for n in range(1, 11))
)
WIB = ZoneInfo("Asia/Jakarta")
# Every editor page runs on a pinned clock: 00:30 WIB on New Year's Day is still
# 31 December in UTC, so any date taken from the UTC clock shows.
PINNED_NOW = datetime(2025, 1, 1, 0, 30, tzinfo=WIB)


def write_sample(project: Path) -> Path:
    """SAMPLE_TITLE: the seed's header with its own title, slug and date, and SAMPLE_BODY."""
    header = (project / SEED).read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    replaced = {"Title": SAMPLE_TITLE, "Slug": SAMPLE_SLUG, "Date": "2022-08-24 10:00"}
    lines = [f"{line.split(':', 1)[0]}: {replaced[line.split(':', 1)[0]]}" if line.split(":", 1)[0] in replaced else line
             for line in header]
    sample = project / "content" / "articles" / "kota-magelang" / "2022" / f"2022-08-24-{SAMPLE_SLUG}.md"
    sample.write_text("\n".join(lines) + "\n\n" + SAMPLE_BODY, encoding="utf-8")
    return sample


def wait_for_port(port: int, seconds: float = 20) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} did not open")


@contextmanager
def editing(project, built_from="content"):
    """The project's preview built (from `built_from`, its content by default: the editor page does not depend on
    the articles), the guarded local proxy on it (as `invoke editor` starts it) and the site served; yields the web
    editor's address."""
    proxy_port, site_port = free_port(), free_port()
    local_backend = f"http://127.0.0.1:{proxy_port}/api/v1"
    build = subprocess.run(
        [sys.executable, "-m", "pelican", str(built_from), "-s", "pelicanconf.py", "-o", "editor-output", "--fatal", "warnings",
         "-e", f'WEB_EDITOR={{"local_backend": "{local_backend}"}}'],
        cwd=project, capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    proxy = proxy_settings(read_settings(str(project / "pelicanconf.py")), project, site_port, proxy_port)
    with running_proxy(proxy, lambda line: None):
        # Its own folder: the tests' `invoke build` and `publish` in the project replace output/.
        with serve(project / "editor-output", site_port) as url:
            yield f"{url}/admin/"


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A copy of the project with a sample article, open in the web editor; yields (project, url)."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "situs", ROOT / "content")
    write_sample(project)
    with editing(project) as url:
        yield project, url


def open_editor(browser, url, now, timezone_id):
    """A signed-in editor page in a browser set to `timezone_id`, whose clock starts at `now` (a whole
    minute) and runs from there, timers and all: a test has a minute before it reads another time."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=timezone_id, locale="id-ID")
    page = context.new_page()
    page.clock.install(time=now.timestamp())
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(url)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Koleksi")).to_be_visible()
    page.errors = errors
    return context, page


@contextmanager
def editor_page(browser, url, now):
    """A signed-in editor page in WIB on a clock pinned at `now`; no page error may happen while it is used."""
    context, page = open_editor(browser, url, now, "Asia/Jakarta")
    yield page
    context.close()
    assert page.errors == [], page.errors


@pytest.fixture
def page(browser, editor):
    with editor_page(browser, editor[1], PINNED_NOW) as page:
        yield page


def open_office(page, collection):
    """An office's articles collection, from the sidebar, its list loaded (Decap reads every entry to sort them;
    a form opened before that finishes is drawn again under the test's hands)."""
    page.get_by_role("link", name=collection, exact=True).click()
    expect(page.get_by_role("link", name="Berita baru")).to_be_visible()
    page.locator('a[href*="/entries/"]').or_(page.get_by_text("Belum ada isi", exact=True)).first.wait_for()


def open_new_article(page, collection=WONOSOBO):
    open_office(page, collection)
    page.get_by_role("link", name="Berita baru").click()
    expect(page.get_by_label("Judul", exact=True)).to_be_visible()


def choose(page, label, *names):
    """Pick options of a select control (react-select) by their visible names."""
    control = page.get_by_label(label, exact=True)
    for name in names:
        control.click()
        page.get_by_role("option", name=name, exact=True).click()


def publish_now(page):
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Tersimpan", exact=True).first).to_be_visible()


def fill_article(page, title, status=None, photo=None, date="2024-05-02T09:30"):
    page.get_by_label("Judul", exact=True).fill(title)
    if date:
        page.get_by_label("Tanggal dan jam (WIB)", exact=True).fill(date)
    if status:
        choose(page, "Status (boleh kosong)", status)
    page.get_by_label("Tag (boleh kosong)", exact=True).fill("Manasik, Foto")
    page.get_by_label("Penulis/editor", exact=True).fill("uji/rf")
    choose(page, "Kantor yang terlibat", "Kankemenag Kab. Temanggung")  # after the collection's office
    page.get_by_label("Ringkasan", exact=True).fill("Berita uji yang ditulis lewat editor web.")
    if photo:
        page.get_by_role("button", name="Pilih foto").click()
        page.locator("input[type=file]").set_input_files(str(photo))
        page.get_by_role("button", name="Pakai yang dipilih").click()
        page.get_by_label("Teks alternatif foto (boleh kosong)", exact=True).fill("Calon jemaah berlatih tawaf di aula")
    body = page.locator("[data-slate-editor=true]")
    body.click()
    page.keyboard.type("Wonosobo – Calon jemaah haji berlatih manasik di aula Kankemenag.")


def test_the_interface_is_indonesian(page):
    for text in ("Konten", "Media", WONOSOBO, "Halaman tetap", "Halaman baru"):
        expect(page.get_by_text(text, exact=True).first).to_be_visible()
    open_new_article(page)
    for label in ("Tanggal dan jam (WIB)", "Kantor yang terlibat", "Ringkasan", "Isi berita"):
        expect(page.get_by_text(label, exact=True)).to_be_visible()
    # the reporting office is the collection's, not chosen in the form
    expect(page.get_by_text("Kantor peliput", exact=True)).to_have_count(0)


def test_the_offices_control_lists_every_office_and_residency(page):
    open_new_article(page)
    page.get_by_label("Kantor yang terlibat", exact=True).click()
    names = page.get_by_role("option").all_inner_texts()
    residencies = [r for r in REGISTRY.regions.values() if r.parent is not None]
    # every office and residency but the collection's own office, which a new article starts with
    assert len(names) == len(REGISTRY.offices) + len(residencies) - 1
    assert {office.short_name for office in REGISTRY.offices.values()} - set(names) == {"Kankemenag Kab. Wonosobo"}


def test_preview_shows_the_date_as_the_site_does(page):
    open_new_article(page)
    page.get_by_label("Judul", exact=True).fill(NEW_TITLE)
    page.get_by_label("Tanggal dan jam (WIB)", exact=True).fill("2024-05-02T09:30")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=NEW_TITLE)).to_be_visible()
    expect(preview.get_by_text("Kamis, 2 Mei 2024, 09.30 WIB")).to_be_visible()


def test_preview_header_is_the_sites_partial_filled_from_the_form(page):
    """partials/article_header.html and featured_photo.html as the build rendered them: the form's values
    in their slots, the parts without a value left out as the templates leave them out of a page."""
    open_new_article(page)
    page.get_by_label("Judul", exact=True).fill("Judul <b>Uji</b> & Pratinjau")
    page.get_by_label("Tanggal dan jam (WIB)", exact=True).fill("2024-05-02T09:30")
    preview = page.frame_locator("iframe").first
    header = preview.locator("header.article-header")
    expect(header.locator("h1")).to_have_text("Judul <b>Uji</b> & Pratinjau")  # text, never markup
    expect(header.locator("time").first).to_have_attribute("datetime", "2024-05-02T09:30:00+07:00")
    expect(header.locator(".kicker a")).to_have_text("Haji dan Umrah")
    expect(header.locator(".reading-time")).to_have_text("1 menit baca")
    expect(header.locator(".article-credit")).to_have_count(0)
    expect(header.locator(".modified")).to_have_count(0)
    expect(preview.locator("figure.featured-photo")).to_have_count(0)
    page.get_by_label("Penulis/editor", exact=True).fill("uji/rf")
    expect(header.locator(".article-credit")).to_have_text("Penulis/editor: uji/rf")
    assert header.locator(".kicker a").get_attribute("href") is None  # no link out of the preview


def test_the_preview_reading_time_is_the_sites(page, editor):
    """The preview counts the words of the body as it shows them, as the site counts its page's: the built
    page's figure, where counting the Markdown would give another."""
    project, _ = editor
    built = (project / "editor-output" / "2022" / "08" / SAMPLE_SLUG / "index.html").read_text(encoding="utf-8")
    [site_figure] = re.findall(r'<span class="reading-time">([^<]*)</span>', built)
    assert site_figure == "1 menit baca" and len(SAMPLE_BODY.split()) > 200  # the Markdown's words would be 2 minutes
    open_office(page, MAGELANG)
    page.get_by_text(SAMPLE_TITLE).first.click()
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".article-body h2")).to_have_text("Jadwal manasik")
    expect(preview.locator("header.article-header .reading-time")).to_have_text(site_figure)
    # The figure follows the body as it changes: 200 more words are two minutes.
    body = page.locator("[data-slate-editor=true]")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text(" " + " ".join(["tambah"] * 200))  # one input, as a phone keyboard or a paste gives
    expect(preview.locator("header.article-header .reading-time")).to_have_text("2 menit baca")


def test_the_page_preview_header_is_the_sites_page_partial(page):
    """partials/page_header.html as page.html shows it, inside the page's article, filled from the form."""
    page.get_by_role("link", name="Halaman tetap").click()
    page.get_by_role("link", name="Halaman baru").click()
    page.get_by_label("Judul", exact=True).fill("Profil <i>Kantor</i>")
    preview = page.frame_locator("iframe").first
    expect(preview.locator("main.container > article.article h1")).to_have_text("Profil <i>Kantor</i>")
    expect(preview.locator("article.article > .article-body")).to_have_count(1)


def test_a_photo_needs_its_text_alternative(page, editor, tmp_path):
    photo = tmp_path / "foto-tanpa-alt.jpg"
    phone_jpeg(photo, 1)
    open_new_article(page)
    fill_article(page, "Berita Foto Tanpa Teks Alternatif", status="Terbit", photo=photo)
    page.get_by_label("Teks alternatif foto (boleh kosong)", exact=True).fill("")
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Teks alternatif foto wajib diisi karena ada foto utama.")).to_be_visible()
    assert not list((editor[0] / "content" / "articles").rglob("*tanpa-teks-alternatif*"))  # nothing saved
    # Decap rejects the refused save with `undefined`; nothing else may go wrong.
    assert page.errors == ["undefined"]
    page.errors.clear()


def test_an_article_written_in_the_editor_is_our_file_and_builds(page, editor, tmp_path):
    project, _ = editor
    photo = tmp_path / "foto-editor.jpg"
    phone_jpeg(photo, 6)
    open_new_article(page)
    fill_article(page, NEW_TITLE, status="Terbit", photo=photo)
    publish_now(page)
    # Named by its own Date (2024-05-02 09:30 WIB), as `invoke new` names files, not by the clock.
    written = project / "content" / "articles" / "kab-wonosobo" / "2024" / f"2024-05-02-{NEW_SLUG}.md"
    assert written.read_text(encoding="utf-8") == NEW_ARTICLE
    # The photo as the editor prepared it in the browser (test_web_editor_photos.py): upright, no metadata.
    uploaded = project / "content" / "images" / "foto-editor.jpg"
    assert standard_reasons(uploaded, standard_for(read_settings(str(project / "pelicanconf.py")))) == []
    with Image.open(uploaded) as image:
        assert image.size == UPRIGHT_SIZE
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    html = (project / "output" / "2024" / "05" / NEW_SLUG / "index.html").read_text()
    assert "Kankemenag Kab. Wonosobo" in html and "Kankemenag Kab. Temanggung" in html


def test_a_draft_saved_in_the_editor_is_not_published(page, editor):
    project, _ = editor
    open_new_article(page)
    fill_article(page, "Draf dari Editor Web")  # Status stays at its default: draft
    publish_now(page)
    [written] = (project / "content" / "articles").rglob("*-draf-dari-editor-web.md")
    assert "\nStatus: draft\n" in written.read_text()
    published = invoke(project, "publish")
    assert published.returncode == 0, published.stdout + published.stderr
    assert not list((project / "output").rglob("*draf-dari-editor-web*"))


def test_a_seed_edited_and_changed_back_is_byte_identical(page, editor):
    """Decap saves only changed entries: change the title (one line differs), then change it back."""
    project, _ = editor
    seed = project / SEED
    before = seed.read_text(encoding="utf-8")
    open_office(page, MAGELANG)
    page.get_by_text("Rakor Seksi PHU Se-Eks Karesidenan Kedu Menjadi Wahana", exact=False).first.click()
    title = page.get_by_label("Judul", exact=True)
    original_title = title.input_value()
    title.fill(original_title + " (Diperbarui)")
    publish_now(page)
    changed = seed.read_text(encoding="utf-8")
    assert changed.splitlines()[0] == f"Title: {original_title} (Diperbarui)"
    assert changed.splitlines()[1:] == before.splitlines()[1:] and changed.endswith("\n")
    page.reload()  # the editor reads the saved file again
    expect(title).to_have_value(original_title + " (Diperbarui)")
    title.fill(original_title)
    publish_now(page)
    assert seed.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("now, timezone_id", [
    (datetime(2025, 1, 1, 0, 30, tzinfo=WIB), "UTC"),  # the browser (and UTC) still says 31 December 2024
    (datetime(2024, 12, 31, 23, 30, tzinfo=WIB), "Pacific/Auckland"),  # the browser already says 1 January 2025
], ids=["0030-wib-browser-in-utc", "2330-wib-browser-in-auckland"])
def test_a_new_article_is_dated_and_named_by_the_wib_clock(browser, editor, now, timezone_id):
    """Date defaults to the current WIB time, "Sekarang" gives WIB time, and the file is named by that date."""
    project, url = editor
    title, slug = f"Berita Uji Pukul {now:%H%M} WIB", f"berita-uji-pukul-{now:%H%M}-wib"
    context, page = open_editor(browser, url, now, timezone_id)
    try:
        open_new_article(page)
        expect(page.get_by_label("Tanggal dan jam (WIB)", exact=True)).to_have_value(f"{now:%Y-%m-%dT%H:%M}")
        page.get_by_role("button", name="Isi Modified dengan waktu sekarang").click()
        expect(page.get_by_label("Diperbarui (WIB) (boleh kosong)", exact=True)).to_have_value(f"{now:%Y-%m-%dT%H:%M}")
        fill_article(page, title, date=None)
        publish_now(page)
    finally:
        context.close()
    assert page.errors == [], page.errors
    [written] = (project / "content" / "articles").rglob(f"*-{slug}.md")
    assert written.relative_to(project).as_posix() == f"content/articles/kab-wonosobo/{now:%Y}/{now:%Y-%m-%d}-{slug}.md"
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [f"Title: {title}", f"Date: {now:%Y-%m-%d %H:%M}"]
    assert f"Modified: {now:%Y-%m-%d %H:%M}" in lines and f"Slug: {slug}" in lines


FENCED_ARTICLE = (
    "\ufeff---\r\nTitle: Berkas Berpagar dari Editor Lain\r\nDate: 2024-06-01 10:00\r\nCategory: Haji dan Umrah\r\n"
    "Author: uji/rf\r\nOffices: kab-wonosobo\r\nReporting_office: kab-wonosobo\r\n"
    "Summary: Berkas dengan BOM, pagar dan CRLF.\r\n---\r\nWonosobo – Isi berkas berpagar.\r\n"
)


def test_a_file_with_a_byte_order_mark_fences_and_crlf_is_edited_in_place(page, editor):
    """Its fields show in the form; a change rewrites only its line; changed back, the file is as it was."""
    project, _ = editor
    fenced = project / "content" / "articles" / "kab-wonosobo" / "2024" / "2024-06-01-berkas-berpagar.md"
    fenced.parent.mkdir(parents=True, exist_ok=True)
    fenced.write_bytes(FENCED_ARTICLE.encode("utf-8"))
    page.reload()
    open_office(page, WONOSOBO)
    page.get_by_text("Berkas Berpagar dari Editor Lain").first.click()
    expect(page.get_by_label("Judul", exact=True)).to_have_value("Berkas Berpagar dari Editor Lain")
    summary = page.get_by_label("Ringkasan", exact=True)
    expect(summary).to_have_value("Berkas dengan BOM, pagar dan CRLF.")
    summary.fill("Ringkasan yang diperbarui.")
    publish_now(page)
    assert fenced.read_bytes() == FENCED_ARTICLE.replace(
        "Summary: Berkas dengan BOM, pagar dan CRLF.", "Summary: Ringkasan yang diperbarui."
    ).encode("utf-8")
    page.reload()
    summary.fill("Berkas dengan BOM, pagar dan CRLF.")
    publish_now(page)
    assert fenced.read_bytes() == FENCED_ARTICLE.encode("utf-8")


def stat_fields(stat: Path) -> list[str]:
    """A /proc stat file's fields after the command name: state, parent, process group, …"""
    return stat.read_text().rsplit(")", 1)[1].split()


def processes_in_group(group: int) -> list[int]:
    """The live processes of a process group, from /proc. A process whose threads have all ended is
    not alive (a zombie nobody reaps, in a container); one whose main thread has ended while others
    still run (Node exiting) still is."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat_fields(stat)[2]) != group:
                continue
            states = [stat_fields(task)[0] for task in stat.parent.glob("task/*/stat")]
        except (OSError, ValueError, IndexError):
            continue
        if any(state != "Z" for state in states):
            found.append(int(stat.parent.name))
    return found


def port_is_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def proxy_request(body: dict, host: str = "localhost:8081", origin: str = "http://localhost:8000"):
    """POST to the proxy of `invoke editor` with these Host and Origin headers: (status, headers, JSON)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", 8081, timeout=10)
    try:
        connection.request("POST", "/api/v1", json.dumps(body), {"Host": host, "Origin": origin, "Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), json.loads(response.read())
    finally:
        connection.close()


# How `invoke editor` may be stopped: Ctrl+C reaches the terminal's whole process group;
# a service manager sends SIGTERM, a closed terminal SIGHUP; SIGKILL leaves it no chance to clean up.
STOPS = {
    "ctrl-c": lambda pid: os.killpg(pid, signal.SIGINT),
    "sigterm": lambda pid: os.kill(pid, signal.SIGTERM),
    "sighup": lambda pid: os.kill(pid, signal.SIGHUP),
    "sigkill": lambda pid: os.kill(pid, signal.SIGKILL),
}


@pytest.mark.parametrize("stop", list(STOPS))
def test_invoke_editor_serves_the_editor_through_the_guard_and_stops_whole(tmp_path, stop):
    """`invoke editor` on a copy: /admin/ at :8000, the guarded proxy at :8081; however it is stopped,
    no process of it is left and both ports are free."""
    for port in (8000, 8081):
        assert not port_is_open(port), f"port {port} is busy: stop what runs there"
    project = copy_project(tmp_path / "situs", ROOT / "content")
    (project / ".env").write_text("ORIGIN=*\nPORT=8082\nGIT_REPO_DIRECTORY=/\n")  # decap-server's own .env: ignored
    settings_before = (project / "pelicanconf.py").read_bytes()
    log = open(tmp_path / "editor.log", "w")
    editor = subprocess.Popen(
        [sys.executable, "-m", "invoke", "editor"], cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "HOME": str(project)}, start_new_session=True,
    )
    try:
        wait_for_port(8000, 60)
        wait_for_port(8081, 30)
        page = urllib.request.urlopen("http://localhost:8000/admin/").read().decode()
        assert 'name="robots" content="noindex, nofollow"' in page
        status, headers, info = proxy_request({"action": "info"})
        assert (status, info) == (200, {"repo": "situs", "publish_modes": ["simple"], "type": "local_fs"})
        assert headers["Access-Control-Allow-Origin"] == "http://localhost:8000"
        assert proxy_request({"action": "info"}, host="rebind.example:8081")[0] == 403
        assert proxy_request({"action": "info"}, origin="http://rebind.example:8081")[0] == 403
        status, _, refusal = proxy_request({"action": "persistEntry", "params": {
            "branch": "main", "dataFiles": [{"slug": "x", "path": "pelicanconf.py", "raw": "import os\n"}],
            "assets": [], "options": {"commitMessage": "x", "useWorkflow": False, "status": "draft"}}})
        assert status == 403 and refusal["error"].startswith("Ditolak")
        assert (project / "pelicanconf.py").read_bytes() == settings_before
        assert len(processes_in_group(editor.pid)) >= 2  # invoke and the proxy
    finally:
        STOPS[stop](editor.pid)
        editor.wait(20)
        log.close()
    deadline = time.monotonic() + 10
    while processes_in_group(editor.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_in_group(editor.pid) == []
    for port in (8000, 8081):
        assert not port_is_open(port)
