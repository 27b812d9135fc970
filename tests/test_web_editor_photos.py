"""The web editor prepares every photo in the browser before it uploads it (issue #18): upright, at most
PHOTO_MAX_EDGE on the long edge, JPEG (PNG only with transparency), no metadata, at most MAX_BYTES;
a photo the browser cannot decode is refused with a message and nothing is written.

Chromium runs the editor on a copy of the project through the guarded local proxy (the `editor`
fixture of test_web_editor_browser); every file is judged by Python's own photos.standard.
"""

import json
import random
from pathlib import Path

import pytest
from pelican.settings import read_settings
from PIL import Image, ImageChops, ImageStat, PngImagePlugin
from playwright.sync_api import expect

from phone_photos import CAMERA_MAKER, CAMERA_MODEL, CAMERA_SERIAL, STORED_AS, camera_exif, phone_heic, transparent_png
from photos.preparing import JPEG_QUALITY, LOWEST_QUALITY, QUALITY_STEP, SHRINK_STEP, fitted_size
from photos.standard import MAX_BYTES, standard_for, standard_reasons
from test_web_editor_browser import (  # noqa: F401  (editor: the fixture)
    PINNED_NOW, editor, fill_article, open_editor, open_new_article, publish_now,
)

# A real photograph (Debian package mate-backgrounds): sky and sea above, dune grass below, so a picture
# upside down or sideways does not look like it.
PHOTOGRAPH = Path("/usr/share/backgrounds/mate/nature/Dune.jpg")
# What a 12-megapixel phone camera makes of a portrait photo: 3000 × 4000 upright, stored sideways.
UPRIGHT = (3000, 4000)
STANDARD = standard_for(read_settings(str(Path(__file__).resolve().parents[1] / "pelicanconf.py")))
UNREADABLE = (
    'Foto "{name}" tidak bisa dibaca oleh peramban ini, jadi tidak diunggah. Simpan ulang foto itu sebagai JPEG lalu '
    "unggah lagi. Di iPhone: Pengaturan > Kamera > Format > Paling Kompatibel (foto yang diunggah dari iPhone lewat "
    "Safari sudah otomatis menjadi JPEG)."
)


