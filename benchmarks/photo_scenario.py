"""The photo scenario of `invoke bench` (issue #18): real photographs through the whole pipeline.

1. Prepare: each photograph becomes the file the repository keeps
   (`photos.preparing.prepare_photo` with the site's PHOTO_MAX_EDGE), timed.
2. Publish: a copy of the repository's content/ plus photo articles (each with
   a featured photo, every second one with one more photo in the body: 1.5
   distinct photos per article) is built with publishconf.py, cold (empty
   cache) and warm, beside the same build without the photo articles. The
   output is weighed per article and per photo: every variant, the variant a
   phone loads on the first screen, the share image.
3. Formats: WebP against AVIF at the site's qualities
   (`photos.variants.SAVE_OPTIONS`), bytes, PSNR and SSIM, and `avif_pays`.
4. Yearly: what 5,600 such articles a year add to the repository and to
   output/, and the year each reaches its limit at that rate.

Every figure comes from the photo plugin's own code and constants, so the
scenario follows the plugin when its qualities change. The photographs are
the twelve of Debian's mate-backgrounds "nature" set (real photographs, 1280
to 2560 px, standing in for phone photos); the "Elephants" renders of the
same package (up to 5640 px, 16 MB: a camera-sized original) are timed in
the prepare step only. Nothing here generates noise or flat colours.
"""

import io
import math
import os
import re
import shutil
import statistics
import subprocess
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from photos.decoding import decode_upright
from photos.preparing import JPEG_QUALITY, prepare_photo
from photos.standard import MAX_BYTES, Standard, standard_reasons
from photos.variants import (
    FALLBACK_MAX_BYTES, SAVE_OPTIONS, WIDTHS, avif_pays, encoded, psnr, target_widths, url_safe_stem,
)
from sitelib.site_folders import PHOTO_VARIANT_FOLDER

from .measure import Timing, pelican_command, timed

ROOT = Path(__file__).resolve().parents[1]
# Debian package mate-backgrounds: twelve real photographs (landscapes, flowers, insects), our "phone photos".
PHONE_PHOTOS = Path("/usr/share/backgrounds/mate/nature")
# The same package's "Elephants" renders, up to 5640 × 3172 px and 16 MB: a camera-sized original.
LARGE_ORIGINALS = Path("/usr/share/backgrounds/mate/abstract")
LARGE_PATTERN = "Elephants*.jpg"
SOURCE_PACKAGE = "mate-backgrounds"

SETTINGS = "publishconf.py"
ARTICLES_PER_YEAR = 5_600  # the offices' output: about 35 offices, three news items a week each
START_YEAR = 2027  # growth counted from 1 January 2027, the first whole year after these measurements (December 2026)
REPOSITORY_LIMIT_BYTES = 5_000_000_000  # GitHub: repositories "strongly recommended" under 5 GB
PAGES_LIMIT_BYTES = 1_000_000_000  # GitHub Pages: a published site at most 1 GB
# A common Android phone (Pixel 7, Galaxy S2x): 412 CSS px wide at 2.625 device pixels per CSS px.
PHONE_CSS_WIDTH = 412
PHONE_DPR = 2.625
ROOT_FONT_PX = 16
TYPICAL_VARIANTS_MAX_BYTES = 200_000  # issue #18: all variants of a typical photo
FIRST_ARTICLE_DATE = datetime(2025, 3, 1, 9, 0)  # in the past, so the publish build includes them
BODY_SENTENCES = (
    "Kankemenag Kab. Wonosobo menggelar manasik haji bagi calon jemaah di aula kantor.",
    "Kegiatan ini diikuti oleh 180 peserta dari berbagai kecamatan.",
    "Narasumber dari Kanwil Kemenag Provinsi Jawa Tengah memaparkan regulasi terbaru penyelenggaraan haji.",
    "“Kami berharap seluruh jemaah dapat menjalankan ibadah dengan lancar dan mabrur,” ujar Kepala Seksi PHU.",
    "Para peserta tampak antusias mengikuti sesi tanya jawab hingga akhir acara.",
    "Acara ditutup dengan doa bersama dan ramah tamah antarpeserta.",
)


