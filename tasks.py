"""Invoke tasks: the one entry point for editors and CI.

    invoke build        preview build into output/ (warnings are errors)
    invoke serve        build, then serve output/ at http://localhost:8000
    invoke livereload   serve, rebuild and refresh the browser on every save
    invoke check        check all content; exit status 1 on any error (--github: as PR annotations too)
    invoke check-office-permission --author LOGIN
                        a pull request's articles are for its author's offices (data/editors.toml)
    invoke publish [--full]
                        check, production build in a staging folder (only what changed since output/), then swap
    invoke verify-incremental
                        a full build beside output/: every file must equal the incremental one (weekly in CI)
    invoke deploy [--dry-run]
                        output/ to S3-compatible storage (DEPLOY_TARGET): only what changed, pages never broken
    invoke bench-editor [--sizes 20000,50000]
                        the web editor on large archives: files per office collection, seconds to list and open
    invoke pages-size   whether output/ still fits GitHub Pages (warning from 800 MB, stop at 1 GB)
    invoke bench-deploy the generated corpus deployed to a local S3 server, then one article more
    invoke bench-incremental [--articles N]
                        one new article on a large archive: full and incremental publish, check, preview
    invoke new "Judul" --office CODE
                        create a new article file with its metadata, in its office's folder
    invoke move-articles [--dry-run]
                        every article into its office's folder (content/articles/OFFICE/YEAR/), addresses unchanged
    invoke editor       the web editor (/admin/) on this checkout, with the preview
    invoke setup-editor install the web editor's npm packages (Decap CMS), pinned by the lockfile
    invoke mentions     offices named in article texts but not tagged
    invoke prepare-photos
                        every photo under content/ to the photo standard, in place; references follow a new name
    invoke import-wordpress EXPORT.xml --office CODE [--uploads FOLDER]
                        one office's WordPress archive into articles, pages and photos
    invoke bench        build times beside bare Pelican, page weight (JSON in benchmarks/results/)
    invoke bench-import a synthetic 20,000-post WordPress export imported: seconds and peak memory
    invoke lighthouse   Lighthouse mobile scores of four pages (npm lighthouse, Debian Chromium)
    invoke screenshots  the README's pictures, from a build of a generated corpus with photos
    invoke clean        remove output/ and the build cache
    invoke test         run the whole test suite

Extra Pelican options go after `--`: `invoke build -- --debug`.

Each task only parses its arguments and calls the code that does the work:
editorial/setup/ (Debian and npm packages), sitelib/folder_swap.py (publish's
swap), editorial/preview_server.py and editorial/local_editor.py (preview and
editor), editorial/wordpress/office_import.py, benchmarks/.
"""

import json
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.main import program
from pelican import main as pelican_main
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # plugin modules used by editor tasks

from content_checks.scan import check_sources, format_findings  # noqa: E402
from editorial.mentions_report import format_report, untagged_report  # noqa: E402
from editorial.new_article import ArticleExists, create_article, reporting_office  # noqa: E402
from editorial.setup.commands import CommandFailed  # noqa: E402

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))

EDITOR_FOLDER = ROOT / "web_editor"

CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "cache_path": SETTINGS["CACHE_PATH"],
    "articles_path": str(Path(SETTINGS["PATH"]) / SETTINGS["ARTICLE_PATHS"][0]),
    "host": "localhost",
    "port": 8000,
}


def pelican_run(args):
    """Run Pelican in this process, strict: any warning stops the build."""
    argv = shlex.split(args) + ["--fatal", "warnings"] + shlex.split(program.core.remainder)
    pelican_main(argv)


def exit_on(error: CommandFailed):
    """Leave with an installer's message and its exit status."""
    print(error, file=sys.stderr)
    sys.exit(error.returncode)


@task
def setup_editor(c):
    """Install the web editor (Decap CMS and its local proxy) from npm, exactly as the lockfile pins it."""
    from editorial.setup.editor_packages import ensure_installed

    try:
        ensure_installed(EDITOR_FOLDER, install_npm=lambda: setup_system(c))
    except CommandFailed as error:
        exit_on(error)


