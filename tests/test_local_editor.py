"""The local proxy of `invoke editor`: only this machine's editor page, only the editor's folders.

Real processes: the guarded proxy (editorial/local_proxy.py) runs on a copy of the project,
and every request goes over its socket as a browser (or an attacker's page) would send it.
"""

import http.client
import json
import os
import time
from pathlib import Path

import pytest
from pelican.settings import read_settings

from browser import free_port
from conftest import ROOT
from editorial.local_proxy import NEUTRAL_FOLDER, proxy_settings, running_proxy
from site_copy import copy_project
from sitelib.file_kinds import DOCUMENT, suffixes

PREVIEW = "http://localhost:8000"  # the preview's origin, as `invoke editor` serves it
ARTICLE = "content/articles/2024/2024-05-02-uji-proksi.md"


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """The guarded proxy on a project copy whose .env would open decap-server to every site; yields (project, port)."""
    project = copy_project(tmp_path_factory.mktemp("proksi") / "situs", ROOT / "content")
    (project / ".env").write_text("ORIGIN=*\nGIT_REPO_DIRECTORY=/\nMODE=git\n")
    (project / "content" / "pages" / "keluar").symlink_to(project, target_is_directory=True)
    port = free_port()
    output = []
    with running_proxy(proxy_settings(read_settings(str(project / "pelicanconf.py")), project, 8000, port), output.append) as process:
        yield project, port, process


def send(port, body, host=None, origin=PREVIEW, method="POST", headers=()):
    """A request to the proxy with exactly these Host and Origin headers: (status, headers, JSON body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    sent = {"Host": f"localhost:{port}" if host is None else host, "Content-Type": "application/json", **dict(headers)}
    if origin is not None:
        sent["Origin"] = origin
    try:
        connection.request(method, "/api/v1", None if body is None else json.dumps(body), sent)
        response = connection.getresponse()
        data = response.read()
        return response.status, {key.lower(): value for key, value in response.getheaders()}, json.loads(data or "null")
    finally:
        connection.close()


def persist(path, raw="Title: Uji\n\nIsi.\n", assets=()):
    """decap-server's persistEntry as the editor sends it (simple publish mode)."""
    return {"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": "uji", "path": path, "raw": raw}],
        "assets": [{"path": asset, "content": "aGFp", "encoding": "base64"} for asset in assets],
        "options": {"commitMessage": "uji", "useWorkflow": False, "status": "draft"},
    }}


def test_the_editor_page_of_this_machine_is_served(proxy):
    project, port, _ = proxy
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        for origin in (PREVIEW, "http://127.0.0.1:8000", None):  # Origin, when sent, is the preview's
            status, headers, info = send(port, {"action": "info"}, host=host, origin=origin)
            assert (status, info) == (200, {"repo": "situs", "publish_modes": ["simple"], "type": "local_fs"})
            assert headers.get("access-control-allow-origin") == origin  # never "*", whatever .env says
    status, _, _ = send(port, persist(ARTICLE))
    assert status == 200 and (project / ARTICLE).read_text() == "Title: Uji\n\nIsi.\n"


def test_a_rebinding_page_is_refused_and_writes_nothing(proxy):
    """A page at rebind.example (resolving to 127.0.0.1) sends its own name in Host."""
    project, port, _ = proxy
    target = "content/articles/2024/2024-05-03-dari-rebind.md"
    for origin in (f"http://rebind.example:{port}", None):
        status, _, refusal = send(port, persist(target), host=f"rebind.example:{port}", origin=origin)
        assert status == 403 and refusal == {"error": "Ditolak: editor lokal hanya melayani halaman editor di komputer ini."}
    assert not (project / target).exists()