class MissingPhotos(Exception):
    """The real photographs are not installed (message in Indonesian)."""


def phone_photos(folder: Path = PHONE_PHOTOS) -> list[Path]:
    found = sorted(path for path in Path(folder).glob("*.jpg") if path.is_file())
    if not found:
        raise MissingPhotos(
            f"Foto uji tidak ditemukan di {folder}. Pasang paket Debian {SOURCE_PACKAGE}: "
            f"sudo apt-get install -y {SOURCE_PACKAGE}"
        )
    return found


def large_originals(folder: Path = LARGE_ORIGINALS) -> list[Path]:
    return sorted(path for path in Path(folder).glob(LARGE_PATTERN) if path.is_file())


# ---------------------------------------------------------------- pure parts


@dataclass(frozen=True)
class PhotoArticle:
    slug: str
    featured: str  # file name in content/images/
    body: str | None  # a second photo in the body, or None


def plan_articles(names: list[str]) -> list[PhotoArticle]:
    """Distinct photos over articles: each article has a featured photo and every second one a body photo
    too, so 12 photos make 8 articles (1.5 photos per article) and no photo is shared between articles."""
    queue, articles = list(names), []
    while queue:
        number = len(articles)
        featured = queue.pop(0)
        body = queue.pop(0) if number % 2 == 1 and queue else None
        articles.append(PhotoArticle(f"bench-foto-{number + 1:02d}", featured, body))
    return articles


def css_length(text: str, viewport: float) -> float:
    """A sizes length in CSS px: rem/em (16 px), px or vw."""
    match = re.fullmatch(r"\s*([\d.]+)(rem|em|px|vw)\s*", text)
    if not match:
        raise ValueError(f"unsupported length {text!r}")
    value, unit = float(match[1]), match[2]
    return value * {"rem": ROOT_FONT_PX, "em": ROOT_FONT_PX, "px": 1, "vw": viewport / 100}[unit]


def slot_width(sizes: str, viewport: float) -> float:
    """The CSS width a `sizes` attribute gives an image on a viewport (min-width conditions and a default)."""
    for entry in (part.strip() for part in sizes.split(",")):
        condition = re.fullmatch(r"\(\s*min-width:\s*([\d.]+(?:rem|em|px))\s*\)\s+(\S+)", entry)
        if condition:
            if viewport >= css_length(condition[1], viewport):
                return css_length(condition[2], viewport)
        elif entry:
            return css_length(entry, viewport)
    return viewport  # no entry applies: 100vw


def srcset_candidates(srcset: str) -> list[tuple[str, int]]:
    """(url, width) of a srcset with `w` descriptors, in their order."""
    candidates = []
    for entry in (part.strip() for part in srcset.split(",")):
        url, descriptor = entry.rsplit(None, 1)
        if not descriptor.endswith("w"):
            raise ValueError(f"not a width descriptor: {entry!r}")
        candidates.append((url, int(descriptor[:-1])))
    return candidates


def chosen_candidate(srcset: str, sizes: str, viewport: float = PHONE_CSS_WIDTH, dpr: float = PHONE_DPR) -> tuple[str, int]:
    """The candidate a browser loads: the narrowest at least slot × DPR device pixels wide, else the widest."""
    needed = slot_width(sizes, viewport) * dpr
    candidates = srcset_candidates(srcset)
    wide_enough = [c for c in candidates if c[1] >= needed]
    return min(wide_enough, key=lambda c: c[1]) if wide_enough else max(candidates, key=lambda c: c[1])


def limit_year(current_bytes: int, bytes_per_year: float, limit_bytes: int, start_year: int = START_YEAR) -> int | None:
    """The year the size reaches `limit_bytes`, growing by `bytes_per_year` from 1 January of `start_year`."""
    if current_bytes >= limit_bytes:
        return start_year
    if bytes_per_year <= 0:
        return None
    return start_year + math.floor((limit_bytes - current_bytes) / bytes_per_year)