@task
def clean(c):
    """Remove generated files and the build cache."""
    for folder in (CONFIG["deploy_path"], CONFIG["cache_path"]):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[setup_editor])
def build(c):
    """Build the preview site into output/."""
    pelican_run("-s {settings_base}".format(**CONFIG))


@task(pre=[setup_editor])
def serve(c):
    """Build, then serve the site at http://localhost:8000 (Ctrl+C stops)."""
    from editorial.preview_server import serve_folder

    build(c)
    serve_folder(CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"])


@task(pre=[setup_editor], help={"article": "Pratinjau satu berita saja (cepat), misalnya content/articles/2026/x.md"})
def livereload(c, article=None):
    """Serve at http://localhost:8000 and rebuild and refresh on every save.

    With --article, only that article (and the fixed pages) is built, so a
    save shows in about a second even on a large site.
    """
    from editorial.preview_server import serve_live

    serve_live(pelican_run, SETTINGS, CONFIG["settings_base"], CONFIG["host"], CONFIG["port"], article)


def report(findings, github: bool) -> None:
    """Print findings for people (and as GitHub annotations); exit status 1 on any error."""
    from content_checks.annotations import annotation

    print(format_findings(findings))
    if github:
        for finding in findings:
            print(annotation(finding))
    if any(finding.is_error for finding in findings):
        sys.exit(1)


@task(pre=[setup_editor])
def editor(c):
    """The web editor on this checkout: /admin/ through Decap's local proxy, with the live preview.

    Saving in the editor writes the Markdown file into content/ (and photos into
    content/images/); the preview rebuilds at once. Works offline. The proxy answers
    only the preview's editor page, and only about the editor's folders
    (editorial/local_proxy.py). Ctrl+C, SIGTERM or SIGHUP stops both.
    """
    from editorial.local_editor import run_editor

    run_editor(SETTINGS, ROOT, CONFIG["host"], CONFIG["port"], lambda: livereload(c))


@task(help={"github": "Tulis juga setiap temuan sebagai anotasi GitHub (::error file=…,line=…::…)"})
def check(c, github=False):
    """Check all content without publishing; exit status 1 on any error."""
    report(check_sources(SETTINGS), github)


@task(help={
    "author": "Akun GitHub penulis pull request",
    "base": "Cabang atau commit tujuan pull request (bawaan origin/main)",
    "head": "Commit pull request yang diperiksa (bawaan HEAD); dibaca sebagai data, tidak dijalankan",
    "github": "Tulis juga setiap temuan sebagai anotasi GitHub",
})
def check_office_permission(c, author, base="origin/main", head="HEAD", github=False):
    """Fail when HEAD, since its merge base with BASE, changes anything AUTHOR may not change.

    Run from a checkout of the base branch: its code and data/editors.toml judge;
    the pull request's files are read from git as data, never checked out or run.
    """
    from editorial.office_permissions import check_pull_request
    from editorial.pull_request import GitError
    from office_tags.site_registry import registry_for
    from sitelib.errors import SiteConfigError

    try:
        changes, findings = check_pull_request(
            ROOT, base, head, author, SETTINGS, registry_for(SETTINGS), ROOT / SETTINGS["EDITOR_REGISTRY"],
        )
    except (GitError, SiteConfigError) as error:
        sys.exit(f"Pemeriksaan izin kantor gagal: {error}")
    if not findings:
        print(f"{len(changes)} berkas diubah; akun {author} boleh mengubah semuanya.")
    report(findings, github)


@task(pre=[setup_editor, check], help={
    "full": "Bangun ulang semua halaman, tanpa memakai hasil build sebelumnya di output/",
})
def publish(c, full=False):
    """Check, build for production into a staging folder, then swap it into output/.

    Incremental: pages and files whose inputs did not change since the build in output/ are linked from
    there, not made again (sitelib/build_selection.py); --full makes everything. A failed build leaves the
    previous output/ exactly as it was.
    """
    from sitelib.build_selection import PREVIOUS_SETTING
    from sitelib.folder_swap import FolderSwapError, build_and_swap

    previous = Path(CONFIG["deploy_path"]).resolve()

    def build_into(staging: Path) -> None:
        incremental = "" if full or not previous.is_dir() else f" -e {PREVIOUS_SETTING}={shlex.quote(json.dumps(str(previous)))}"
        pelican_run(f"-s {CONFIG['settings_publish']} -o {shlex.quote(str(staging))}{incremental}")

    try:
        build_and_swap(Path(CONFIG["deploy_path"]), ROOT, build_into)
    except FolderSwapError as error:
        sys.exit(f"Penerbitan gagal: {error}")


@task
def verify_incremental(c):
    """Build the site incrementally from output/ and from scratch, at one moment, and compare every file.

    The weekly check that incremental publishes (`invoke publish`) still give the full build's site. Both
    builds have the same clock (BUILD_NOW), so an article falling due meanwhile cannot make them differ.
    """
    from datetime import datetime, timezone

    from sitelib.build_manifest import absent_files, differing_files, read_manifest, site_files
    from sitelib.build_selection import CLOCK_SETTING, FRESH_PAGES_SETTING, PREVIOUS_SETTING, REMOTE_SETTING, abandon_selection
    from sitelib.folder_swap import swappable_target

    output = Path(CONFIG["deploy_path"]).resolve()
    if read_manifest(output) is None:
        sys.exit(f"Tidak ada situs terbit dengan manifest di {output}: jalankan `invoke publish` dulu.")
    folders = [swappable_target(output.with_name(f".{output.name}-{name}"), ROOT) for name in ("bertahap", "pembanding")]
    moment = datetime.now(timezone.utc).isoformat(timespec="seconds")
    remote = bool(absent_files(output))
    incremental = {CLOCK_SETTING: moment, PREVIOUS_SETTING: str(output), REMOTE_SETTING: remote}
    # S3 hosting: the photos and documents are in the bucket, not here; the reference renders every page and the
    # search index again and keeps files only by their signatures (a name holding the photo's hash, a document's
    # SHA-256). Otherwise it is a build from nothing.
    reference = {**incremental, FRESH_PAGES_SETTING: True} if remote else {CLOCK_SETTING: moment}

    def build(folder: Path, settings: dict) -> None:
        extra = " ".join(f"{key}={shlex.quote(json.dumps(value))}" for key, value in settings.items())
        pelican_run(f"-s {CONFIG['settings_publish']} -o {shlex.quote(str(folder))} -e {extra}")

    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    try:
        build(folders[0], incremental)
        build(folders[1], reference)
        different = differing_files(*folders)
        count = len(site_files(folders[0]))
    finally:
        for folder in folders:
            abandon_selection(folder)
            shutil.rmtree(folder, ignore_errors=True)
    if different:
        shown = "\n".join(f"  {name}" for name in different[:50])
        sys.exit(f"Build bertahap BERBEDA dari build penuh pada {len(different)} berkas:\n{shown}\n"
                 "Terbitkan dengan `invoke publish --full` dan laporkan ini sebagai bug.")
    print(f"Build bertahap sama dengan build penuh: {count} berkas identik.")


@task(help={
    "title": "Judul berita",
    "office": "Kode kantor yang meliput (wajib), misalnya kab-wonosobo (lihat data/offices.toml)",
    "folder": "Folder artikel (bawaan: content/articles)",
})
def new(c, title, office="", folder=None):
    """Create a new draft article in its office's folder (content/articles/OFFICE/YEAR/), every field pre-filled."""
    try:
        path = create_article(title, Path(folder or CONFIG["articles_path"]), SETTINGS, reporting_office(office, SETTINGS))
    except (ArticleExists, ValueError) as error:
        sys.exit(f"Gagal membuat berita: {error}")
    print(path)


@task(help={"dry-run": "Hanya tampilkan apa yang akan dipindah, tanpa mengubah berkas"})
def move_articles(c, dry_run=False):
    """Move every article into its reporting office's folder (content/articles/OFFICE/YEAR/); addresses stay."""
    from editorial.article_folders import PlanRefused, apply_plan, plan_moves, plan_report

    plan = plan_moves(SETTINGS)
    if not dry_run:
        try:
            apply_plan(plan, SETTINGS)
        except PlanRefused as refused:
            sys.exit(f"{plan_report(plan, done=False)}\n{refused}")
    print(plan_report(plan, done=not dry_run))
    if plan.refusals or plan.uncertain:
        sys.exit(1)


@task
def setup_system(c):
    """Install the Debian packages the tests need (Chromium, Java, Node.js, npm), if missing."""
    from editorial.setup.system_packages import NotInstalled, install_missing

    try:
        install_missing(ROOT / "system-packages.txt", as_root=os.geteuid() == 0)
    except NotInstalled as error:
        sys.exit(str(error))
    except CommandFailed as error:
        exit_on(error)


@task(help={
    "size": "Jumlah berita untuk perbandingan (bawaan 2000)",
    "scaling": "Ukuran uji skala, dipisah koma (bawaan 500,2000,8000,50000)",
    "runs": "Berapa kali tiap build diukur (bawaan 3)",
    "output": "Berkas JSON hasil (bawaan benchmarks/results/latest.json)",
    "photos": "Ukur juga skenario foto: foto asli disiapkan, diterbitkan, ditimbang (bawaan ya; --no-photos melewatinya)",
    "only-photos": "Hanya skenario foto (sekitar satu menit); bagian lain berkas JSON tetap",
})
def bench(c, size=2000, scaling="500,2000,8000,50000", runs=3, output="benchmarks/results/latest.json",
          photos=True, only_photos=False):
    """Benchmark bare Pelican, our preview and our publish build on one generated corpus, and the photo scenario."""
    from benchmarks.photo_scenario import MissingPhotos
    from benchmarks.run import format_bench_report, load, run, run_photos, save

    sizes = [int(part) for part in scaling.split(",") if part.strip()]
    try:
        if only_photos:
            results = {**load(ROOT / output), "photos": run_photos(runs=int(runs))}
        else:
            results = run(size=int(size), scaling=sizes, runs=int(runs), photos=photos)
    except MissingPhotos as error:
        sys.exit(str(error))
    save(results, ROOT / output)
    print(format_bench_report(results))
    print(f"\nJSON: {output}")


@task(help={
    "dry_run": "Hanya tampilkan rencananya: berkas dan bita yang akan diunggah dan dihapus",
    "all": "Unggah semua berkas, juga yang tidak berubah (setelah aturan header HTTP diubah)",
})
def deploy(c, dry_run=False, all=False):
    """Publish output/ to S3-compatible storage (DEPLOY_TARGET, AWS_* variables): only what changed, in a safe order."""
    from sitelib.deploy.deploying import DeployError, TargetError, deploy_output

    try:
        deploy_output(Path(CONFIG["deploy_path"]), os.environ, dry_run=dry_run, everything=all)
    except (DeployError, TargetError) as error:
        sys.exit(f"Deploy gagal: {error}")


@task(help={"articles": "Jumlah berita korpus (bawaan 2000)"})
def bench_deploy(c, articles=2000):
    """The generated corpus deployed to a local S3 server (SeaweedFS), then one article more: files, bytes, seconds."""
    from benchmarks.deploy_scenario import format_report, run

    results = run(int(articles))
    (ROOT / "benchmarks" / "results" / "deploy.json").write_text(json.dumps(results, indent=2) + "\n")
    print(format_report(results))


@task(help={
    "articles": "Jumlah berita korpus (bawaan 50000)",
    "work": "Folder kerja sementara (bawaan /tmp; perlu sekitar 10 GB pada 50.000 berita)",
})
def bench_incremental(c, articles=50000, work=None):
    """One new article on a large generated archive: cold and warm full publish, then check and incremental publish."""
    from benchmarks.incremental_scenario import format_report, run

    results = run(int(articles), Path(work) if work else None)
    (ROOT / "benchmarks" / "results" / "incremental.json").write_text(json.dumps(results, indent=2) + "\n")
    print(format_report(results))


@task(help={
    "sizes": "Jumlah berita korpus, dipisah koma (bawaan 20000,50000)",
    "runs": "Berapa kali tiap ukuran diukur (bawaan 3)",
    "work": "Folder kerja sementara (bawaan /tmp)",
})
def bench_editor(c, sizes="20000,50000", runs=3, work=None):
    """The web editor on large generated archives: files per office collection, seconds to list and open, GitHub requests."""
    from benchmarks.editor_scenario import format_report, run

    results = run([int(size) for size in sizes.split(",")], int(runs), Path(work) if work else None)
    (ROOT / "benchmarks" / "results" / "editor.json").write_text(json.dumps(results, indent=2) + "\n")
    print(format_report(results))


@task
def pages_size(c):
    """Whether output/ still fits GitHub Pages (1 GB): a warning from 800 MB, exit status 1 above 1 GB."""
    from sitelib.deploy.pages_limit import incomplete, pages_verdict, published_size

    problem = incomplete(Path(CONFIG["deploy_path"]))
    if problem:
        sys.exit(problem)
    verdict, message = pages_verdict(published_size(Path(CONFIG["deploy_path"])))
    if verdict == "stop":
        sys.exit(message)
    print(f"::warning::{message}" if verdict == "warning" and os.environ.get("GITHUB_ACTIONS") else message)


@task(help={"posts": "Jumlah berita di ekspor sintetis (bawaan 20000)"})
def bench_import(c, posts=20000):
    """Import a synthetic WordPress export (POSTS posts with photos) in a child process: seconds and peak memory."""
    from benchmarks.wxr_bench import format_figures, run

    print(format_figures(run(int(posts))))


@task(pre=[setup_editor])
def lighthouse(c):
    """Lighthouse (mobile) scores of the home page, a seed article, an article with a photo and an office page."""
    from benchmarks.lighthouse import format_scores, run

    print(format_scores(run()))


@task(help={
    "export": "Berkas ekspor WordPress (WXR), dari Alat → Ekspor",
    "office": "Kode kantor pemilik situs WordPress itu, misalnya kab-wonosobo",
    "uploads": "Salinan folder wp-content/uploads situs itu (untuk foto)",
})
def import_wordpress(c, export, office, uploads=None):
    """Import one office's WordPress export: articles, pages, photos and old addresses; never overwrites."""
    from editorial.wordpress.office_import import ImportRefused, import_office_export

    try:
        print(import_office_export(export, office, uploads, SETTINGS, ROOT))
    except ImportRefused as error:
        sys.exit(str(error))


@task(pre=[setup_editor])
def screenshots(c):
    """The README's pictures (phone and desktop: home, an article with a photo, an office page) from a real build."""
    from benchmarks.screenshots import take

    for path in take():
        print(path.relative_to(ROOT))


@task
def prepare_photos(c):
    """Rewrite every photo under content/ that does not meet the photo standard; a .heic becomes .jpg and
    every reference in articles and pages follows. Exit status 1 when a photo could not be prepared."""
    from editorial.prepare_photos import prepare_all

    report = prepare_all(SETTINGS)
    print(report.text)
    if report.failed:
        sys.exit(1)


@task
def mentions(c):
    """List offices named in article texts but not tagged (suggestions only)."""
    print(format_report(untagged_report(SETTINGS)))


@task(pre=[setup_system, setup_editor, check])
def test(c):
    """Check the content, then run the whole test suite (pytest); options after `--` go to pytest."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest {program.core.remainder}", pty=False)
