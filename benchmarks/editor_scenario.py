"""`invoke bench-editor`: the web editor (/admin/) on archives of 20,000 and 50,000 articles.

For each size, the generated corpus (`benchmarks.corpus`: articles in their reporting office's folder, as
`invoke new`, the import and the editor write them) is the repository of the guarded local proxy (decap-server,
as `invoke editor` runs it); the editor page is built once from this checkout (it does not depend on the
archive's articles). Debian Chromium through Playwright, each run in a fresh browser context (nothing cached):
- list: from clicking the largest office's collection in the sidebar to its first entry shown (Decap reads every
  file of the collection to sort it by Date);
- open: from clicking that first entry, the newest article, to its title in the form;
- start: /admin/ opened again, the office remembered, to its first entry shown (Decap's start included);
- for comparison, once: the list of one collection of all articles (content/articles, as before issue #22), a
  variant of the built configuration made here only.
Also the files each office collection covers, and what the GitHub backend would request to open the list, from
Decap's code (README: 1 git tree + 2 requests per file on a browser's first visit, the tree alone afterwards).
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pelican.settings import read_settings

from editorial.local_proxy import proxy_settings, running_proxy
from web_editor.contract import CONFIG_FILE, office_collection
from office_tags.site_registry import registry_for
from sitelib.static_server import free_port, serve

from .corpus import generate
from .screenshots import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
ALL_ARTICLES = {"name": "berita-semua", "label": "Semua berita"}  # the comparison's one collection


def office_files(content: Path) -> dict[str, int]:
    """The number of article files in each office's folder (one web editor collection each)."""
    return {folder.name: sum(1 for _ in folder.rglob("*.md")) for folder in sorted((content / "articles").iterdir())
            if folder.is_dir()}


def newest_date(folder: Path) -> str:
    """The latest Date line among an office's articles (the corpus writes it as the header's second line)."""
    return max(path.read_text(encoding="utf-8").split("\nDate: ", 1)[1][:16] for path in folder.rglob("*.md"))


def github_requests(files: int) -> dict:
    """GitHub REST requests Decap 3.16 makes to open a folder collection's list sorted by a field (README)."""
    return {"first_visit": 1 + 2 * files, "warm": 1}


def build_editor_page(output: Path, proxy_port: int) -> None:
    """/admin/ of this checkout, its configuration pointing at the local proxy."""
    backend = json.dumps({"local_backend": f"http://127.0.0.1:{proxy_port}/api/v1"})
    subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(output), "-q",
                    "-e", f"WEB_EDITOR={backend}"], cwd=ROOT, check=True, capture_output=True)


def with_all_articles_collection(editor: Path) -> None:
    """The built configuration with one more collection: every article in content/articles (three levels deep),
    like the office collections otherwise."""
    config_file = editor / "admin" / CONFIG_FILE
    config = json.loads(config_file.read_text(encoding="utf-8"))
    office = next(c for c in config["collections"] if c["name"] in config["site"]["collections"]["offices"])
    folder = office["folder"].rsplit("/", 1)[0]
    config["collections"].append({**office, **ALL_ARTICLES, "folder": folder, "path": "{{office}}/" + office["path"]})
    config_file.write_text(json.dumps(config), encoding="utf-8")


def signed_in(browser, url: str):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(900_000)
    page.goto(url)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Koleksi")).to_be_visible()
    return context, page


def timed_list(browser, url: str, collection: str, label: str) -> float:
    """Seconds from clicking a collection in the sidebar to its first entry shown, in a fresh browser."""
    context, page = signed_in(browser, url)
    start = time.perf_counter()
    page.get_by_role("link", name=label, exact=True).click()
    page.locator(f'a[href*="#/collections/{collection}/entries/"]').first.wait_for()
    seconds = time.perf_counter() - start
    context.close()
    return round(seconds, 2)


def timed_run(browser, url: str, office: str, label: str) -> dict:
    """One fresh browser: sign in, open the office's list, open its newest article, open /admin/ again."""
    from playwright.sync_api import expect

    context, page = signed_in(browser, url)
    entries = page.locator(f'a[href*="#/collections/{office_collection(office)}/entries/"]')
    start = time.perf_counter()
    page.get_by_role("link", name=label, exact=True).click()
    entries.first.wait_for()
    listed = time.perf_counter()
    newest = entries.first.inner_text()
    entries.first.click()
    expect(page.get_by_label("Judul", exact=True)).not_to_have_value("")
    opened = time.perf_counter()
    page.goto(url)
    entries.first.wait_for()
    started = time.perf_counter()
    context.close()
    return {"list_seconds": round(listed - start, 2), "open_seconds": round(opened - listed, 2),
            "start_seconds": round(started - opened, 2), "newest": newest}


def measure_size(articles: int, work: Path, browser, runs: int) -> dict:
    content = generate(work / "content", articles)
    counts = office_files(content)
    office = max(counts, key=lambda code: (counts[code], code))
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    label = f"Berita {registry_for(settings).offices[office].short_name}"
    proxy_port, site_port = free_port(), free_port()
    build_editor_page(work / "editor", proxy_port)
    proxy = proxy_settings(settings, work, site_port, proxy_port)
    with running_proxy(proxy, lambda line: None), serve(work / "editor", site_port) as base:
        timings = [timed_run(browser, f"{base}/admin/", office, label) for _ in range(runs)]
        with_all_articles_collection(work / "editor")
        one_collection = timed_list(browser, f"{base}/admin/", ALL_ARTICLES["name"], ALL_ARTICLES["label"])
    return {
        "articles": articles,
        "collections": len(counts),
        "files_per_collection": {"min": min(counts.values()), "median": statistics.median(counts.values()),
                                 "max": counts[office]},
        "measured_office": office,
        "runs": timings,
        "newest_listed_first": all(run["newest"].startswith(newest_date(content / "articles" / office)) for run in timings),
        "list_seconds_median": statistics.median(run["list_seconds"] for run in timings),
        "open_seconds_median": statistics.median(run["open_seconds"] for run in timings),
        "start_seconds_median": statistics.median(run["start_seconds"] for run in timings),
        "one_collection_list_seconds": one_collection,
        "github_requests": github_requests(counts[office]),
        "github_requests_one_collection": github_requests(sum(counts.values())),
    }


def run(sizes: list[int], runs: int = 3, work: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    results = {"sizes": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for articles in sizes:
                with tempfile.TemporaryDirectory(dir=work) as folder:
                    results["sizes"].append(measure_size(articles, Path(folder), browser, runs))
        finally:
            browser.close()
    return results


def format_report(results: dict) -> str:
    lines = []
    for size in results["sizes"]:
        files = size["files_per_collection"]
        lines += [
            f"{size['articles']} berita, {size['collections']} koleksi kantor: {files['min']}–{files['max']} berkas "
            f"(median {files['median']}); diukur: {size['measured_office']}",
            f"  daftar tampil {size['list_seconds_median']:.2f} s{'' if size['newest_listed_first'] else ' (BUKAN terbaru di atas!)'}, berita terbaru terbuka {size['open_seconds_median']:.2f} s, "
            f"/admin/ dibuka lagi {size['start_seconds_median']:.2f} s (median {len(size['runs'])} kali); "
            f"satu koleksi semua berita: daftar tampil {size['one_collection_list_seconds']:.2f} s",
            f"  GitHub: {size['github_requests']['first_visit']} permintaan pada kunjungan pertama, "
            f"{size['github_requests']['warm']} sesudahnya (satu koleksi semua berita: "
            f"{size['github_requests_one_collection']['first_visit']})",
        ]
    return "\n".join(lines)