def yearly(per_article_bytes: float, current_bytes: int, limit_bytes: int,
           articles_per_year: int = ARTICLES_PER_YEAR, start_year: int = START_YEAR) -> dict:
    per_year = per_article_bytes * articles_per_year
    return {
        "per_article_bytes": per_article_bytes, "articles_per_year": articles_per_year, "bytes_per_year": per_year,
        "current_bytes": current_bytes, "limit_bytes": limit_bytes, "start_year": start_year,
        "years_to_limit": (limit_bytes - current_bytes) / per_year if per_year > 0 else None,
        "limit_year": limit_year(current_bytes, per_year, limit_bytes, start_year),
    }


def parse_count_objects(text: str) -> int:
    """Bytes of a repository's objects (loose and packed) from `git count-objects -v` (sizes in KiB)."""
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    return (int(fields["size"]) + int(fields["size-pack"])) * 1024


def git_bytes(data: bytes) -> int:
    """What a new file adds to a packed git repository (what GitHub counts): the pack entry of its blob,
    a size header and the zlib-compressed bytes (a new photo has nothing to delta against)."""
    header = 1 + math.ceil(max(0, len(data).bit_length() - 4) / 7)
    return header + len(zlib.compress(data))


def ssim(first: Image.Image, second: Image.Image) -> float:
    """Mean structural similarity of two pictures' luma (Wang et al. 2004: 11 × 11 Gaussian window, σ 1.5)."""
    import numpy as np

    window = np.exp(-((np.arange(11) - 5) ** 2) / (2 * 1.5 ** 2))
    window /= window.sum()

    def blur(values):
        rows = np.lib.stride_tricks.sliding_window_view(values, 11, axis=1) @ window
        return np.lib.stride_tricks.sliding_window_view(rows, 11, axis=0) @ window

    a = np.asarray(first.convert("L"), dtype=np.float64)
    b = np.asarray(second.convert("L"), dtype=np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mean_a, mean_b = blur(a), blur(b)
    var_a = blur(a * a) - mean_a ** 2
    var_b = blur(b * b) - mean_b ** 2
    covariance = blur(a * b) - mean_a * mean_b
    similarity = ((2 * mean_a * mean_b + c1) * (2 * covariance + c2)) / ((mean_a ** 2 + mean_b ** 2 + c1) * (var_a + var_b + c2))
    return float(similarity.mean())


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else 0.0


# ---------------------------------------------------------------- 1. prepare


def timed_prepare(source: Path, standard: Standard):
    """(the prepared photo, the original's [width, height], seconds preparing took)."""
    with Image.open(source) as original:
        size = list(original.size)
    start = time.perf_counter()
    prepared = prepare_photo(source, standard)
    return prepared, size, time.perf_counter() - start


def prepare_photos(sources: list[Path], images: Path, standard: Standard) -> list[dict]:
    """Each source prepared into `images` as the repository would keep it, with bytes and seconds."""
    images.mkdir(parents=True, exist_ok=True)
    rows = []
    for source in sources:
        prepared, original_size, seconds = timed_prepare(source, standard)
        target = images / f"{url_safe_stem(source)}{prepared.suffix}"
        target.write_bytes(prepared.data)
        rows.append({
            "photo": source.name, "file": target.name, "original_bytes": source.stat().st_size,
            "original_size": original_size, "original_reasons": standard_reasons(source, standard),
            "repository_bytes": len(prepared.data), "repository_git_bytes": git_bytes(prepared.data),
            "size": [prepared.width, prepared.height], "prepare_seconds": seconds,
            "standard_reasons": standard_reasons(target, standard),
        })
    return rows


def time_large_originals(sources: list[Path], standard: Standard) -> list[dict]:
    """Prepare time of camera-sized originals (kept nowhere)."""
    rows = []
    for source in sources:
        prepared, size, seconds = timed_prepare(source, standard)
        rows.append({"photo": source.name, "original_bytes": source.stat().st_size, "original_size": size,
                     "repository_bytes": len(prepared.data), "prepare_seconds": seconds})
    return rows


# ---------------------------------------------------------------- 2. publish


def article_date(number: int) -> datetime:
    return FIRST_ARTICLE_DATE + timedelta(days=number)


def article_text(article: PhotoArticle, number: int) -> str:
    """A news article as our editors write it, with its featured photo and, if any, a captioned body photo."""
    others = BODY_SENTENCES[1:]
    paragraphs = [f"Wonosobo – {BODY_SENTENCES[0]}"] + [
        f"{others[(number + i) % len(others)]} {others[(number + i + 2) % len(others)]}" for i in range(5)
    ]
    if article.body:
        paragraphs.insert(2, f'![Calon jemaah berlatih manasik]({{static}}/images/{article.body} "Suasana manasik haji di aula.")')
    header = (
        f"Title: Manasik Haji Calon Jemaah Kab. Wonosobo ({number + 1})\nDate: {article_date(number):%Y-%m-%d %H:%M}\nCategory: Haji dan Umrah\n"
        f"Tags: Manasik, Seksi PHU\nAuthor: hari/rf\nOffices: kab-wonosobo\nReporting_office: kab-wonosobo\n"
        f"Slug: {article.slug}\nSummary: Kankemenag Kab. Wonosobo menggelar manasik haji bagi calon jemaah.\n"
        f"Image: {{static}}/images/{article.featured}\nImage_alt: Calon jemaah haji di aula Kankemenag Kab. Wonosobo\n"
        f"Image_caption: Manasik haji di aula Kankemenag Kab. Wonosobo.\n"
    )
    return header + "\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(content: Path, articles: list[PhotoArticle]) -> list[Path]:
    paths = []
    for number, article in enumerate(articles):
        date = article_date(number)
        path = content / "articles" / f"{date:%Y}" / f"{date:%Y-%m-%d}-{article.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(article, number), encoding="utf-8")
        paths.append(path)
    return paths


def copy_content(source: Path, target: Path) -> Path:
    """The repository's content folder (hidden files left out, links copied as links, never followed)."""
    shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns(".*"))
    return target