@pytest.mark.parametrize("host", ["localhost", "localhost:1", "127.0.0.2:{port}", "LOCALHOST:{port}", "[::1]:{port}", ""])
def test_any_other_host_is_refused(proxy, host):
    _, port, _ = proxy
    assert send(port, {"action": "info"}, host=host.format(port=port))[0] == 403


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://localhost:8001", "https://localhost:8000", "http://localhost"])
def test_a_foreign_origin_is_refused_even_with_the_right_host(proxy, origin):
    """`.env`'s ORIGIN=* in the project changes nothing: neither the request nor its CORS preflight gets through."""
    project, port, _ = proxy
    target = "content/articles/2024/2024-05-04-dari-situs-lain.md"
    status, headers, refusal = send(port, persist(target), origin=origin)
    assert status == 403 and refusal["error"].startswith("Ditolak") and "access-control-allow-origin" not in headers
    preflight = send(port, None, origin=origin, method="OPTIONS", headers={"Access-Control-Request-Method": "POST"})
    assert preflight[0] == 403 and "access-control-allow-origin" not in preflight[1]
    assert not (project / target).exists()


def test_a_second_host_header_is_refused(proxy):
    _, port, _ = proxy
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("POST", "/api/v1", skip_host=True)
    for host in (f"localhost:{port}", "rebind.example"):
        connection.putheader("Host", host)
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", "17")
    connection.endheaders(b'{"action":"info"}')
    assert connection.getresponse().status == 403
    connection.close()


@pytest.mark.parametrize("path", [
    "pelicanconf.py", "../x", "/etc/passwd", "content/articles/../../pelicanconf.py", "content/articles/./x.md",
    "content//articles/x.md", "content/articles", "content/articlesx/x.md", "content/x.md", "tasks.py",
    "content/pages/keluar/pelicanconf.py",  # a symbolic link in the pages folder pointing back to the project
    "content\\articles\\x.md",
])
def test_the_editor_page_cannot_write_outside_the_editor_folders(proxy, path):
    project, port, _ = proxy
    before = {name: (project / name).read_bytes() for name in ("pelicanconf.py", "tasks.py")}
    status, _, refusal = send(port, persist(path))
    assert status == 403
    assert refusal == {"error": "Ditolak: editor lokal hanya membaca dan menulis di content/articles, content/pages, content/images, "
                                "content/dokumen."}
    assert {name: (project / name).read_bytes() for name in before} == before
    assert not (project.parent / "x").exists() and not (project / "content" / "x.md").exists()


def test_a_photo_outside_the_photo_folders_refuses_the_whole_save(proxy):
    project, port, _ = proxy
    article = "content/articles/2024/2024-05-05-dengan-foto.md"
    status, _, _ = send(port, persist(article, assets=["content/images/foto.jpg", "theme/foto.jpg"]))
    assert status == 403
    assert not (project / article).exists() and not (project / "content/images/foto.jpg").exists()
    status, _, _ = send(port, persist(article, assets=["content/images/foto.jpg"]))
    assert status == 200 and (project / "content/images/foto.jpg").read_bytes() == b"hai"


PHOTO_NAMES = ".jpg, .JPG, .jpeg, .JPEG, .png, .PNG"


@pytest.mark.parametrize("asset, folder, names", [
    ("content/articles/2024/foto.jpg", "content/articles", ".md"),  # a photo saved next to its article
    ("content/articles/2024/BERITA.MD", "content/articles", ".md"),  # not content: the build would not read it
    ("content/images/catatan.md", "content/images", PHOTO_NAMES),
    ("content/images/skrip.html", "content/images", PHOTO_NAMES),
    ("content/images/mentah.heic", "content/images", PHOTO_NAMES),  # the editor uploads prepared photos only
])
def test_each_editor_folder_takes_only_its_own_kind_of_file(proxy, asset, folder, names):
    project, port, _ = proxy
    article = "content/articles/2024/2024-05-06-jenis-berkas.md"
    status, _, refusal = send(port, persist(article, assets=[asset]))
    assert status == 403 and refusal["error"] == f"Ditolak: di {folder} editor lokal hanya membaca dan menulis berkas {names}."
    assert not (project / article).exists() and not (project / asset).exists()


DOCUMENT_NAMES = ", ".join(suffixes(DOCUMENT))


