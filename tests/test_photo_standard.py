"""The repository's photo standard, preparing photos to it, and the light variants made of them (issue #18).

Real photographs from Debian's mate-backgrounds (system-packages.txt), not noise or flat colours.
"""

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from phone_photos import XMP, camera_exif, phone_heic, phone_jpeg, transparent_png
from photos import variants
from photos.decoding import decode_upright
from photos.preparing import JPEG_QUALITY, prepare_photo
from photos.problems import PREPARE_COMMAND, standard_problems
from photos.standard import MAX_BYTES, Standard, standard_reasons

PHOTOS = Path("/usr/share/backgrounds/mate")
DUNE = PHOTOS / "nature" / "Dune.jpg"  # 1680 × 1050, fine sand: the most detail per pixel of the set
GARDEN = PHOTOS / "nature" / "Garden.jpg"  # 2560 × 1600, with EXIF
ELEPHANTS = PHOTOS / "abstract" / "Elephants_5640x3172.jpg"  # 16 MB
STANDARD = Standard()


def prepared(tmp_path: Path, source: Path, name: str = "foto") -> Path:
    result = prepare_photo(source, STANDARD)
    path = tmp_path / f"{name}{result.suffix}"
    path.write_bytes(result.data)
    return path


def with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """`jpeg` with one more segment right after SOI and the 16-byte JFIF header."""
    return jpeg[:20] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + jpeg[20:]


@pytest.fixture(scope="module")
def standard_jpeg(tmp_path_factory) -> Path:
    return prepared(tmp_path_factory.mktemp("standar"), GARDEN)


def test_a_prepared_photo_meets_the_standard(standard_jpeg):
    assert standard_reasons(standard_jpeg, STANDARD) == []
    with Image.open(standard_jpeg) as image:
        assert image.format == "JPEG" and image.size == (2048, 1280) and image.mode == "RGB"
        assert not image.getexif() and "icc_profile" not in image.info
    assert standard_jpeg.stat().st_size <= 500_000  # a typical photo: about 500 KB or less


def test_the_original_does_not_meet_it_and_is_named_with_its_reasons():
    reasons = standard_reasons(GARDEN, STANDARD)
    assert reasons == ["sisi terpanjang 2.560 piksel, lebih dari 2.048", "berisi metadata (EXIF/XMP)"]
    [problem] = standard_problems(GARDEN, STANDARD)
    assert problem.severity == "GALAT" and PREPARE_COMMAND in problem.hint


@pytest.mark.parametrize("marker, payload, named", [
    (0xE1, b"Exif\x00\x00" + b"\x00" * 16, "EXIF/XMP"),
    (0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP, "EXIF/XMP"),
    (0xE2, b"ICC_PROFILE\x00\x01\x01" + b"\x00" * 32, "profil warna ICC"),
    (0xED, b"Photoshop 3.0\x00", "IPTC"),
    (0xFE, b"KameraUji", "komentar"),
    (0xEB, b"HDR gain map", "segmen APP11"),
])
def test_every_metadata_segment_is_refused(tmp_path, standard_jpeg, marker, payload, named):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(with_segment(standard_jpeg.read_bytes(), marker, payload))
    assert standard_reasons(photo, STANDARD) == [f"berisi metadata ({named})"]


def test_a_jfif_header_carrying_a_thumbnail_is_refused(tmp_path, standard_jpeg):
    """JFIF may carry an uncompressed thumbnail: a second picture (of the uncropped original, say)."""
    picture = standard_jpeg.read_bytes()
    assert picture[2:4] == b"\xff\xe0" and struct.unpack(">H", picture[4:6])[0] == 16
    fields = picture[6:18] + bytes([1, 1])  # "JFIF\0", version, units, densities; then a 1 × 1 thumbnail
    payload = fields + bytes([200, 30, 30])  # its one RGB pixel
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(picture[:2] + b"\xff\xe0" + struct.pack(">H", 2 + len(payload)) + payload + picture[20:])
    with Image.open(photo) as image:
        image.load()
    assert standard_reasons(photo, STANDARD) == ["berisi metadata (segmen APP0)"]


def test_a_second_jfif_header_is_refused(tmp_path, standard_jpeg):
    picture = standard_jpeg.read_bytes()
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(picture[:20] + picture[2:20] + picture[20:])  # the 16-byte JFIF header twice
    assert standard_reasons(photo, STANDARD) == ["berisi metadata (segmen APP0)"]


