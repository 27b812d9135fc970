"""`invoke deploy` against a real S3 server (issue #20): SeaweedFS started on 127.0.0.1 by the tests.

Two production builds of the real content, the second with one more
article, are deployed in turn: the first deploy uploads every file (not the
.gz/.br copies), a second one nothing, the new article only the files that
differ, the article's removal deletes its page. A deploy stopped in the
middle of the pages leaves every stored page with every file it points to,
and the next deploy completes it. Headers are read back over HTTP.
"""

import hashlib
import time
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from benchmarks.deploy_scenario import NEW_ARTICLE, NEW_PAGE
from benchmarks.local_s3 import CREDENTIALS, new_bucket, seaweed_s3
from conftest import PUBLISH_SITEURL, ROOT, content_with, run_pelican
from site_copy import copy_project, invoke
from sitelib.deploy.http_headers import IMMUTABLE, LONG, SHORT, headers_for, is_published
from sitelib.deploy.pages_limit import pages_verdict
from sitelib.deploy.sync_plan import GRACE, PENDING_KEY, FILES, INDEXES, PAGES, LocalFile, RemoteObject, make_plan, phase_of
from sitelib.deploy.deploying import deploy_output
from sitelib.deploy.target import Target, TargetError, parse_target



# -- pure parts -------------------------------------------------------------------------------------

def test_the_target_is_a_bucket_and_an_optional_folder():
    assert parse_target("s3://media-center") == Target("media-center", "")
    assert parse_target("s3://media-center/situs/utama/") == Target("media-center", "situs/utama/")
    for wrong in ("", "media-center", "https://x/y", "s3://Media_Center", "s3://ab", "s3://bucket/../x", "s3://bucket/a b"):
        with pytest.raises(TargetError):
            parse_target(wrong)


@pytest.mark.parametrize("path, content_type, cache", [
    ("index.html", "text/html; charset=utf-8", SHORT),
    ("2025/05/berita/index.html", "text/html; charset=utf-8", SHORT),
    ("feed/atom.xml", "application/atom+xml; charset=utf-8", SHORT),
    ("sitemap.xml", "application/xml; charset=utf-8", SHORT),
    ("robots.txt", "text/plain; charset=utf-8", SHORT),
    ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", SHORT),
    ("pagefind/pagefind.js", "text/javascript; charset=utf-8", SHORT),
    ("pagefind/fragment/id_ad6bc61.pf_fragment", "application/octet-stream", IMMUTABLE),
    ("theme/css/main.2b2736f8c4.css", "text/css; charset=utf-8", IMMUTABLE),
    ("theme/js/share.0123456789.js", "text/javascript; charset=utf-8", IMMUTABLE),
    ("images/varian/manasik-21e1407352-1200.avif", "image/avif", IMMUTABLE),
    ("kartu/pengumuman-a0456c524a5f.jpg", "image/jpeg", IMMUTABLE),
    ("dokumen/kab-kudus/2025/05/daftar.pdf", "application/pdf", LONG),
    ("media/kab-kudus/2025/05/manasik.mp4", "video/mp4", LONG),
    ("wp-content/uploads/2025/05/daftar.pdf", "application/pdf", LONG),
    ("kudus/files/2021/06/foto.jpg", "image/jpeg", LONG),
    ("admin/config.json", "application/json; charset=utf-8", SHORT),
])
def test_each_file_gets_its_type_and_cache_rule(path, content_type, cache):
    assert headers_for(path).content_type == content_type and headers_for(path).cache_control == cache


def test_phases_put_files_before_pages_and_pages_before_what_points_to_them():
    assert [phase_of(p) for p in ("images/varian/a-0123456789-400.webp", "theme/css/main.0123456789.css",
                                  "pagefind/index/id_1.pf_index", "dokumen/a/b.pdf")] == [FILES] * 4
    assert phase_of("2025/05/x/index.html") == PAGES and phase_of("404.html") == PAGES
    assert [phase_of(p) for p in ("sitemap.xml", "feed/rss.xml", "robots.txt", "pagefind/pagefind-entry.json",
                                  "pagefind/pagefind.js")] == [INDEXES] * 5
    assert not is_published("index.html.gz") and not is_published("theme/css/main.0123456789.css.br")