def inventory(folder: Path) -> dict[str, int]:
    """Bytes of every regular file below `folder`, by relative path (links are not followed)."""
    files = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = Path(parent) / name
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(folder).as_posix()] = path.stat().st_size
    return files


def area_of(relative: str, article_folders: set[str]) -> str:
    if relative.startswith(PHOTO_VARIANT_FOLDER + "/"):
        return "variants"
    if relative.rsplit("/", 1)[0] in article_folders:
        return "article pages"
    return "other pages, feeds, search index"


def output_growth(base: dict[str, int], grown: dict[str, int], article_folders: set[str]) -> dict:
    """Bytes and files the photo articles add to output/, in total and by area."""
    areas: dict[str, dict] = {}
    for relative in set(base) | set(grown):
        added = grown.get(relative, 0) - base.get(relative, 0)
        files = (relative in grown) - (relative in base)
        area = areas.setdefault(area_of(relative, article_folders), {"bytes": 0, "files": 0})
        area["bytes"] += added
        area["files"] += files
    return {"bytes": sum(grown.values()) - sum(base.values()), "files": len(grown) - len(base), "areas": areas}


# "manasik-3f2a9c1b20-800.webp", and "…-800-2.webp" for a photo compressed one level harder (photos.variants.LEVELS).
VARIANT_NAME = re.compile(r"(?P<photo>.+-[0-9a-f]{10})-(?P<width>\d+)(?:-(?P<level>\d+))?\.(?P<extension>[a-z]+)")