def test_data_after_the_picture_is_refused(tmp_path, standard_jpeg):
    """Samsung's motion photos append a video after the JPEG; anything may be appended, even another JPEG."""
    photo = tmp_path / "foto.jpg"
    picture = standard_jpeg.read_bytes()
    for appended in (b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 64, picture):
        photo.write_bytes(picture + appended)
        assert standard_reasons(photo, STANDARD) == ["ada data lain setelah gambar (misalnya video foto bergerak)"]
    photo.write_bytes(picture + bytes(16))  # zero padding some cameras write is no data
    assert standard_reasons(photo, STANDARD) == []


def test_a_segment_hidden_between_the_scans_of_a_progressive_jpeg_is_found(tmp_path, standard_jpeg):
    picture = standard_jpeg.read_bytes()  # progressive: several scans, each after its own SOS
    second_scan = picture.index(b"\xff\xda", picture.index(b"\xff\xda") + 2)
    comment = b"\xff\xfe" + struct.pack(">H", 2 + 11) + b"GPS -7.3,109"
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(picture[:second_scan] + comment + picture[second_scan:])
    with Image.open(photo) as image:
        image.load()  # still a photo every viewer shows
    assert standard_reasons(photo, STANDARD) == ["berisi metadata (komentar)"]


def test_a_truncated_jpeg_has_no_end(tmp_path, standard_jpeg):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(standard_jpeg.read_bytes()[:50_000])
    assert standard_reasons(photo, STANDARD) == ["tidak berakhir di akhir gambar (berkas terpotong)"]


@pytest.mark.parametrize("make, reason", [
    (lambda path: phone_heic(path.with_suffix(".heic")), "format HEIF, bukan JPEG"),
    (lambda path: Image.open(GARDEN).save(path.with_suffix(".png")), "PNG tanpa bagian transparan"),
    (lambda path: Image.open(DUNE).save(path.with_suffix(".webp")), "format WEBP, bukan JPEG"),
])
def test_other_formats_are_refused(tmp_path, make, reason):
    make(tmp_path / "foto")
    [photo] = tmp_path.iterdir()
    assert any(reason in text for text in standard_reasons(photo, STANDARD))


def test_a_jpeg_named_png_and_a_cmyk_jpeg_are_refused(tmp_path, standard_jpeg):
    named = tmp_path / "foto.png"
    named.write_bytes(standard_jpeg.read_bytes())
    assert "berisi JPEG tetapi namanya tidak berakhiran .jpg atau .jpeg" in standard_reasons(named, STANDARD)
    cmyk = tmp_path / "cetak.jpg"
    Image.open(standard_jpeg).convert("CMYK").save(cmyk, "JPEG", quality=80)
    assert "warna CMYK, bukan RGB" in standard_reasons(cmyk, STANDARD)


def test_a_transparent_png_meets_the_standard_and_stays_png(tmp_path):
    logo = tmp_path / "logo.png"
    transparent_png(logo)
    assert standard_reasons(logo, STANDARD) == []
    result = prepare_photo(logo, STANDARD)
    assert result.suffix == ".png"