def test_the_plan_compares_content_hashes_not_times(tmp_path):
    def local(relative, md5):
        return LocalFile(relative, tmp_path / relative, 10, md5)
    plan = make_plan(
        {"index.html": local("index.html", "a" * 32), "images/x.jpg": local("images/x.jpg", "b" * 32)},
        {"index.html": RemoteObject("index.html", 10, "a" * 32), "images/x.jpg": RemoteObject("images/x.jpg", 10, "c" * 32),
         "lama/index.html": RemoteObject("lama/index.html", 7, "d" * 32)},
    )
    assert plan.unchanged == 1 and [f.relative for f in plan.uploads[FILES]] == ["images/x.jpg"]
    assert [item.relative for item in plan.deletions] == ["lama/index.html"]
    everything = make_plan({"index.html": local("index.html", "a" * 32)}, {"index.html": RemoteObject("index.html", 10, "a" * 32)},
                           everything=True)
    assert everything.unchanged == 0 and [f.relative for f in everything.uploads[PAGES]] == ["index.html"]


def test_a_pages_site_is_warned_from_800_mb_and_stopped_at_1_gb():
    assert pages_verdict(799_000_000)[0] == "ok"
    verdict, message = pages_verdict(812_400_000)
    assert verdict == "warning" and "812 MB" in message and "DEPLOY_TARGET" in message
    verdict, message = pages_verdict(1_000_000_000)
    assert verdict == "stop" and "penerbitan dihentikan" in message


# -- a real S3 server ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    with seaweed_s3(tmp_path_factory.mktemp("s3")) as endpoint:
        yield endpoint


def environment(endpoint: str, bucket: str) -> dict[str, str]:
    return {**CREDENTIALS, "AWS_ENDPOINT_URL": endpoint, "DEPLOY_TARGET": f"s3://{bucket}/situs"}




def stored(client, bucket: str) -> dict[str, str]:
    """key below situs/ -> ETag"""
    objects = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="situs/"):
        objects.update({item["Key"][len("situs/"):]: item["ETag"].strip('"') for item in page.get("Contents", [])
                        if item["Key"] != f"situs/{PENDING_KEY}"})
    return objects


def published(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and is_published(p.name)}


@pytest.fixture(scope="module")
def builds(site, tmp_path_factory):
    """The session's production build, and the same content with one more article."""
    content = content_with(tmp_path_factory, "deploy")
    (content / "articles" / "satu-berita-baru.md").write_text(NEW_ARTICLE, encoding="utf-8")
    later = run_pelican("publishconf.py", tmp_path_factory.mktemp("deploy-baru"), content=content,
                        env={"SITEURL": PUBLISH_SITEURL})
    return site.root, later


def test_deploys_upload_everything_once_then_only_what_changed_and_delete_what_is_gone(s3, builds):
    first, later = builds
    client = new_bucket(s3, "situs-bertahap")
    env = environment(s3, "situs-bertahap")
    plan = deploy_output(first, env, say=lambda line: None)
    files = published(first)
    assert plan.upload_count == len(files) and not plan.deletions
    assert set(stored(client, "situs-bertahap")) == set(files)
    assert not any(key.endswith((".gz", ".br")) for key in stored(client, "situs-bertahap"))

    again = deploy_output(first, env, say=lambda line: None)
    assert again.upload_count == 0 and not again.deletions and again.unchanged == len(files)

    newer = published(later)
    changed = {key for key, data in newer.items() if files.get(key) != data}
    plan = deploy_output(later, env, say=lambda line: None)
    assert {file.relative for phase in plan.uploads.values() for file in phase} == changed
    assert NEW_PAGE in changed and len(changed) < len(newer) // 5, (len(changed), sorted(changed))
    unused = set(files) - set(newer)  # pages go at once; other files wait while cached pages may still ask
    assert {item.relative for item in plan.deletions} == {key for key in unused if key.endswith(".html")}
    assert set(plan.pending) == {key for key in unused if not key.endswith(".html")}
    # The search index is in parts by year: the new article's year (2026) gets a part of its own, and the
    # older parts are left as they are, so no index file goes unused here (going back below, the 2026 part does).
    assert plan.pending == {} and any(key.startswith("pagefind/2026/") for key in changed)

    back = deploy_output(first, env, say=lambda line: None)  # the article removed again
    assert NEW_PAGE in {item.relative for item in back.deletions}
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(f"{s3}/situs-bertahap/situs/{NEW_PAGE}")
    assert gone.value.code == 404
    left = {key for key in set(newer) - set(files) if not key.endswith(".html")}  # the article's card, chunks
    assert set(back.pending) == left and set(stored(client, "situs-bertahap")) == set(files) | left
    soon = deploy_output(first, env, say=lambda line: None, now=time.time() + GRACE - 60)
    assert not soon.deletions and set(soon.pending) == left
    later_on = deploy_output(first, env, say=lambda line: None, now=time.time() + GRACE + 1)
    assert {item.relative for item in later_on.deletions} == left and not later_on.pending
    assert set(stored(client, "situs-bertahap")) == set(files)