def upright_photograph() -> Image.Image:
    """The photograph cut to portrait 3:4 and enlarged to UPRIGHT, with a phone sensor's fine noise."""
    if not PHOTOGRAPH.is_file():
        pytest.fail(f"{PHOTOGRAPH} tidak ada: pasang paket Debian mate-backgrounds (apt-get install mate-backgrounds).")
    with Image.open(PHOTOGRAPH) as source:
        width = source.height * UPRIGHT[0] // UPRIGHT[1]
        left = (source.width - width) // 2
        picture = source.convert("RGB").crop((left, 0, left + width, source.height)).resize(UPRIGHT, Image.Resampling.LANCZOS)
    grain = random.Random(4000).randbytes(UPRIGHT[0] * UPRIGHT[1])
    noise = Image.frombytes("L", UPRIGHT, grain).point(lambda value: 116 + value * 24 // 255).convert("RGB")
    return ImageChops.add(picture, noise, scale=1.0, offset=-128)


def large_phone_jpeg(path: Path) -> Image.Image:
    """The upright photograph stored sideways (4000 × 3000) with EXIF orientation 6, GPS, camera maker, model and
    serial, at quality 95, as a phone saves it; returns the upright picture."""
    upright = upright_photograph()
    upright.transpose(STORED_AS[6]).save(path, "JPEG", quality=95, exif=camera_exif(6))
    return upright


def noise_jpeg(path: Path, size: tuple[int, int]) -> None:
    """Coloured noise at quality 95: at the standard's long edge even LOWEST_QUALITY leaves it over MAX_BYTES."""
    generator = random.Random(18)
    Image.frombytes("RGB", size, generator.randbytes(size[0] * size[1] * 3)).save(path, "JPEG", quality=95)


def libjpeg_dc_step(quality: int) -> int:
    """The first (DC) step of libjpeg's luminance table at `quality` (IJG scaling of the standard table's 16)."""
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return max(1, min(255, (16 * scale + 50) // 100))


def looks_alike(first: Image.Image, second: Image.Image) -> float:
    """Mean difference of two pictures per channel (0–255), both reduced to 30 × 40."""
    small = [image.convert("RGB").resize((30, 40), Image.Resampling.BOX) for image in (first, second)]
    return sum(ImageStat.Stat(ImageChops.difference(*small)).mean) / 3


def photos_in(project: Path) -> set[str]:
    folder = project / "content" / "images"
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def assert_meets_the_standard(path: Path) -> None:
    assert standard_reasons(path, STANDARD) == []
    assert path.stat().st_size <= MAX_BYTES
    data = path.read_bytes()
    for text in (CAMERA_MAKER, CAMERA_MODEL, CAMERA_SERIAL):
        assert text.encode() not in data
    with Image.open(path) as image:
        assert not image.getexif() and "icc_profile" not in image.info
        assert max(image.size) <= STANDARD.max_edge


@pytest.fixture
def page(browser, editor):
    context, page = open_editor(browser, editor[1], PINNED_NOW, "Asia/Jakarta")
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    assert page.errors == [], page.errors


def upload_in_media_page(page, photo: Path) -> None:
    """Upload from the Media page, where Decap stores the file at once (no article is saved)."""
    page.get_by_role("button", name="Media").click()
    page.locator("input[type=file]").set_input_files(str(photo))


def test_a_large_phone_photo_is_uploaded_upright_small_and_without_metadata(page, editor, tmp_path):
    """The photo field of a new article: a 12-megapixel JPEG stored sideways with GPS becomes the upright
    picture at the standard's long edge, JPEG_QUALITY, no EXIF, under MAX_BYTES, named .jpg in the article."""
    project, _ = editor
    photo = tmp_path / "Foto-Ponsel-Besar.jpeg"
    upright = large_phone_jpeg(photo)
    with Image.open(photo) as stored:
        assert stored.size == UPRIGHT[::-1] and stored.getexif()[0x0112] == 6 and stored.getexif().get_ifd(0x8825)
    assert photo.stat().st_size > 2 * MAX_BYTES  # large as a phone's photo is
    open_new_article(page)
    fill_article(page, "Foto Ponsel Besar dari Editor Web", status="Terbit", photo=photo)
    publish_now(page)
    [article] = (project / "content" / "articles").rglob("*-foto-ponsel-besar-dari-editor-web.md")
    # Decap names uploads in lower case; the stem is the photo's, the suffix .jpg.
    assert "\nImage: {static}/images/foto-ponsel-besar.jpg\n" in article.read_text(encoding="utf-8")
    prepared = project / "content" / "images" / "foto-ponsel-besar.jpg"
    assert "foto-ponsel-besar.jpeg" not in photos_in(project)
    assert_meets_the_standard(prepared)
    with Image.open(prepared) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        # Upright: the stored 4000 × 3000 turned to portrait, its long edge the standard's.
        assert image.size == fitted_size(*UPRIGHT, STANDARD.max_edge) == (1536, 2048)
        assert image.quantization[0][0] == libjpeg_dc_step(JPEG_QUALITY)  # it fitted at the first quality
        assert looks_alike(image, upright) < 8
        # The measure tells pictures apart: the picture as stored, or upside down, is far from it.
        assert looks_alike(image, upright.transpose(Image.Transpose.ROTATE_180)) > 30
        assert looks_alike(image, upright.transpose(STORED_AS[6]).resize(UPRIGHT)) > 30


# Records every encoding the page asks of a canvas (size, type, quality, bytes) and returns the real result.
RECORD_ENCODINGS = """() => {
  window.encodings = [];
  const toBlob = HTMLCanvasElement.prototype.toBlob;
  HTMLCanvasElement.prototype.toBlob = function (callback, type, quality) {
    const canvas = this;
    return toBlob.call(this, (blob) => {
      window.encodings.push([canvas.width, canvas.height, type, quality ?? null, blob ? blob.size : null]);
      callback(blob);
    }, type, quality);
  };
}"""


def preparing_order(size: tuple[int, int]) -> list[tuple[int, int, float]]:
    """Every (width, height, quality) photos.preparing tries for an opaque photo of `size`, in its order."""
    fitted = fitted_size(*size, STANDARD.max_edge)
    order, edge = [], max(fitted)
    while edge > 1:
        width, height = fitted_size(*fitted, edge)
        order += [(width, height, quality / 100) for quality in range(JPEG_QUALITY, LOWEST_QUALITY - 1, -QUALITY_STEP)]
        edge = max(1, int(edge * SHRINK_STEP))
    return order


def test_a_photo_too_large_at_every_quality_is_made_smaller(page, editor, tmp_path):
    """As photos.preparing does it: qualities down to LOWEST_QUALITY, then the long edge shrinks by SHRINK_STEP
    and the qualities start again, until the file fits: the attempts are preparing.py's, in its order."""
    project, _ = editor
    photo = tmp_path / "derau.jpg"
    size = (STANDARD.max_edge, STANDARD.max_edge * 3 // 4)
    noise_jpeg(photo, size)
    page.evaluate(RECORD_ENCODINGS)
    upload_in_media_page(page, photo)
    expect(page.get_by_text("derau.jpg", exact=True).first).to_be_visible()
    prepared = project / "content" / "images" / "derau.jpg"
    assert_meets_the_standard(prepared)
    attempts = page.evaluate("window.encodings")
    assert len(attempts) > len(range(JPEG_QUALITY, LOWEST_QUALITY - 1, -QUALITY_STEP))  # the long edge had to shrink
    assert [(width, height, quality) for width, height, _, quality, _ in attempts] == preparing_order(size)[:len(attempts)]
    assert {kind for _, _, kind, _, _ in attempts} == {"image/jpeg"}
    assert all(encoded > MAX_BYTES for *_, encoded in attempts[:-1])
    width, height, _, quality, _ = attempts[-1]
    with Image.open(prepared) as image:
        assert image.size == (width, height) and max(image.size) < STANDARD.max_edge
        assert image.quantization[0][0] == libjpeg_dc_step(round(quality * 100))


def test_a_transparent_png_stays_a_clean_png_and_an_opaque_one_becomes_jpeg(page, editor, tmp_path):
    project, _ = editor
    logo = tmp_path / "logo-kantor.png"
    transparent_png(logo)
    with Image.open(logo) as image:
        text = PngImagePlugin.PngInfo()
        text.add_text("Software", "KameraUji")  # a metadata chunk the prepared file must not keep
        image.save(logo, "PNG", pnginfo=text)
    upload_in_media_page(page, logo)
    expect(page.get_by_text("logo-kantor.png", exact=True).first).to_be_visible()
    prepared = project / "content" / "images" / "logo-kantor.png"
    assert_meets_the_standard(prepared)
    with Image.open(prepared) as image:
        assert image.format == "PNG" and image.size == (640, 320)
        rgba = image.convert("RGBA")
        assert rgba.getpixel((100, 100)) == (20, 160, 60, 255) and rgba.getpixel((500, 100))[3] == 0
    screenshot = tmp_path / "tangkapan-layar.png"
    Image.new("RGB", (800, 600), (30, 60, 200)).save(screenshot, "PNG")
    page.locator("input[type=file]").set_input_files(str(screenshot))
    expect(page.get_by_text("tangkapan-layar.jpg", exact=True).first).to_be_visible()
    assert "tangkapan-layar.png" not in photos_in(project)
    prepared = project / "content" / "images" / "tangkapan-layar.jpg"
    assert_meets_the_standard(prepared)
    with Image.open(prepared) as image:
        assert image.format == "JPEG" and image.size == (800, 600)


def not_a_photo(path: Path) -> None:
    path.write_bytes(b"Ini surat, bukan foto.\n" * 100)


@pytest.mark.parametrize("name, make", [("IMG_1234.HEIC", phone_heic), ("rusak.jpg", not_a_photo)], ids=["heic", "not-a-photo"])
def test_a_photo_the_browser_cannot_decode_is_refused_and_nothing_is_written(page, editor, tmp_path, name, make):
    """Chromium decodes no HEIC (an iPhone hands Safari a JPEG already): the editor is told what to do, the
    photo field stays empty and no file is written."""
    project, _ = editor
    photo = tmp_path / name
    make(photo)
    before = photos_in(project)
    open_new_article(page)
    page.get_by_role("button", name="Pilih foto").click()
    with page.expect_event("dialog"):
        page.locator("input[type=file]").set_input_files(str(photo))
    assert page.dialogs == [UNREADABLE.format(name=name)]
    expect(page.get_by_role("status")).to_have_count(0)  # "Menyiapkan foto…" is gone
    expect(page.get_by_text(Path(name).stem, exact=False)).to_have_count(0)  # not in the library
    assert photos_in(project) == before
    # The same input takes the next photo: a readable one is prepared and uploaded as before.
    good = tmp_path / "foto-berikutnya.jpg"
    large_phone_jpeg(good)
    page.locator("input[type=file]").set_input_files(str(good))
    expect(page.get_by_text("foto-berikutnya.jpg", exact=True).first).to_be_visible()
    assert page.dialogs == [UNREADABLE.format(name=name)]


def test_a_photo_in_the_body_is_prepared_too(page, editor, tmp_path):
    """The body's image (Tambah komponen → Image) opens the same media library: its upload is prepared too."""
    project, _ = editor
    photo = tmp_path / "Foto-Di-Isi.jpeg"
    large_phone_jpeg(photo)
    open_new_article(page)
    fill_article(page, "Foto di Isi Berita dari Editor Web", status="Terbit")
    page.get_by_role("button", name="Tambah komponen").click()
    page.get_by_role("menuitem", name="Image").click()
    page.get_by_role("button", name="Pilih foto").last.click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name="Pakai yang dipilih").click()
    publish_now(page)
    [article] = (project / "content" / "articles").rglob("*-foto-di-isi-berita-dari-editor-web.md")
    assert "({static}/images/foto-di-isi.jpg" in article.read_text(encoding="utf-8")
    assert_meets_the_standard(project / "content" / "images" / "foto-di-isi.jpg")
    # Not beside the article, where Decap puts a body photo by default (the collection's `path`).
    assert [path.name for path in article.parent.iterdir() if path.suffix != ".md"] == []


def test_the_file_picker_offers_photos(page, editor):
    """The picker is asked for any image and every photo name the site knows (HEIC included), from the contract."""
    accept = json.loads((editor[0] / "editor-output" / "admin" / "config.json").read_text())["site"]["photo"]["accept"]
    page.get_by_role("button", name="Media").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah", exact=True).click()
    assert chooser.value.element.get_attribute("accept") == accept
    assert ".heic" in accept.split(",")
