"""The benchmark's own code, on tiny corpora (no timing is asserted)."""

import filecmp
from pathlib import Path

from pelican.settings import read_settings

from benchmarks import corpus
from benchmarks.measure import page_weight
from benchmarks.run import format_bench_report, measure_builds
from conftest import PUBLISH_SITEURL, ROOT
from content_checks.scan import check_sources
from seed_articles import KOTA_MAGELANG


def test_corpus_is_deterministic(tmp_path):
    first = corpus.generate(tmp_path / "a", 40, seed=7)
    second = corpus.generate(tmp_path / "b", 40, seed=7)
    other = corpus.generate(tmp_path / "c", 40, seed=8)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len([f for f in files if f.suffix == ".md"]) == 42  # 40 articles and the two pages
    match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert not mismatch and not errors
    articles = [f for f in files if f.parts[0] == "articles" and (other / f).exists()]
    assert any((first / f).read_bytes() != (other / f).read_bytes() for f in articles), "another seed, other news"


def test_corpus_is_content_our_editors_write(tmp_path):
    content = corpus.generate(tmp_path / "content", 200, seed=3)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    assert [str(f) for f in check_sources(settings) if f.is_error] == []
    texts = [p.read_text() for p in (content / "articles").rglob("*.md")]
    years = {int(t.split("Date: ", 1)[1][:4]) for t in texts}
    assert max(years) - min(years) >= 9, "spread over ten years"
    with_photos = sum("Image: {static}" in t for t in texts)
    assert 5 <= with_photos <= 50
    assert all("Reporting_office: " in t and "Host_office: " in t for t in texts)


def test_builds_are_measured(tmp_path):
    content = corpus.generate(tmp_path / "content", 15, seed=5)
    figures = measure_builds(content, 15, 1, tmp_path, labels=("bare", "preview"))
    assert set(figures) == {"bare", "bare-cold", "preview", "preview-cold"}
    for result in figures.values():
        assert result.median_seconds > 0 and result.peak_mb > 10 and result.pages > 15
    assert figures["preview"].ms_per_article == 1000 * figures["preview"].median_seconds / 15


def test_page_weight_counts_the_page_and_what_it_loads(site):
    weight = page_weight(site.root, KOTA_MAGELANG.url.rstrip("/"), PUBLISH_SITEURL)
    assert [Path(f).suffix for f in weight["files"]] == [".html", ".css", ".js"]
    assert weight["requests"] == 3
    assert 0 < weight["gzip_bytes"] < weight["raw_bytes"]


def test_report_lists_builds_ratios_and_scaling():
    build = {"median_seconds": 2.0, "ms_per_article": 1.0, "peak_mb": 80, "pages": 10}
    report = format_bench_report({
        "size": 2000, "runs": 3, "builds": {"bare": build, "preview": build, "publish": build},
        "ratios": {"preview/bare": 1.0, "publish/bare": 1.5}, "rebuild_after_edit_seconds": 1.2,
        "article_page": {"path": "2020/01/x", "raw_bytes": 30000, "gzip_bytes": 9000, "requests": 3},
        "scaling": {500: {"bare": build, "publish": build}},
    })
    assert "preview/bare = 1.00x" in report and "publish/bare = 1.50x" in report
    assert "9000 B gzip, 3 permintaan" in report and "     500" in report