@pytest.mark.parametrize("suffix", suffixes(DOCUMENT))
def test_the_documents_folder_takes_every_document_ending(proxy, suffix):
    """content/dokumen/OFFICE/YYYY/MM/: the endings of sitelib.file_kinds' documents (documents.js names them in
    lower case), saved with the article that links them."""
    project, port, _ = proxy
    article = f"content/articles/2024/2024-05-08-dokumen{suffix.replace('.', '-')}.md"
    document = f"content/dokumen/kab-wonosobo/2024/05/daftar{suffix}"
    status, _, _ = send(port, persist(article, assets=[document]))
    assert status == 200 and (project / document).read_bytes() == b"hai" and (project / article).is_file()


@pytest.mark.parametrize("asset", [
    "content/dokumen/kab-wonosobo/2024/05/pengumuman.html",  # a page that would run on the site's address
    "content/dokumen/kab-wonosobo/2024/05/skrip.js",
    "content/dokumen/kab-wonosobo/2024/05/foto.jpg",  # photos go to content/images
    "content/dokumen/kab-wonosobo/2024/05/daftar.PDF",  # the editor writes endings in lower case
    "content/dokumen/kab-wonosobo/2024/05/daftar.pdf.html",
    "content/dokumen/berita.md",
])
def test_the_documents_folder_takes_nothing_else(proxy, asset):
    project, port, _ = proxy
    article = "content/articles/2024/2024-05-09-dokumen-lain.md"
    status, _, refusal = send(port, persist(article, assets=[asset]))
    assert status == 403 and refusal["error"] == f"Ditolak: di content/dokumen editor lokal hanya membaca dan menulis berkas {DOCUMENT_NAMES}."
    assert not (project / article).exists() and not (project / asset).exists()


@pytest.mark.parametrize("asset", ["content/images/.thumbnails/gps.jpg", "content/images/.foto.jpg", "content/articles/.x/a.md",
                                   "content/dokumen/.tersembunyi/daftar.pdf", "content/dokumen/kab-wonosobo/.daftar.pdf",
                                   "content/dokumen/../pelicanconf.pdf", "content/dokumenx/daftar.pdf", "content/dokumen.pdf"])
def test_hidden_files_and_folders_are_refused(proxy, asset):
    """The checks read no hidden file: a raw photo must not hide in one."""
    project, port, _ = proxy
    status, _, _ = send(port, persist("content/articles/2024/2024-05-07-tersembunyi.md", assets=[asset]))
    assert status == 403 and not (project / asset).exists()


@pytest.mark.parametrize("body", [
    {"action": "getEntry", "params": {"branch": "main", "path": "pelicanconf.py"}},
    {"action": "entriesByFiles", "params": {"branch": "main", "files": [{"path": "content/pages/kontak.md"}, {"path": ".env"}]}},
    {"action": "entriesByFolder", "params": {"branch": "main", "folder": "content", "extension": "md", "depth": 3}},
    {"action": "entriesByFolder", "params": {"branch": "main", "folder": ".", "extension": "py", "depth": 1}},
    {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "data"}},
    {"action": "getMediaFile", "params": {"branch": "main", "path": "data/offices.toml"}},
    {"action": "persistMedia", "params": {"branch": "main", "asset": {"path": "pelicanconf.py", "content": "aGFp", "encoding": "base64"},
                                          "options": {"commitMessage": "x"}}},
    {"action": "deleteFile", "params": {"branch": "main", "path": "tasks.py", "options": {"commitMessage": "x"}}},
    {"action": "deleteFiles", "params": {"branch": "main", "paths": ["content/pages/kontak.md", "tasks.py"], "options": {"commitMessage": "x"}}},
])
def test_reading_listing_and_deleting_outside_the_editor_folders_are_refused(proxy, body):
    project, port, _ = proxy
    assert send(port, body)[0] == 403
    assert (project / "tasks.py").is_file() and (project / "content/pages/kontak.md").is_file()


@pytest.mark.parametrize("body", [
    {"action": "unpublishedEntries", "params": {"branch": "main"}},  # git mode only: not ours
    {"action": "persistEntry", "params": {"branch": "main", "dataFiles": {"path": "content/articles/x.md"}}},
    {"action": "getEntry", "params": {"branch": "main", "path": ["content/articles/x.md"]}},
    {"action": "__proto__"}, {"action": "toString"}, [], {},
])
def test_unknown_or_malformed_requests_are_refused(proxy, body):
    _, port, _ = proxy
    assert send(port, body)[0] == 403