def variant_files(output: Path, url: str) -> dict[str, int]:
    """Every variant file of the photo one variant URL belongs to: {file name: bytes}."""
    photo = VARIANT_NAME.fullmatch(url.rsplit("/", 1)[-1])["photo"]
    files = {}
    for path in sorted((output / PHOTO_VARIANT_FOLDER).iterdir()):
        match = VARIANT_NAME.fullmatch(path.name)
        if match and match["photo"] == photo:
            files[path.name] = path.stat().st_size
    return files


def local(url: str, siteurl: str) -> str:
    return url[len(siteurl):].lstrip("/") if url.startswith(siteurl) else url.lstrip("/")


def picture_figures(picture, output: Path, siteurl: str) -> dict:
    """One <picture> of a page: the photo's variants, the one a phone loads, and its fallback file."""
    sources = picture.find_all("source")
    fallback = local(picture.find("img")["src"], siteurl)
    first = sources[0]
    url, width = chosen_candidate(first["srcset"], first["sizes"])
    files = variant_files(output, fallback)
    return {
        "variant_files": len(files), "variants_bytes": sum(files.values()),
        "variants_bytes_by_type": {extension: sum(size for name, size in files.items() if name.endswith(f".{extension}"))
                                   for extension in sorted({name.rsplit(".", 1)[1] for name in files})},
        "types": [source["type"] for source in sources], "avif_kept": any(name.endswith(".avif") for name in files),
        "first_screen": {"file": local(url, siteurl), "width": width, "type": first["type"],
                         "bytes": (output / local(url, siteurl)).stat().st_size},
        "fallback": {"file": fallback, "bytes": (output / fallback).stat().st_size},
    }


