"""Photos straight from phones reach readers clean and upright, in production and in preview."""

import hashlib
import posixpath
from pathlib import Path

import pytest
from PIL import Image

from conftest import PUBLISH_SITEURL
from phone_photos import CAMERA_TEXTS, UPRIGHT_SIZE, phone_jpeg, upright_picture

PHONE_ARTICLE = "2024/06/jamaah-usia-60-lansia-wajib-manasik/"
PHONE_PAGE = "galeri-foto-ponsel/"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".tif", ".tiff"}
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "iptc", "comment", "icc_profile"}
METADATA_BYTES = (b"Exif\x00\x00", b"http://ns.adobe.com/xap/1.0/", b"Photoshop 3.0", b"8BIM") + CAMERA_TEXTS


@pytest.fixture(scope="module", params=["production", "preview"])
def built(request, phone_sites):
    return phone_sites[request.param]


def image_files(site):
    return [path for path in site.root.rglob("*") if path.suffix.lower() in IMAGE_SUFFIXES]


def local_file(site, url: str, page: str = PHONE_ARTICLE) -> Path:
    """Output file of an image URL on `page`: absolute (production), or root- or page-relative (preview)."""
    if url.startswith(PUBLISH_SITEURL):
        return site.root / url[len(PUBLISH_SITEURL) + 1:]
    if url.startswith("/"):
        return site.root / url.lstrip("/")
    return site.root / posixpath.normpath(posixpath.join(page, url))


def test_no_published_image_carries_location_camera_or_any_metadata(built):
    files = image_files(built)
    assert len(files) >= 15  # the phone photos' variants are among them: 5 photos, 2 widths and a fallback at least
    for path in files:
        data = path.read_bytes()
        assert not [marker for marker in METADATA_BYTES if marker in data], path
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not METADATA_KEYS & set(image.info), (path, set(image.info))


def test_originals_are_never_published(built):
    names = {path.name for path in image_files(built)}
    assert not {"ponsel-gps-orientasi-6.jpg", "ponsel-orientasi-8.jpg", "cetak-cmyk.jpg", "logo-transparan.png"} & names
    assert not [name for name in names if name.endswith((".heic", ".heif"))]
    assert not (built.root / "images" / "iphone-tegak.heic").exists()
    for path in built.html_files():
        html = path.read_text()
        assert "{static}" not in html and "/images/ponsel-" not in html and ".heic" not in html, path


def photo_sources(page, img):
    """Every URL a browser may load for `img`: its src (the one fallback) and every <source>'s srcset."""
    return [img["src"]] + [
        part.split()[0] for source in img.find_parent("picture").find_all("source") for part in source["srcset"].split(", ")
    ]


@pytest.mark.parametrize("alt", [
    "Calon jemaah lansia berdiri di aula, foto tegak dari iPhone",  # HEIC, featured
    "Jamaah berfoto dengan ponsel tegak",  # JPEG, orientation 6, GPS
    "Jamaah berfoto dengan ponsel terbalik arah",  # JPEG, orientation 8
])
def test_phone_photos_are_upright_in_the_page_and_in_every_variant(built, alt):
    img = built.soup(PHONE_ARTICLE).find("img", alt=alt)
    assert (int(img["width"]), int(img["height"])) == UPRIGHT_SIZE
    for url in photo_sources(built, img):
        with Image.open(local_file(built, url)) as variant:
            rgb = variant.convert("RGB")
            assert variant.width < variant.height, url
            top, bottom = rgb.getpixel((variant.width // 2, 5)), rgb.getpixel((variant.width // 2, variant.height - 5))
            assert top[0] > 180 and top[2] < 80, (url, top)  # the red band is at the top
            assert bottom[2] > 150 and bottom[0] < 80, (url, bottom)


def test_heic_is_published_as_jpeg_and_webp(built):
    img = built.soup(PHONE_ARTICLE).select_one("figure.featured-photo img")
    assert img["src"].endswith(".jpg")
    with Image.open(local_file(built, img["src"])) as fallback:
        assert fallback.format == "JPEG"


def test_cmyk_photo_keeps_its_colours(built):
    img = built.soup(PHONE_ARTICLE).find("img", alt="Spanduk cetak berwarna merah")
    for url in photo_sources(built, img):
        with Image.open(local_file(built, url)) as variant:
            assert variant.mode == "RGB"
            red, green, blue = variant.getpixel((10, 10))
            assert red > 230 and green < 40 and blue < 40, (url, variant.getpixel((10, 10)))


def test_transparent_png_keeps_its_alpha_in_webp_and_png(built):
    img = built.soup(PHONE_ARTICLE).find("img", alt="Logo transparan")
    formats = set()
    for url in photo_sources(built, img):
        with Image.open(local_file(built, url)) as variant:
            formats.add(variant.format)
            assert variant.mode == "RGBA", url
            assert variant.getpixel((variant.width // 4, 5))[3] == 255  # the opaque green half
            assert variant.getpixel((variant.width * 3 // 4, 5))[3] == 0  # the transparent half
    assert {"WEBP", "PNG"} <= formats <= {"AVIF", "WEBP", "PNG"}


def test_link_to_the_full_photo_is_a_clean_full_size_variant(built):
    link = built.soup(PHONE_ARTICLE).find("a", string="Lihat foto ukuran penuh")
    assert "/images/varian/ponsel-gps-orientasi-6-" in link["href"]
    with Image.open(local_file(built, link["href"])) as full:
        assert full.size == UPRIGHT_SIZE and not full.getexif()


def test_photos_in_fixed_pages_follow_the_same_rules(built):
    img = built.soup(PHONE_PAGE).select_one("figure img")
    assert (int(img["width"]), int(img["height"])) == UPRIGHT_SIZE
    assert "/images/varian/ponsel-orientasi-8-" in img["src"]


def test_a_variant_cached_by_the_old_pipeline_is_never_reused(tmp_path):
    from photos import variants

    source = tmp_path / "ponsel.jpg"
    phone_jpeg(source, 6)
    cache = tmp_path / "cache"
    cache.mkdir()
    # The old cache key was the bare content hash; plant an EXIF-laden "variant" under it.
    old_digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    for width in (480, 600):
        for extension in ("jpg", "webp"):
            stale = cache / f"ponsel-{old_digest}-{width}.{extension}"
            upright_picture().save(stale, "JPEG" if extension == "jpg" else "WEBP", exif=b"Exif\x00\x00" + b"\x00" * 8)
    photo = variants.photo_variants(source, cache)
    assert all(old_digest not in variant.cached for variant in photo.variants)
    for variant in photo.variants:
        with Image.open(variant.cached) as made:
            assert not made.getexif() and made.size[0] < made.size[1]


def test_a_truncated_photo_stops_the_build_with_the_file_named(tmp_path):
    from photos.decoding import UnreadablePhoto
    from photos.resolver import PhotoResolver
    from sitelib.errors import ContentError

    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    whole = images / "utuh.jpg"
    phone_jpeg(whole, 6)
    truncated = images / "terpotong.jpg"
    truncated.write_bytes(whole.read_bytes()[:2500])  # header intact, picture cut off

    class Article:
        settings = {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
        source_path = str(tmp_path / "content" / "articles" / "uji.md")

    with pytest.raises(ContentError) as stopped:
        PhotoResolver(Article()).photo("{static}/images/terpotong.jpg", "Image")
    message = str(stopped.value)
    assert "kolom Image: foto '" in message and "terpotong.jpg' tidak bisa dibaca" in message
    assert "Simpan ulang foto" in message
    assert isinstance(stopped.value.__cause__, UnreadablePhoto)
