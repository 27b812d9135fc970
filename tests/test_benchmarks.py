"""The benchmark's own code, on tiny corpora (no timing is asserted)."""

import filecmp
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from benchmarks import corpus
from benchmarks import photo_scenario as scenario
from benchmarks.measure import page_weight
from benchmarks.run import format_bench_report, measure_builds
from conftest import PUBLISH_SITEURL, ROOT, site_settings
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
    articles = [f for f in files if f.parts[0] == "articles"]
    others = sorted(p.relative_to(other) for p in (other / "articles").rglob("*.md"))
    assert [(first / f).read_bytes() for f in articles] != [(other / f).read_bytes() for f in others], "another seed, other news"


def test_corpus_is_content_our_editors_write(tmp_path):
    content = corpus.generate(tmp_path / "content", 200, seed=3)
    settings = site_settings(content)
    findings = check_sources(settings)
    assert [str(f) for f in findings if f.is_error] == []
    assert [str(f) for f in findings if "folder" in f.message] == []  # each in its office's folder (content_checks.placement)
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


# ---------------------------------------------------------------- the photo scenario

PHOTO_CONTENT_PHOTO = ROOT / "tests" / "photo_content" / "images" / "manasik.jpg"


def test_photo_articles_hold_one_and_a_half_distinct_photos():
    names = [f"foto-{n}.jpg" for n in range(12)]
    articles = scenario.plan_articles(names)
    assert len(articles) == 8
    used = [a.featured for a in articles] + [a.body for a in articles if a.body]
    assert sorted(used) == sorted(names), "every photo once, none shared"
    assert [bool(a.body) for a in articles] == [False, True] * 4
    assert len({a.slug for a in articles}) == 8
    assert [(a.featured, a.body) for a in scenario.plan_articles(names[:2])] == [("foto-0.jpg", None), ("foto-1.jpg", None)]


def test_the_phone_loads_the_narrowest_variant_covering_its_device_pixels():
    srcset = "https://x.test/images/varian/a-0123456789-400.avif 400w, /images/varian/a-0123456789-800.avif 800w, " \
             "/images/varian/a-0123456789-1200.avif 1200w"
    featured, body = "(min-width: 48rem) 42rem, 100vw", "(min-width: 48rem) 46rem, 100vw"
    # 412 CSS px at 2.625: 1,081.5 device pixels, so the 1200 variant.
    assert scenario.chosen_candidate(srcset, featured) == ("/images/varian/a-0123456789-1200.avif", 1200)
    assert scenario.chosen_candidate(srcset, body, viewport=412, dpr=1)[1] == 800
    assert scenario.chosen_candidate(srcset, featured, viewport=360, dpr=1)[1] == 400
    # A wide screen: the column is 42rem (672 px); at DPR 2 nothing is wide enough, so the widest.
    assert scenario.chosen_candidate(srcset, featured, viewport=1280, dpr=1)[1] == 800
    assert scenario.chosen_candidate(srcset, featured, viewport=1280, dpr=2)[1] == 1200
    assert scenario.slot_width(body, 800) == 46 * 16
    assert scenario.slot_width(body, 767) == 767
    assert scenario.slot_width("(min-width: 600px) 50vw, 300px", 1000) == 500
    with pytest.raises(ValueError):
        scenario.chosen_candidate("a.jpg 2x", "100vw")


def test_yearly_growth_and_the_year_a_limit_is_reached():
    figures = scenario.yearly(150_000, 2_500_000, 5_000_000_000)
    assert figures["bytes_per_year"] == 150_000 * 5_600 == 840_000_000
    assert figures["years_to_limit"] == pytest.approx((5_000_000_000 - 2_500_000) / 840_000_000)  # 5.95 years
    assert figures["limit_year"] == 2032  # reached during the sixth year, 2027 being the first
    assert scenario.limit_year(0, 1_000, 1_000) == 2028  # exactly at the end of 2027
    assert scenario.limit_year(0, 1_001, 1_000) == 2027
    assert scenario.limit_year(2_000, 10, 1_000) == 2027  # already over
    assert scenario.limit_year(10, 0, 1_000) is None
    assert scenario.yearly(0, 10, 1_000)["years_to_limit"] is None


def test_repository_size_is_read_from_git_count_objects():
    text = "count: 278\nsize: 1352\nin-pack: 900\npacks: 1\nsize-pack: 1208\nprune-packable: 0\ngarbage: 0\nsize-garbage: 0\n"
    assert scenario.parse_count_objects(text) == (1352 + 1208) * 1024


