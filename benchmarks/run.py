"""`invoke bench`: our preview and publish builds beside bare Pelican, on one generated corpus,
and the photo scenario on real photographs (`photo_scenario`)."""

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from . import corpus
from .measure import BuildFigures, count_pages, page_weight, pelican_command, timed
from .photo_scenario import format_photo_report, phone_photos, run_photo_scenario

ROOT = Path(__file__).resolve().parents[1]
BUILDS = {  # label: settings file
    "bare": "benchmarks/bare_settings.py",
    "preview": "pelicanconf.py",
    "publish": "publishconf.py",
}
BENCH_SITEURL = "http://localhost:8000"


def measure_builds(content: Path, articles: int, runs: int, work: Path, labels=tuple(BUILDS)) -> dict[str, BuildFigures]:
    """Each build `runs` times after one warm-up run (caches filled), same corpus."""
    figures = {}
    for label in labels:
        output, cache = work / f"out-{label}", work / f"cache-{label}"
        command = pelican_command(content, BUILDS[label], output, cache)
        env = {"SITEURL": BENCH_SITEURL}
        result = BuildFigures(label, articles)
        cold = timed(command, ROOT, env)
        result.runs = [timed(command, ROOT, env) for _ in range(runs)]
        result.pages = count_pages(output)
        figures[label] = result
        figures[f"{label}-cold"] = BuildFigures(f"{label}-cold", articles, [cold], result.pages)
    return figures


def rebuild_after_edit(content: Path, work: Path) -> float:
    """Preview rebuild time after one article changes, content cache warm."""
    output, cache = work / "out-preview", work / "cache-preview"
    command = pelican_command(content, BUILDS["preview"], output, cache)
    timed(command, ROOT)
    article = sorted((content / "articles").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nParagraf tambahan dari editor.\n", encoding="utf-8")
    return timed(command, ROOT).seconds


# A child process that rebuilds the one-article preview as `invoke livereload --article` does after each save
# (Pelican's main in the live server's process, tasks.pelican_run): before each rebuild the article is saved with
# one more sentence; prints the seconds of each rebuild.
PREVIEW_REBUILDS = """
import json, sys, time
from pathlib import Path
sys.path[:0] = ['.', 'plugins']
from pelican import main
arguments, article, rebuilds = json.loads(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
seconds = []
for number in range(rebuilds):
    article.write_text(article.read_text(encoding='utf-8') + f'\\nKalimat tambahan {number}.\\n', encoding='utf-8')
    start = time.perf_counter()
    main(arguments + ['--fatal', 'warnings'])
    seconds.append(time.perf_counter() - start)
print(json.dumps(seconds))
"""


def article_preview_rebuild(content: Path, work: Path, rebuilds: int = 4) -> float:
    """What an editor waits for after saving under `invoke livereload --article`: the live server's rebuild of the
    one-article preview in its own process, the article changed each time (the first build, at the server's
    start, left out; the median of the others). The article is a copy, so the corpus stays as generated."""
    from pelican.settings import read_settings

    from editorial.single_preview import pelican_options, preview_settings

    article = sorted((content / "articles").rglob("*.md"))[1]
    saved = article.with_name("disimpan-editor.md")
    saved.write_text(article.read_text(encoding="utf-8").replace("Slug: ", "Slug: disimpan-", 1), encoding="utf-8")
    try:
        site_paths = read_settings(str(ROOT / BUILDS["preview"]))["ARTICLE_PATHS"]
        settings = preview_settings(saved, content, site_paths, work / "pratinjau" / "cache")
        arguments = [str(content), "-s", BUILDS["preview"], "-o", str(work / "pratinjau" / "output"), "-q",
                     *pelican_options(settings)]
        result = subprocess.run([sys.executable, "-c", PREVIEW_REBUILDS, json.dumps(arguments), str(saved), str(rebuilds)],
                                cwd=ROOT, capture_output=True, text=True, check=True)
    finally:
        saved.unlink()
    return statistics.median(json.loads(result.stdout.strip().splitlines()[-1])[1:])


def first_article_page(output: Path) -> str:
    for path in sorted(output.glob("20*/*/*/index.html")):
        if 'class="featured-photo"' not in path.read_text(encoding="utf-8"):
            return str(path.parent.relative_to(output))
    raise RuntimeError("no article page without a photo")


def run_photos(runs: int = 3) -> dict:
    """The photo scenario alone (about a minute): real photographs prepared, published cold and warm, weighed."""
    with tempfile.TemporaryDirectory(prefix="bench-foto-") as tmp:
        return run_photo_scenario(Path(tmp), warm_runs=runs, siteurl=BENCH_SITEURL)


def run(size: int = 2000, scaling=(500, 2000, 8000, 50000), runs: int = 3, seed: int = 2026, photos: bool = True) -> dict:
    results: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "size": size, "runs": runs}
    if photos:
        phone_photos()  # missing photographs stop the run now, not after the hour of the other builds
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if photos:
            results["photos"] = run_photo_scenario(work / "photos", warm_runs=runs, siteurl=BENCH_SITEURL)
        content = corpus.generate(work / "content", size, seed)
        figures = measure_builds(content, size, runs, work)
        results["builds"] = {label: f.as_dict() for label, f in figures.items()}
        bare = figures["bare"].median_seconds
        results["ratios"] = {
            "preview/bare": figures["preview"].median_seconds / bare,
            "publish/bare": figures["publish"].median_seconds / bare,
        }
        page = first_article_page(work / "out-publish")
        results["article_page"] = {"path": page, **page_weight(work / "out-publish", page, BENCH_SITEURL)}
        results["rebuild_after_edit_seconds"] = rebuild_after_edit(content, work)
        results["article_preview_rebuild_seconds"] = article_preview_rebuild(content, work)
        scaling_results = {}
        for count in scaling:
            folder = work / f"scale-{count}"
            scaled = corpus.generate(folder / "content", count, seed)
            scaled_figures = measure_builds(scaled, count, 1, folder, labels=("bare", "publish"))
            scaling_results[count] = {label: f.as_dict() for label, f in scaled_figures.items()}
            shutil.rmtree(folder)
        results["scaling"] = scaling_results
    return results