def article_photos(output: Path, article: PhotoArticle, siteurl: str) -> dict:
    """The photo figures of one published article, by photo file name, and its share image."""
    [page] = output.glob(f"[0-9][0-9][0-9][0-9]/[0-9][0-9]/{article.slug}/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = {article.featured: picture_figures(soup.select_one("figure.featured-photo picture"), output, siteurl)}
    if article.body:
        found[article.body] = picture_figures(soup.select_one(".article-body picture"), output, siteurl)
    share = local(soup.find("meta", property="og:image")["content"], siteurl)
    return {"page": page.parent.relative_to(output).as_posix(), "photos": found,
            "share_image": {"file": share, "bytes": (output / share).stat().st_size}}


def timed_build(content: Path, output: Path, cache: Path, siteurl: str) -> Timing:
    return timed(pelican_command(content, SETTINGS, output, cache), ROOT, {"SITEURL": siteurl})


def build_both(base: Path, grown: Path, work: Path, warm_runs: int, siteurl: str) -> dict[str, dict]:
    """Cold (empty cache) then warm builds of the content without and with the photo articles, taking
    turns, so that a slower spell of the machine weighs on both alike."""
    contents = {"without": base, "with": grown}
    folders = {label: (work / f"out-{label}", work / f"cache-{label}") for label in contents}
    cold = {label: timed_build(contents[label], *folders[label], siteurl) for label in contents}
    warm: dict[str, list[Timing]] = {label: [] for label in contents}
    for _ in range(warm_runs):
        for label in contents:
            warm[label].append(timed_build(contents[label], *folders[label], siteurl))
    return {label: {"cold_seconds": cold[label].seconds, "warm_seconds": [t.seconds for t in warm[label]],
                    "warm_median_seconds": median(t.seconds for t in warm[label]),
                    "peak_mb": max(t.peak_mb for t in [cold[label], *warm[label]]), "output": folders[label][0]}
            for label in contents}


# ---------------------------------------------------------------- 3. formats


def compare_formats(path: Path) -> dict:
    """WebP against AVIF for one prepared photo at the largest width the site publishes of it."""
    image = decode_upright(path)
    image.info = {}
    width = target_widths(image.width, image.height)[-1]
    size = (width, round(image.height * width / image.width))
    pixels = image if size == image.size else image.resize(size, Image.Resampling.LANCZOS)
    row = {"file": path.name, "width": width}
    for name in ("WEBP", "AVIF"):
        start = time.perf_counter()
        data = encoded(pixels, name)
        seconds = time.perf_counter() - start
        with Image.open(io.BytesIO(data)) as decoded:
            similarity = ssim(pixels, decoded)
        row[name.lower()] = {"bytes": len(data), "psnr": psnr(pixels, data), "ssim": similarity, "encode_seconds": seconds}
        row[f"_{name}"] = data
    row["avif_pays"] = avif_pays(pixels, row.pop("_AVIF"), row.pop("_WEBP"))
    row["avif_saving"] = 1 - row["avif"]["bytes"] / row["webp"]["bytes"]
    return row


# ---------------------------------------------------------------- the scenario


def repository_bytes(root: Path = ROOT) -> dict:
    """The repository's current size: git's objects when there is a repository, and the content folder."""
    content = sum(inventory(root / "content").values())
    try:
        result = subprocess.run(["git", "count-objects", "-v"], cwd=root, capture_output=True, text=True, check=True)
        objects = parse_count_objects(result.stdout)
    except (OSError, subprocess.CalledProcessError, KeyError, ValueError):
        objects = None
    return {"git_objects_bytes": objects, "content_bytes": content,
            "current_bytes": objects if objects is not None else content,
            "source": "git count-objects (loose + packed)" if objects is not None else "content/ on disk"}


def run_photo_scenario(work: Path, sources: list[Path] | None = None, large: list[Path] | None = None,
                       warm_runs: int = 3, siteurl: str = "http://localhost:8000") -> dict:
    """Every figure of the photo scenario (see the module's docstring), as JSON-ready data."""
    from pelican.settings import read_settings

    from photos.standard import standard_for

    sources = phone_photos() if sources is None else sources
    large = large_originals() if large is None else large
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    standard = standard_for(settings)
    base = copy_content(ROOT / "content", work / "content-without")
    grown = copy_content(base, work / "content-with")

    prepared = prepare_photos(sources, grown / "images", standard)
    articles = plan_articles([row["file"] for row in prepared])
    markdown = write_articles(grown, articles)
    builds = build_both(base, grown, work, warm_runs, siteurl)
    without, with_photos = builds["without"].pop("output"), builds["with"].pop("output")
    published = [article_photos(with_photos, article, siteurl) for article in articles]
    formats = [compare_formats(grown / "images" / row["file"]) for row in prepared]

    by_file = {name: figures for page in published for name, figures in page["photos"].items()}
    featured_share = [page["share_image"]["file"] == page["photos"][article.featured]["fallback"]["file"]
                      for page, article in zip(published, articles)]
    photos = []
    for row, comparison in zip(prepared, formats):
        figures = by_file[row["file"]]
        photos.append({**row, **figures, "formats": comparison})

    count, article_count = len(prepared), len(articles)
    markdown_bytes = sum(path.stat().st_size for path in markdown)
    markdown_git = sum(git_bytes(path.read_bytes()) for path in markdown)
    repository_per_article = {
        "bytes": (markdown_bytes + sum(r["repository_bytes"] for r in prepared)) / article_count,
        "git_bytes": (markdown_git + sum(r["repository_git_bytes"] for r in prepared)) / article_count,
        "files": (len(markdown) + count) / article_count,
        "markdown_bytes": markdown_bytes / article_count,
    }
    article_folders = {page["page"] for page in published}
    growth = output_growth(inventory(without), inventory(with_photos), article_folders)
    output_per_article = {
        "bytes": growth["bytes"] / article_count, "files": growth["files"] / article_count,
        "areas": {name: {"bytes": area["bytes"] / article_count, "files": area["files"] / article_count}
                  for name, area in sorted(growth["areas"].items())},
    }
    repository_now = repository_bytes()
    output_now = sum(inventory(without).values())
    publish_seconds = {
        "cold": (builds["with"]["cold_seconds"] - builds["without"]["cold_seconds"]) / count,
        "warm": (builds["with"]["warm_median_seconds"] - builds["without"]["warm_median_seconds"]) / count,
    }
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source": f"Debian {SOURCE_PACKAGE}: {sources[0].parent if sources else PHONE_PHOTOS} (real photographs, as phone photos)",
        "settings": {
            "max_edge": standard.max_edge, "max_bytes": MAX_BYTES, "jpeg_quality": JPEG_QUALITY,
            "widths": list(WIDTHS), "webp": dict(SAVE_OPTIONS["WEBP"]), "avif": dict(SAVE_OPTIONS["AVIF"]),
            "fallback_max_bytes": FALLBACK_MAX_BYTES, "phone": {"css_width": PHONE_CSS_WIDTH, "dpr": PHONE_DPR},
        },
        "photo_count": count, "article_count": article_count, "photos_per_article": count / article_count,
        "photos": photos,
        "large_originals": time_large_originals(large, standard),
        "medians": {
            "original_bytes": median(p["original_bytes"] for p in photos),
            "repository_bytes": median(p["repository_bytes"] for p in photos),
            "variants_bytes": median(p["variants_bytes"] for p in photos),
            "first_screen_bytes": median(p["first_screen"]["bytes"] for p in photos),
            "share_bytes": median(p["fallback"]["bytes"] for p in photos),
            "avif_saving": median(p["formats"]["avif_saving"] for p in photos),
        },
        "max": {
            "variants_bytes": max((p["variants_bytes"] for p in photos), default=0),
            "share_bytes": max((p["fallback"]["bytes"] for p in photos), default=0),
        },
        "avif_kept": sum(p["avif_kept"] for p in photos),
        "share_image_is_featured_fallback": all(featured_share),
        "seconds_per_photo": {
            "prepare_median": median(p["prepare_seconds"] for p in photos),
            "prepare_max": max((p["prepare_seconds"] for p in photos), default=0.0),
            "publish_cold": publish_seconds["cold"], "publish_warm": publish_seconds["warm"],
            "webp_encode_1200_median": median(p["formats"]["webp"]["encode_seconds"] for p in photos),
            "avif_encode_1200_median": median(p["formats"]["avif"]["encode_seconds"] for p in photos),
        },
        "builds": builds,
        "repository_per_article": repository_per_article,
        "output_per_article": output_per_article,
        "yearly": {
            "repository": {**yearly(repository_per_article["git_bytes"], repository_now["current_bytes"], REPOSITORY_LIMIT_BYTES),
                           "current_source": repository_now["source"], "content_bytes": repository_now["content_bytes"]},
            "output": {**yearly(output_per_article["bytes"], output_now, PAGES_LIMIT_BYTES),
                       "current_source": "publish build of content/ today"},
            # The same articles' pages, feeds and search index alone: what output/ grows by without photos.
            "output_without_variants": yearly(
                output_per_article["bytes"] - output_per_article["areas"].get("variants", {"bytes": 0})["bytes"],
                output_now, PAGES_LIMIT_BYTES),
        },
    }