def test_git_bytes_is_what_a_new_file_takes_in_a_pack(tmp_path):
    files = {"berita.md": (ROOT / "content" / "pages" / "kontak.md").read_bytes(), "foto.jpg": PHOTO_CONTENT_PHOTO.read_bytes()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=Uji", "-c", "user.email=uji@contoh.test"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "uji"], ["repack", "-q", "-a", "-d"]):
        subprocess.run(git + command, check=True)
    packed = {}
    for pack in (tmp_path / ".git" / "objects" / "pack").glob("*.idx"):
        for line in subprocess.run(git + ["verify-pack", "-v", str(pack)], check=True, capture_output=True, text=True).stdout.splitlines():
            parts = line.split()
            if len(parts) >= 5 and parts[1] == "blob":
                packed[parts[0]] = int(parts[3])  # size in packfile
    for name, data in files.items():
        blob = subprocess.run(git + ["hash-object", name], check=True, capture_output=True, text=True).stdout.strip()
        assert scenario.git_bytes(data) == packed[blob]


def test_ssim_is_one_for_the_same_picture_and_falls_with_quality():
    flat_a, flat_b = Image.new("L", (40, 40), 100), Image.new("L", (40, 40), 110)
    c1 = (0.01 * 255) ** 2
    assert scenario.ssim(flat_a, flat_b) == pytest.approx((2 * 100 * 110 + c1) / (100 ** 2 + 110 ** 2 + c1))
    with Image.open(PHOTO_CONTENT_PHOTO) as photo:
        photo = photo.convert("RGB").resize((400, 250))
    assert scenario.ssim(photo, photo) == pytest.approx(1.0)

    def jpeg(quality):
        buffer = io.BytesIO()
        photo.save(buffer, "JPEG", quality=quality)
        return Image.open(io.BytesIO(buffer.getvalue()))

    good, poor = scenario.ssim(photo, jpeg(90)), scenario.ssim(photo, jpeg(10))
    assert 1.0 > good > poor > 0.3


def test_missing_photographs_name_the_package(tmp_path):
    with pytest.raises(scenario.MissingPhotos, match="apt-get install -y mate-backgrounds"):
        scenario.phone_photos(tmp_path)


@pytest.fixture(scope="module")
def photo_run(tmp_path_factory):
    """The whole photo scenario on two real photographs, one warm build each (about 10 s)."""
    sources = scenario.phone_photos()[:2]  # mate-backgrounds is in system-packages.txt: `invoke test` installs it
    work = tmp_path_factory.mktemp("foto-bench")
    return scenario.run_photo_scenario(work, sources, large=sources[:1], warm_runs=1), work


def test_photo_scenario_prepares_publishes_and_weighs_real_photos(photo_run):
    from photos.variants import FALLBACK_MAX_BYTES

    results, work = photo_run
    assert results["photo_count"] == 2 and results["article_count"] == 2
    settings = site_settings(work / "content-with")
    assert [str(f) for f in check_sources(settings) if f.is_error] == [], "content our editors could commit"
    for photo in results["photos"]:
        assert photo["standard_reasons"] == [], "the repository file meets the standard"
        assert (work / "content-with" / "images" / photo["file"]).stat().st_size == photo["repository_bytes"]
        assert max(photo["size"]) <= results["settings"]["max_edge"] and photo["repository_bytes"] <= 1_000_000
        # The build's own AVIF decision is the one measured in the format comparison (same pixels, same encoders).
        assert photo["avif_kept"] == photo["formats"]["avif_pays"]
        first = photo["first_screen"]
        assert first["width"] == 1200 and first["type"] == ("image/avif" if photo["avif_kept"] else "image/webp")
        assert first["file"].endswith("-1200.avif" if photo["avif_kept"] else "-1200.webp")
        assert photo["variant_files"] == (7 if photo["avif_kept"] else 4)  # 3 AVIF, 3 WebP, the fallback
        assert first["bytes"] < photo["variants_bytes"] <= scenario.TYPICAL_VARIANTS_MAX_BYTES
        assert 0 < photo["fallback"]["bytes"] <= FALLBACK_MAX_BYTES
        assert photo["formats"]["webp"]["psnr"] > 30 and 0.8 < photo["formats"]["avif"]["ssim"] < 1
        assert photo["prepare_seconds"] > 0
    assert results["share_image_is_featured_fallback"]
    out = results["output_per_article"]
    assert out["files"] == sum(area["files"] for area in out["areas"].values())
    assert out["bytes"] == pytest.approx(sum(area["bytes"] for area in out["areas"].values()))
    assert out["areas"]["variants"]["bytes"] == pytest.approx(sum(p["variants_bytes"] for p in results["photos"]) / 2)
    assert out["areas"]["article pages"]["files"] >= 1
    repository = results["repository_per_article"]
    assert repository["files"] == 2 and repository["bytes"] > repository["markdown_bytes"] > 0
    # Times are figures, not pass/fail: on a busy machine a cold build can come out no slower than a warm one.
    assert results["builds"]["with"]["cold_seconds"] > 0 and results["builds"]["with"]["warm_median_seconds"] > 0
    assert results["seconds_per_photo"]["publish_cold"] > 0
    yearly = results["yearly"]["repository"]
    assert yearly["bytes_per_year"] == pytest.approx(repository["git_bytes"] * 5_600)
    assert yearly["limit_year"] >= 2027 and results["large_originals"][0]["repository_bytes"] > 0
    text_only = results["yearly"]["output_without_variants"]
    assert text_only["per_article_bytes"] == pytest.approx(out["bytes"] - out["areas"]["variants"]["bytes"])


def test_photo_report_alone_and_with_the_builds(photo_run):
    results, _ = photo_run
    report = format_bench_report({"photos": results})
    lines = report.splitlines()
    assert lines[0].startswith("Photos (2 real photographs")
    for photo in results["photos"]:
        row = next(line for line in lines if line.startswith(photo["photo"]))
        assert f"{photo['repository_bytes'] / 1000:,.1f}" in row and ("yes" in row) == photo["avif_kept"]
    assert any(line.startswith("Yearly repository: 5,600 articles") and "5 GB reached in 20" in line for line in lines)
    assert any(line.startswith("Seconds per photo: prepare") for line in lines)
    build = {"median_seconds": 2.0, "ms_per_article": 1.0, "peak_mb": 80, "pages": 10}
    both = format_bench_report({
        "size": 2000, "runs": 3, "builds": {"bare": build}, "ratios": {"preview/bare": 1.0, "publish/bare": 1.5},
        "rebuild_after_edit_seconds": 1.2, "article_page": {"path": "x", "raw_bytes": 1, "gzip_bytes": 1, "requests": 3},
        "photos": results,
    })
    assert both.startswith("Korpus: 2000 berita") and both.endswith(report) and "\n\nPhotos (2 real" in both


def test_the_incremental_scenario_publishes_one_article_by_linking_the_rest(tmp_path):
    from benchmarks.incremental_scenario import format_report, run

    results = run(8, tmp_path)
    one = results["new_article_publish"]
    assert one["made_pages"] < one["kept"] and one["made"] > 0
    assert results["new_article_total_seconds"] > 0 and results["cold_publish"]["peak_mb"] > 0
    assert results["new_article_invoke_publish"]["seconds"] > 0
    report = format_report(results)
    assert "Satu berita baru: build" in report and "ditautkan dari build sebelumnya" in report
    assert "Satu berita baru: invoke publish" in report


def test_the_editor_scenario_lists_and_opens_the_largest_offices_newest_article(tmp_path):
    from benchmarks.editor_scenario import format_report, office_files, run

    results = run([150], runs=1, work=tmp_path)
    [size] = results["sizes"]
    counts = office_files(corpus.generate(tmp_path / "again", 150))  # the same corpus again
    office = size["measured_office"]
    assert size["files_per_collection"]["max"] == counts[office] == max(counts.values())
    newest = max(((p.read_text().split("Date: ", 1)[1][:16], p) for p in (tmp_path / "again" / "articles" / office).rglob("*.md")))
    [timing] = size["runs"]
    assert timing["newest"].startswith(newest[0]) and size["newest_listed_first"]  # the list opened newest first
    assert timing["list_seconds"] > 0 and timing["open_seconds"] > 0 and timing["start_seconds"] > 0
    assert size["one_collection_list_seconds"] > 0  # the comparison: every article in one collection
    assert size["github_requests"] == {"first_visit": 1 + 2 * counts[office], "warm": 1}
    assert "koleksi kantor" in format_report(results)