def format_bench_report(results: dict) -> str:
    lines = format_build_report(results) if "builds" in results else []
    if results.get("photos"):
        lines += ([""] if lines else []) + format_photo_report(results["photos"])
    return "\n".join(lines)


def format_build_report(results: dict) -> list[str]:
    lines = [f"Korpus: {results['size']} berita, median dari {results['runs']} kali build (setelah satu build pemanasan)", "",
             f"{'build':<14}{'detik':>9}{'ms/berita':>11}{'puncak MB':>11}{'halaman':>9}"]
    for label, figures in results["builds"].items():
        lines.append(f"{label:<14}{figures['median_seconds']:>9.2f}{figures['ms_per_article']:>11.2f}"
                     f"{figures['peak_mb']:>11.0f}{figures['pages']:>9}")
    ratios = results["ratios"]
    lines += ["", f"preview/bare = {ratios['preview/bare']:.2f}x   publish/bare = {ratios['publish/bare']:.2f}x",
              f"Build ulang setelah satu berita diubah (cache hangat): {results['rebuild_after_edit_seconds']:.2f} s",
              f"Pratinjau satu berita (livereload --article), simpan ulang: {results.get('article_preview_rebuild_seconds', 0):.2f} s"]
    page = results["article_page"]
    lines.append(f"Halaman berita {page['path']}: HTML+CSS+JS {page['raw_bytes']} B mentah, "
                 f"{page['gzip_bytes']} B gzip, {page['requests']} permintaan")
    if results.get("scaling"):
        lines += ["", f"{'berita':>8}{'bare s':>10}{'publish s':>11}{'publish MB':>12}{'ms/berita':>11}"]
        for count, figures in results["scaling"].items():
            lines.append(f"{count:>8}{figures['bare']['median_seconds']:>10.1f}{figures['publish']['median_seconds']:>11.1f}"
                         f"{figures['publish']['peak_mb']:>12.0f}{figures['publish']['ms_per_article']:>11.2f}")
    return lines


def load(path: Path) -> dict:
    """Earlier results (an `--only-photos` run replaces only their photo section), {} when there are none."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def save(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