def references(html: str, page_key: str) -> set[str]:
    """The keys of the files a stored page points to: images, stylesheets, scripts, media, linked files."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    for element in soup.find_all(["img", "source", "script", "link", "video", "audio", "a"]):
        values = [element.get(name, "") for name in ("src", "poster")]
        values += [part.strip().split(" ")[0] for part in (element.get("srcset") or "").split(",") if part.strip()]
        if element.name == "link" and set(element.get("rel", [])) & {"stylesheet", "icon", "preload", "modulepreload"}:
            values.append(element.get("href", ""))
        if element.name == "a" and re.search(r"\.(?:pdf|jpe?g|png|webp|avif|mp4|mp3|xlsx?|docx?)$", element.get("href", "")):
            values.append(element["href"])
        for value in values:
            url = urljoin(f"{PUBLISH_SITEURL}/{page_key}", value) if value else ""
            if url.startswith(PUBLISH_SITEURL + "/"):
                found.add(urlsplit(url).path[len(urlsplit(PUBLISH_SITEURL).path) + 1:])
    return found


def test_a_deploy_stopped_among_the_pages_breaks_no_page_and_the_next_completes_it(s3, builds):
    first, later = builds
    client = new_bucket(s3, "situs-putus")
    env = environment(s3, "situs-putus")
    deploy_output(first, env, say=lambda line: None)
    pages_sent = []

    def stop_after_some_pages(file):
        if file.relative.endswith(".html"):
            pages_sent.append(file.relative)
            if len(pages_sent) == 5:
                raise KeyboardInterrupt("dihentikan di tengah halaman")

    with pytest.raises(KeyboardInterrupt):
        deploy_output(later, env, say=lambda line: None, uploaded=stop_after_some_pages)
    objects = stored(client, "situs-putus")
    newer = published(later)
    assert any(objects.get(key) != files_md5 for key, files_md5 in ((k, _md5(v)) for k, v in newer.items()))
    for key in objects:
        if key.endswith(".html"):
            body = client.get_object(Bucket="situs-putus", Key=f"situs/{key}")["Body"].read().decode("utf-8")
            missing = references(body, key) - set(objects)
            assert not missing, (key, missing)
    finished = deploy_output(later, env, say=lambda line: None)
    assert finished.upload_count > 0
    objects = stored(client, "situs-putus")
    assert {key: objects.get(key) for key in newer} == {key: _md5(data) for key, data in newer.items()}
    assert set(objects) - set(newer) == set(finished.pending)  # unused files kept for cached pages, no page


def _md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def test_headers_are_served_over_http(s3, builds):
    first, _ = builds
    new_bucket(s3, "situs-header")
    deploy_output(first, environment(s3, "situs-header"), say=lambda line: None)
    css = next(p for p in (first / "theme" / "css").iterdir() if p.suffix == ".css").relative_to(first).as_posix()
    card = next(p for p in (first / "kartu").iterdir() if p.suffix == ".jpg").relative_to(first).as_posix()
    for key, content_type, cache in (
        ("index.html", "text/html; charset=utf-8", SHORT), (css, "text/css; charset=utf-8", IMMUTABLE),
        (card, "image/jpeg", IMMUTABLE), ("feed/atom.xml", "application/atom+xml; charset=utf-8", SHORT),
        ("sitemap.xml", "application/xml; charset=utf-8", SHORT),
    ):
        with urllib.request.urlopen(f"{s3}/situs-header/situs/{key}") as response:
            assert response.headers["Content-Type"] == content_type, key
            assert response.headers["Cache-Control"] == cache, key
            assert response.read() == (first / key).read_bytes()


def test_invoke_deploy_dry_run_prints_the_plan_and_changes_nothing(s3, builds, tmp_path):
    first, _ = builds
    client = new_bucket(s3, "situs-uji")
    project = copy_project(tmp_path / "situs", ROOT / "content")
    shutil.copytree(first, project / "output")
    result = invoke(project, "deploy", "--dry-run", env=environment(s3, "situs-uji"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Unggah: {len(published(first))} berkas" in result.stdout
    assert "unggah index.html (" in result.stdout and "text/html; charset=utf-8; public, max-age=300)" in result.stdout
    assert "Uji coba (--dry-run)" in result.stdout and stored(client, "situs-uji") == {}
    done = invoke(project, "deploy", env=environment(s3, "situs-uji"))
    assert done.returncode == 0 and re.search(rf"Selesai dalam \d+(,\d)? detik: {len(published(first))} berkas diunggah", done.stdout)
    missing = invoke(project, "deploy")  # no DEPLOY_TARGET in this environment
    assert missing.returncode == 1 and "DEPLOY_TARGET belum diisi" in missing.stderr


def test_only_a_production_build_for_the_site_address_is_deployed(site, tmp_path):
    from sitelib.deploy.built_site import deploy_problem

    assert deploy_problem(site.root) == ""
    assert "invoke publish" in deploy_problem(tmp_path)  # no index.html
    preview = tmp_path / "pratinjau"
    shutil.copytree(site.root, preview, ignore=shutil.ignore_patterns("images", "kartu", "pagefind"))
    (preview / "draf" / "x").mkdir(parents=True)
    assert "berisi draf" in deploy_problem(preview)
    shutil.rmtree(preview / "draf")
    (preview / "robots.txt").write_text("User-agent: *\nSitemap: http://localhost:8000/sitemap.xml\n")
    assert "SITEURL=https://" in deploy_problem(preview)


def test_a_symbolic_link_in_the_output_stops_the_plan(tmp_path):
    from sitelib.deploy.sync_plan import OutputError, local_files

    (tmp_path / "index.html").write_text("<!doctype html>")
    (tmp_path / "images").symlink_to("/etc", target_is_directory=True)
    with pytest.raises(OutputError, match="tautan simbolik"):
        local_files(tmp_path)


def test_an_endpoint_without_its_scheme_is_refused_in_indonesian():
    from sitelib.deploy.target import s3_client

    with pytest.raises(TargetError, match="https://"):
        s3_client({**CREDENTIALS, "AWS_ENDPOINT_URL": "akun.r2.cloudflarestorage.com"})


def test_new_pages_go_before_changed_ones(tmp_path):
    files = {name: LocalFile(name, tmp_path / name, 1, "a" * 32) for name in ("a/index.html", "b/index.html", "c/index.html")}
    plan = make_plan(files, {"a/index.html": RemoteObject("a/index.html", 1, "b" * 32)})
    assert [file.relative for file in plan.uploads[PAGES]] == ["b/index.html", "c/index.html", "a/index.html"]


def test_a_site_whose_cards_and_photos_stayed_in_the_bucket_deletes_none_of_them(s3, builds, tmp_path):
    """An incremental build for S3 (BUILD_REMOTE_FILES) holds only pages and new files; its manifest names
    the rest, which stays in the bucket. A file neither here nor there stops the deploy before any change."""
    from sitelib.deploy.deploying import DeployError

    first, later = builds
    client = new_bucket(s3, "situs-sebagian")
    env = environment(s3, "situs-sebagian")
    deploy_output(first, env, say=lambda line: None)
    partial = tmp_path / "sebagian"
    shutil.copytree(later, partial)
    kept = sorted(p.relative_to(partial).as_posix() for p in (partial / "kartu").iterdir()
                  if p.relative_to(partial).as_posix() in published(first))
    assert kept
    for name in kept:
        (partial / name).unlink()
    plan = deploy_output(partial, env, say=lambda line: None)
    assert not {item.relative for item in plan.deletions} & set(kept) and not set(plan.pending) & set(kept)
    assert set(kept) <= set(stored(client, "situs-sebagian"))
    assert ".build-manifest.json" not in stored(client, "situs-sebagian")  # the manifest is never published
    client.delete_object(Bucket="situs-sebagian", Key=f"situs/{kept[0]}")
    before = stored(client, "situs-sebagian")
    with pytest.raises(DeployError, match="invoke publish --full"):
        deploy_output(partial, env, say=lambda line: None)
    assert stored(client, "situs-sebagian") == before