def test_a_phone_photo_is_prepared_upright_without_location(tmp_path):
    phone = tmp_path / "ponsel.jpg"
    phone_jpeg(phone, 6)  # stored sideways with orientation 6, GPS, maker, serial, XMP, IPTC, comment
    result = prepared(tmp_path, phone, "siap")
    assert standard_reasons(result, STANDARD) == []
    with Image.open(result) as image:
        assert image.width < image.height  # upright portrait
        assert image.convert("RGB").getpixel((image.width // 2, 5))[0] > 180  # the red band on top
    assert b"SamsungUjiKamera" not in result.read_bytes() and b"Exif" not in result.read_bytes()


def test_preparing_is_deterministic_and_a_second_time_changes_nothing(tmp_path, standard_jpeg):
    again = prepare_photo(GARDEN, STANDARD)
    assert again.data == standard_jpeg.read_bytes()
    assert standard_reasons(standard_jpeg, STANDARD) == []  # so `invoke prepare-photos` leaves it alone


def test_a_photo_above_1_mb_at_the_chosen_quality_gets_a_lower_one(tmp_path):
    """A 16 MB render at 5,640 px; every photo ends at most MAX_BYTES."""
    result = prepared(tmp_path, ELEPHANTS)
    assert result.stat().st_size <= MAX_BYTES and standard_reasons(result, STANDARD) == []
    with Image.open(result) as image:
        assert image.size == (2048, 1152)


def test_a_200_megapixel_photo_is_prepared_not_refused(tmp_path):
    """The largest phone cameras make 200 megapixels (16,320 × 12,240)."""
    huge = tmp_path / "200mp.jpg"
    Image.open(DUNE).resize((16_320, 12_240), Image.Resampling.BILINEAR).save(huge, "JPEG", quality=85)
    result = prepared(tmp_path, huge, "siap")
    with Image.open(result) as image:
        assert image.size == (2048, 1536)
    assert standard_reasons(result, STANDARD) == []


def test_the_long_edge_is_a_setting(tmp_path):
    small = Standard(max_edge=1024)
    result = prepare_photo(GARDEN, small)
    assert (result.width, result.height) == (1024, 640)
    path = tmp_path / "foto.jpg"
    path.write_bytes(result.data)
    assert standard_reasons(path, small) == []
    assert prepare_photo(path, STANDARD).width == 1024  # never enlarged


def test_chosen_quality_is_the_one_documented():
    assert JPEG_QUALITY == 80


# Light variants (point 3 of the issue)

@pytest.fixture(scope="module")
def dune_photo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("varian")
    return variants.photo_variants(prepared(folder, DUNE), folder / "cache")


def test_variants_are_at_the_layout_widths_with_one_fallback(dune_photo):
    webp = [v.width for v in dune_photo.variants if v.mime == "image/webp"]
    assert webp == list(variants.WIDTHS)
    assert [v for v in dune_photo.variants if v.mime == "image/jpeg"] == [dune_photo.fallback]
    assert 1000 <= dune_photo.fallback.width <= 1200  # a little narrower, to fit its level's limit


def test_the_fallback_fits_80_kb_even_for_the_most_detailed_photo(dune_photo):
    assert Path(dune_photo.fallback.cached).stat().st_size <= variants.FALLBACK_MAX_BYTES == 80_000


def test_the_first_screen_photo_of_a_phone_is_at_most_60_kb(dune_photo):
    """A 412 px phone at DPR 2.625 loads the 1,200 px variant of the first format it supports."""
    best = dune_photo.source_types[0]
    first_screen = next(v for v in dune_photo.variants if v.mime == best and v.width == 1200)
    assert Path(first_screen.cached).stat().st_size <= 60_000


def test_every_file_of_the_most_detailed_photo_together_fits_200_kb(dune_photo):
    """Dune's sand is too fine for the usual qualities (about 300 KB): it is compressed one level harder."""
    sizes = [Path(v.cached).stat().st_size for v in dune_photo.variants]
    assert sum(sizes) <= variants.PHOTO_BUDGET_BYTES == 200_000
    assert any("-1200-" in Path(v.cached).name for v in dune_photo.variants)  # a level above the first


def test_the_budget_counts_every_file_and_the_first_screen_file():
    widths = 3  # in published order: the best type's 400, 800, 1200, (the other type's), the fallback
    assert variants.fits_budget([10_000, 30_000, 60_000, 80_000], widths)
    assert not variants.fits_budget([10_000, 30_000, 60_001, 10_000], widths)  # the first-screen file
    assert not variants.fits_budget([10_000, 30_000, 50_000, 60_000, 51_000], widths)  # all together


def test_a_typical_photo_keeps_the_usual_qualities(tmp_path):
    photo = variants.photo_variants(prepared(tmp_path, GARDEN), tmp_path / "cache")
    assert not any(Path(v.cached).stem.endswith(("-1", "-2", "-3")) for v in photo.variants)
    assert photo.source_types == ("image/avif", "image/webp")
    assert photo.fallback.width == 1200


def test_avif_is_kept_only_when_lighter_at_the_same_quality():
    pixels = decode_upright(DUNE).resize((1200, 750))
    webp = variants.encoded(pixels, "WEBP")
    avif = variants.encoded(pixels, "AVIF")
    assert variants.avif_pays(pixels, avif, webp)  # a real photo: lighter and as good
    worse = variants.encoded(pixels, "AVIF", quality=5)
    assert len(worse) < len(webp) and not variants.avif_pays(pixels, worse, webp)  # lighter, but visibly worse
    assert not variants.avif_pays(pixels, webp + b"\x00" * len(webp), webp)


def test_avif_output_does_not_depend_on_the_machine():
    """The encoder runs on one thread: with more, libaom's output changes with the core count."""
    pixels = decode_upright(DUNE).resize((800, 500))
    assert variants.SAVE_OPTIONS["AVIF"]["max_threads"] == 1
    assert variants.encoded(pixels, "AVIF") == variants.encoded(pixels, "AVIF")


def test_psnr_of_identical_pictures_is_infinite():
    pixels = Image.open(io.BytesIO(variants.encoded(decode_upright(DUNE).resize((200, 125)), "PNG")))
    assert variants.psnr(pixels, variants.encoded(pixels, "PNG")) == float("inf")


def test_exif_of_a_test_helper_is_what_the_standard_refuses(tmp_path, standard_jpeg):
    """The phone helpers write the segments the standard names (so the tests above test something)."""
    photo = tmp_path / "foto.jpg"
    Image.open(standard_jpeg).save(photo, "JPEG", exif=camera_exif(6))
    assert standard_reasons(photo, STANDARD) == ["berisi metadata (EXIF/XMP)"]


# Found by a hostile review: a raw photo anywhere, under any name; a JPEG of many scans; a PNG nearly opaque.

@pytest.mark.parametrize("name", [".thumbnails/gps.jpg", "gps.jfif", "gps.jpe", "gps.jpg.", "gps.jpg ", "gps"])
def test_a_raw_photo_is_found_in_a_hidden_folder_and_under_any_name(tmp_path, name):
    from content_checks.scan import photo_file_findings
    from pelican.settings import read_settings

    photo = tmp_path / "content" / "images" / name
    photo.parent.mkdir(parents=True)
    phone_jpeg(photo, 6)
    settings = read_settings("pelicanconf.py", override={"PATH": str(tmp_path / "content")})
    [finding] = photo_file_findings(settings)
    assert finding.is_error and Path(finding.path).resolve() == photo.resolve()
    assert "berisi metadata" in finding.message and PREPARE_COMMAND in finding.hint


def test_a_pdf_is_no_photo(tmp_path):
    from sitelib.content_files import is_picture

    pdf = tmp_path / "pengumuman.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert not is_picture(pdf)


def test_a_jpeg_of_too_many_scans_is_refused_before_any_decode(tmp_path, standard_jpeg):
    """Each scan is a pass over the whole picture: 1 MB of tiny scans takes minutes to decode."""
    from photos.decoding import MAX_JPEG_SCANS

    picture = standard_jpeg.read_bytes()
    first, second = picture.index(b"\xff\xda"), picture.index(b"\xff\xda", picture.index(b"\xff\xda") + 2)
    scan = picture[first:second]  # the first scan and the tables after it
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(picture[:first] + scan * (MAX_JPEG_SCANS + 1) + picture[second:])
    [problem] = standard_problems(photo, STANDARD)
    assert "bagian (scan) JPEG, di atas batas 100" in problem.message


def test_a_nearly_opaque_png_is_prepared_as_what_it_finally_is(tmp_path):
    """One pixel at alpha 254 vanishes when scaled: the prepared file is a JPEG, so a second run changes nothing."""
    picture = decode_upright(GARDEN).convert("RGBA")
    picture.putpixel((7, 7), (10, 10, 10, 254))
    source = tmp_path / "hampir.png"
    picture.save(source)
    result = prepare_photo(source, STANDARD)
    path = tmp_path / f"siap{result.suffix}"
    path.write_bytes(result.data)
    assert standard_reasons(path, STANDARD) == []


def test_a_large_png_is_refused_before_it_is_decoded(tmp_path):
    from photos.decoding import MAX_GRAPHIC_PIXELS, decodable_header, OversizedPhoto

    huge = tmp_path / "layar.png"
    Image.new("L", (8_000, 8_000)).save(huge)  # 64 megapixels of a graphic
    assert MAX_GRAPHIC_PIXELS < 64_000_000
    with pytest.raises(OversizedPhoto):
        decodable_header(huge)