# ---------------------------------------------------------------- report


def kb(value: float) -> str:
    return f"{value / 1000:,.1f}"


def mb(value: float) -> str:
    return f"{value / 1_000_000:,.1f}"


def format_photo_report(photos: dict) -> list[str]:
    """The photo scenario as text lines (English: a developer's report)."""
    s = photos["settings"]
    lines = [
        f"Photos ({photos['photo_count']} real photographs, {photos['source']}); KB = 1,000 bytes",
        f"Standard: long edge <= {s['max_edge']} px, JPEG quality {s['jpeg_quality']}, <= {kb(s['max_bytes'])} KB; "
        f"variants {'/'.join(map(str, s['widths']))} px, WebP {s['webp']}, AVIF {s['avif']}, fallback <= {kb(s['fallback_max_bytes'])} KB",
        f"{photos['article_count']} articles, {photos['photos_per_article']:.2f} distinct photos per article "
        f"(each a featured photo, every second one a body photo)",
        "",
        f"{'photo':<18}{'orig KB':>9}{'repo KB':>9}{'variants KB':>13}{'1st screen KB':>15}{'share KB':>10}{'AVIF':>6}"
        f"{'WebP KB':>9}{'AVIF KB':>9}{'PSNR W/A dB':>14}{'SSIM W/A':>15}",
    ]
    for p in photos["photos"]:
        f = p["formats"]
        lines.append(
            f"{p['photo']:<18}{kb(p['original_bytes']):>9}{kb(p['repository_bytes']):>9}{kb(p['variants_bytes']):>13}"
            f"{kb(p['first_screen']['bytes']):>15}{kb(p['fallback']['bytes']):>10}{'yes' if p['avif_kept'] else 'no':>6}"
            f"{kb(f['webp']['bytes']):>9}{kb(f['avif']['bytes']):>9}"
            f"{f['webp']['psnr']:>8.2f}/{f['avif']['psnr']:<5.2f}{f['webp']['ssim']:>8.4f}/{f['avif']['ssim']:.4f}"
        )
    m, top, t = photos["medians"], photos["max"], photos["seconds_per_photo"]
    lines += [
        f"{'median':<18}{kb(m['original_bytes']):>9}{kb(m['repository_bytes']):>9}{kb(m['variants_bytes']):>13}"
        f"{kb(m['first_screen_bytes']):>15}{kb(m['share_bytes']):>10}",
        f"Max all variants of one photo: {kb(top['variants_bytes'])} KB (typical photo limit {kb(TYPICAL_VARIANTS_MAX_BYTES)} KB); "
        f"max share image: {kb(top['share_bytes'])} KB; AVIF kept for {photos['avif_kept']} of {photos['photo_count']}; "
        f"median AVIF saving against WebP {100 * m['avif_saving']:.0f}%",
        f"Seconds per photo: prepare {t['prepare_median']:.2f} (max {t['prepare_max']:.2f}); publish cold {t['publish_cold']:.2f}, "
        f"warm {t['publish_warm']:.3f}; encode at 1200 px WebP {t['webp_encode_1200_median']:.2f}, AVIF {t['avif_encode_1200_median']:.2f}",
    ]
    for row in photos["large_originals"]:
        lines.append(f"Large original {row['photo']} ({row['original_size'][0]} x {row['original_size'][1]}, "
                     f"{mb(row['original_bytes'])} MB): prepared in {row['prepare_seconds']:.2f} s to {kb(row['repository_bytes'])} KB")
    b = photos["builds"]
    lines.append(f"Builds without/with photo articles: cold {b['without']['cold_seconds']:.2f}/{b['with']['cold_seconds']:.2f} s, "
                 f"warm {b['without']['warm_median_seconds']:.2f}/{b['with']['warm_median_seconds']:.2f} s")
    r, o = photos["repository_per_article"], photos["output_per_article"]
    lines += [
        f"Per article: repository +{kb(r['bytes'])} KB ({kb(r['git_bytes'])} KB in git), {r['files']:.1f} files; "
        f"output/ +{kb(o['bytes'])} KB, {o['files']:.1f} files ("
        + ", ".join(f"{name} {kb(area['bytes'])} KB/{area['files']:.1f} files" for name, area in o["areas"].items()) + ")",
    ]
    for label, limit in (("repository", "5 GB"), ("output", "1 GB Pages"), ("output_without_variants", "1 GB Pages")):
        y = photos["yearly"][label]
        reached = y["limit_year"] if y["limit_year"] is not None else "never"
        lines.append(f"Yearly {label}: {y['articles_per_year']:,} articles x {kb(y['per_article_bytes'])} KB = "
                     f"{mb(y['bytes_per_year'])} MB/year from {mb(y['current_bytes'])} MB now: {limit} reached in {reached}")
    return lines
