"""The web editor in Chromium, on a copy of the project through Decap's local proxy (decap-server)."""

import os
import subprocess
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from browser import free_port, serve
from conftest import ROOT
from office_tags.registry import load_registry
from phone_photos import phone_jpeg
from site_copy import copy_project, invoke

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SEED = "content/articles/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md"
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


def wait_for_port(port: int, seconds: float = 20) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} did not open")


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A copy of the project, its preview built, the local proxy on it and the site served; yields (project, url)."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "situs", ROOT / "content")
    proxy_port, site_port = free_port(), free_port()
    local_backend = f"http://127.0.0.1:{proxy_port}/api/v1"
    build = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "editor-output", "--fatal", "warnings",
         "-e", f'WEB_EDITOR={{"local_backend": "{local_backend}"}}'],
        cwd=project, capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    proxy = subprocess.Popen(
        ["node", str(ROOT / "web_editor/node_modules/decap-server/dist/index.js")], cwd=project,
        env={**os.environ, "PORT": str(proxy_port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(proxy_port)
        # Its own folder: the tests' `invoke build` and `publish` in the project replace output/.
        with serve(project / "editor-output", site_port) as url:
            yield project, f"{url}/admin/"
    finally:
        proxy.terminate()
        proxy.wait(10)


@pytest.fixture
def page(browser, editor):
    _, url = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Asia/Jakarta", locale="id-ID")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(url)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Koleksi")).to_be_visible()
    page.errors = errors
    yield page
    context.close()
    assert errors == [], errors


def open_new_article(page):
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


def fill_article(page, title, status=None, photo=None):
    page.get_by_label("Judul", exact=True).fill(title)
    page.get_by_label("Tanggal dan jam (WIB)", exact=True).fill("2024-05-02T09:30")
    if status:
        choose(page, "Status (boleh kosong)", status)
    page.get_by_label("Tag (boleh kosong)", exact=True).fill("Manasik, Foto")
    page.get_by_label("Penulis/editor", exact=True).fill("uji/rf")
    choose(page, "Kantor yang terlibat", "Kankemenag Kab. Wonosobo", "Kankemenag Kab. Temanggung")
    choose(page, "Kantor peliput", "Kankemenag Kab. Wonosobo")
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
    for text in ("Konten", "Media", "Berita", "Halaman tetap", "Berita baru"):
        expect(page.get_by_text(text, exact=True).first).to_be_visible()
    open_new_article(page)
    for label in ("Tanggal dan jam (WIB)", "Kantor yang terlibat", "Kantor peliput", "Ringkasan", "Isi berita"):
        expect(page.get_by_text(label, exact=True)).to_be_visible()


def test_the_offices_control_lists_every_office_and_residency(page):
    open_new_article(page)
    page.get_by_label("Kantor yang terlibat", exact=True).click()
    names = page.get_by_role("option").all_inner_texts()
    residencies = [r for r in REGISTRY.regions.values() if r.parent is not None]
    assert len(names) == len(REGISTRY.offices) + len(residencies)
    assert {office.short_name for office in REGISTRY.offices.values()} <= set(names)


def test_preview_shows_the_date_as_the_site_does(page):
    open_new_article(page)
    page.get_by_label("Judul", exact=True).fill(NEW_TITLE)
    page.get_by_label("Tanggal dan jam (WIB)", exact=True).fill("2024-05-02T09:30")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=NEW_TITLE)).to_be_visible()
    expect(preview.get_by_text("Kamis, 2 Mei 2024, 09.30 WIB")).to_be_visible()


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
    today = datetime.now(ZoneInfo("Asia/Jakarta"))
    written = project / "content" / "articles" / f"{today:%Y}" / f"{today:%Y-%m-%d}-{NEW_SLUG}.md"
    assert written.read_text(encoding="utf-8") == NEW_ARTICLE
    assert (project / "content" / "images" / "foto-editor.jpg").read_bytes() == photo.read_bytes()
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


def test_invoke_editor_serves_the_editor_and_the_local_proxy(tmp_path):
    """`invoke editor` on a copy: /admin/ at :8000 and the proxy at :8081 on this checkout; Ctrl+C stops both."""
    import json
    import signal
    import socket
    import urllib.request

    for port in (8000, 8081):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} is busy: stop what runs there"
    project = copy_project(tmp_path / "situs", ROOT / "content")
    editor = subprocess.Popen(
        [sys.executable, "-m", "invoke", "editor"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "HOME": str(project)}, start_new_session=True,
    )
    try:
        wait_for_port(8000, 60)
        wait_for_port(8081, 30)
        page = urllib.request.urlopen("http://localhost:8000/admin/").read().decode()
        assert 'name="robots" content="noindex, nofollow"' in page
        request = urllib.request.Request(
            "http://localhost:8081/api/v1", data=json.dumps({"action": "info"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        info = json.loads(urllib.request.urlopen(request).read())
        assert info == {"repo": "situs", "publish_modes": ["simple"], "type": "local_fs"}
    finally:
        os.killpg(editor.pid, signal.SIGINT)
        editor.wait(20)
    for port in (8000, 8081):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0