def test_a_form_post_without_json_is_refused(proxy):
    """A plain form (no CORS preflight) never reaches decap-server."""
    project, port, _ = proxy
    status, _, _ = send(port, None, headers={"Content-Type": "text/plain", "Content-Length": "0"})
    assert status == 403


def test_inside_the_folders_the_editor_reads_what_it_needs(proxy):
    _, port, _ = proxy
    status, _, entries = send(port, {"action": "entriesByFolder", "params": {
        "branch": "main", "folder": "content/articles/kota-magelang", "extension": "md", "depth": 2}})
    assert status == 200 and any(entry["file"]["path"].endswith("rakor-seksi-phu-wahana-evaluasi-kinerja.md") for entry in entries)
    assert send(port, {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "content/images"}})[0] == 200


def test_the_proxy_runs_outside_the_project_with_its_own_environment(proxy):
    """decap-server's .env is read from the working folder: ours is not the project, and nothing of the
    caller's environment (ORIGIN, NODE_OPTIONS, …) reaches the proxy."""
    project, _, process = proxy
    assert os.readlink(f"/proc/{process.pid}/cwd") == NEUTRAL_FOLDER != str(project)
    environment = Path(f"/proc/{process.pid}/environ").read_bytes().split(b"\0")
    assert not any(variable.startswith((b"ORIGIN=", b"NODE_OPTIONS=", b"PORT=", b"MODE=")) for variable in environment)


def test_moving_an_article_to_another_year_moves_only_its_own_file(proxy):
    """Decap sends hasSubfolders: true unless told otherwise, and decap-server then moves every file of
    the old folder along: the editor (entry-moves.js) sends false; a save without it is refused."""
    project, port, _ = proxy
    old, new = "content/articles/2023/2023-05-01-pindah.md", "content/articles/2025/2025-01-02-pindah.md"
    neighbours = ["content/articles/2023/2023-07-01-lain.md", "content/articles/2023/sub/2023-08-01-sub.md"]
    for path in [old, *neighbours]:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text("Title: Uji\n\nIsi.\n")
    body = persist(old)
    body["params"]["dataFiles"][0]["newPath"] = new
    for options in ({}, {"hasSubfolders": True}):
        body["params"]["options"] = {"commitMessage": "uji", "useWorkflow": False, "status": "draft", **options}
        status, _, refusal = send(port, body)
        assert status == 403 and "hanya boleh memindahkan berkasnya sendiri" in refusal["error"]
        assert (project / old).exists() and not (project / new).exists()
    body["params"]["options"]["hasSubfolders"] = False
    assert send(port, body)[0] == 200
    for _ in range(50):  # decap-server answers before its move (an unawaited forEach) is done
        if (project / new).exists():
            break
        time.sleep(0.05)
    assert (project / new).exists() and not (project / old).exists()
    assert all((project / path).exists() for path in neighbours)


def test_photo_listings_do_not_follow_links_out_of_the_editor_folders(proxy):
    project, port, _ = proxy
    link = project / "content" / "images" / "conf.jpg"
    link.symlink_to(project / "pelicanconf.py")
    try:
        status, _, answer = send(port, {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "content/images"}})
        assert status == 403 and "pelicanconf" not in json.dumps(answer)
    finally:
        link.unlink()


def test_the_editor_asks_every_backend_to_move_only_the_entry():
    """entry-moves.js wraps the backend Decap makes, whatever Decap passes."""
    import subprocess

    script = """
    import { moveOnlyTheEntry } from './web_editor/src/entry-moves.js';
    const seen = [];
    const registry = { github: { init: () => ({ persistEntry: (entry, options) => seen.push(options) }) } };
    moveOnlyTheEntry({ getBackend: (name) => registry[name] }, 'github');
    const backend = registry.github.init();
    backend.persistEntry({}, { hasSubfolders: true, commitMessage: 'x' });
    backend.persistEntry({});
    console.log(JSON.stringify(seen));
    """
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [{"hasSubfolders": False, "commitMessage": "x"}, {"hasSubfolders": False}]
