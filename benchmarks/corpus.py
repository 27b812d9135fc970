"""A deterministic corpus of realistic Indonesian PHU news, as our editors write it.

The same seed and size give byte-identical files: articles spread over ten
years, tagged with offices of the registry (host and reporting office
included), categories, tags, summaries, and a share of them with photos.
"""

import random
from datetime import datetime, timedelta
from pathlib import Path

from office_tags.registry import load_registry
from photos.preparing import prepare_photo
from photos.standard import Standard
from sitelib.article_files import article_path, header_date

from .photo_scenario import phone_photos

START = datetime(2016, 1, 4, 7, 0)
SPAN = timedelta(days=3650)
CATEGORIES = ["Haji dan Umrah", "Pelayanan", "Kegiatan", "Pengumuman"]
EVENTS = [
    ("Manasik Haji", "manasik haji bagi calon jemaah"),
    ("Rakor Seksi PHU", "rapat koordinasi Seksi PHU"),
    ("Pelunasan BPIH", "pelunasan Biaya Perjalanan Ibadah Haji"),
    ("Pembinaan KBIHU", "pembinaan Kelompok Bimbingan Ibadah Haji dan Umrah"),
    ("Pemeriksaan Kesehatan Jemaah", "pemeriksaan kesehatan calon jemaah haji"),
    ("Sosialisasi Umrah Aman", "sosialisasi penyelenggaraan umrah yang aman"),
    ("Pelepasan Jemaah Haji", "pelepasan jemaah haji menuju embarkasi"),
    ("Penyambutan Jemaah Haji", "penyambutan kepulangan jemaah haji"),
]
TAGS = ["Manasik", "Rakor", "Seksi PHU", "BPIH", "KBIHU", "Umrah", "Embarkasi", "PLHUT", "Pelayanan Prima", "Jemaah Lansia"]
SENTENCES = [
    "Kegiatan ini diikuti oleh {n} peserta dari berbagai kecamatan.",
    "Kepala {office} menyampaikan pentingnya pelayanan yang cepat dan tepat kepada masyarakat.",
    "“Kami berharap seluruh jemaah dapat menjalankan ibadah dengan lancar dan mabrur,” ujarnya.",
    "Seksi PHU juga membuka layanan konsultasi bagi masyarakat yang membutuhkan informasi.",
    "Acara ditutup dengan doa bersama dan ramah tamah antarpeserta.",
    "Narasumber dari Kanwil Kemenag Provinsi Jawa Tengah memaparkan regulasi terbaru penyelenggaraan haji.",
    "Para peserta tampak antusias mengikuti sesi tanya jawab hingga akhir acara.",
    "Pelayanan di PLHUT diharapkan semakin memudahkan jemaah dalam mengurus berbagai keperluan.",
]
PHOTO_COUNT = 6
PHOTO_SHARE = 0.1


def make_photos(images: Path, rng: random.Random) -> list[str]:
    """The first PHOTO_COUNT real photographs (mate-backgrounds), prepared to the photo standard as every
    way in prepares them; preparing is deterministic, so the corpus stays the same bytes."""
    images.mkdir(parents=True, exist_ok=True)
    names = []
    for number, source in enumerate(phone_photos()[:PHOTO_COUNT]):
        name = f"kegiatan-{number + 1}.jpg"
        (images / name).write_bytes(prepare_photo(source, Standard()).data)
        names.append(name)
    return names


def article_text(rng: random.Random, number: int, registry, photos: list[str]) -> tuple[str, str]:
    offices = list(registry.offices.values())
    reporting = rng.choice(offices[1:])
    same_region = [o for o in offices if o.region is reporting.region]
    involved = rng.sample(same_region, k=min(len(same_region), rng.randint(1, 4)))
    host = rng.choice(involved)
    title_word, activity = rng.choice(EVENTS)
    date = START + timedelta(minutes=rng.randrange(int(SPAN.total_seconds() // 60)))
    place = reporting.short_name.replace("Kankemenag ", "")
    title = f"{title_word} di {place}: {reporting.short_name} Dorong Pelayanan Prima ({number})"
    slug = f"berita-{number:06d}"
    summary = f"{reporting.short_name} menggelar {activity} bersama {host.short_name} untuk meningkatkan kualitas layanan."
    paragraphs = [f"{place.replace('Kab. ', '').replace('Kota ', '')} – {reporting.short_name} menggelar {activity} pada {date:%d/%m}."]
    paragraphs += [
        rng.choice(SENTENCES).format(n=rng.randint(20, 400), office=rng.choice(involved).short_name)
        + " " + rng.choice(SENTENCES).format(n=rng.randint(20, 400), office=reporting.short_name)
        for _ in range(rng.randint(4, 9))
    ]
    extra = ""
    if rng.random() < PHOTO_SHARE:
        photo = rng.choice(photos)
        extra = f"Image: {{static}}/images/{photo}\nImage_alt: Peserta {activity}\nImage_caption: Suasana {activity}.\n"
        paragraphs.insert(2, f'![Peserta {activity}]({{static}}/images/{photo} "Suasana {activity} di {place}.")')
    tags = ", ".join(rng.sample(TAGS, k=rng.randint(1, 3)))
    metadata = (
        f"Title: {title}\nDate: {header_date(date)}\nCategory: {rng.choice(CATEGORIES)}\nTags: {tags}\n"
        f"Author: {rng.choice(['hari', 'sri', 'budi', 'ani'])}/{rng.choice(['rf', 'ws', 'dn'])}\n"
        f"Offices: {', '.join(o.code for o in involved)}\nHost_office: {host.code}\n"
        f"Reporting_office: {reporting.code}\nSlug: {slug}\nSummary: {summary}\n{extra}"
    )
    return article_path(reporting.code, date, slug).as_posix(), metadata + "\n" + "\n\n".join(paragraphs) + "\n"


def generate(target: Path, count: int, seed: int = 2026, registry_path: str = "data/offices.toml") -> Path:
    """Write `count` articles and the site's pages into `target` (a content folder)."""
    rng = random.Random(seed)
    registry = load_registry(registry_path)
    photos = make_photos(target / "images", rng)
    for number in range(count):
        relative, text = article_text(rng, number, registry, photos)
        path = target / "articles" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    pages = Path(__file__).resolve().parents[1] / "content" / "pages"
    (target / "pages").mkdir(parents=True, exist_ok=True)
    for page in pages.glob("*.md"):
        (target / "pages" / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    return target
