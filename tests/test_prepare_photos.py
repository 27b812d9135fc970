"""`invoke prepare-photos`: every photo under content/ brought to the photo standard in place (issue #18),
renamed photos followed by their references, and nothing changed on a second run."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from conftest import ROOT, site_settings
from editorial.prepare_photos import prepare_all
from editorial.prepare_photos.files import WriteRefused, create_file, folder_inside, replace_file
from editorial.prepare_photos.names import free_name, keeps_name, prepared_name
from editorial.prepare_photos.plan import PhotoChange
from editorial.prepare_photos.planning import plan_photos
from editorial.prepare_photos.references import renamed_reference
from editorial.prepare_photos.report_lines import file_size
from editorial.prepare_photos.writing import write_plan
from phone_photos import CAMERA_TEXTS, phone_heic, phone_jpeg
from photos.problems import OVERSIZED_HINT, UNREADABLE_HINT
from photos.standard import MAX_BYTES, Standard, standard_reasons
from site_copy import copy_project, invoke
from sitelib.content_files import photo_files
from wordpress_export import declared_giant_jpeg

NATURE = Path("/usr/share/backgrounds/mate/nature")  # Debian package mate-backgrounds: real photographs
STANDARD = Standard(2048)
IMAGES = "content/images/kab-wonosobo/2024"
ARTICLE = "content/articles/2024/2024-05-02-manasik-lansia.md"
PAGE = "content/pages/profil.md"
ARTICLE_TEXT = """Title: Manasik Lansia
Date: 2024-05-02 10:00
Category: Haji dan Umrah
Author: Nam/ed
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Summary: Manasik bagi jamaah lansia.
Image: {static}/images/kab-wonosobo/2024/iphone-tegak.heic
Image_alt: Jamaah lansia berlatih tawaf

Wonosobo – Kankemenag Kab. Wonosobo menggelar manasik bagi jamaah lansia.

![Jamaah lansia berlatih tawaf]({static}/images/kab-wonosobo/2024/iphone-tegak.heic "Jamaah lansia di aula.")

[Lihat foto ukuran penuh]({static}../../images/kab-wonosobo/2024/iphone-tegak.heic)

Contoh penulisan untuk editor: `{static}/images/kab-wonosobo/2024/iphone-tegak.heic` (teks, bukan rujukan).

![Pemandangan]({static}/images/kab-wonosobo/2024/Aqua.jpg)
"""
# The page is written with a byte-order mark and Windows line ends: every other byte must stay.
PAGE_BYTES = (
    "\ufeffTitle: Profil\r\nImage: {attach}/images/bagan.png\r\nImage_alt: Bagan organisasi\r\n\r\n"
    "Seksi PHU melayani jamaah. Lihat [bagan]({attach}/images/bagan.png).\r\n"
).encode("utf-8")


def settings_for(content: Path):
    return site_settings(content)


def hashes(folder: Path) -> dict[str, str]:
    """Every file and symbolic link below `folder` (links not followed), by relative path."""
    found = {}
    for directory, folders, names in os.walk(folder):
        for name in folders + names:
            path = Path(directory, name)
            if path.is_symlink():
                found[str(path.relative_to(folder))] = f"-> {os.readlink(path)}"
            elif path.is_file():
                found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def big_transparent_png(path: Path) -> None:
    """A logo wider than the standard's edge, transparent on its right half, with a text chunk."""
    image = Image.new("RGBA", (2400, 1200), (0, 0, 0, 0))
    image.paste((20, 160, 60, 255), (0, 0, 1200, 1200))
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "EditorGambarUji")
    image.save(path, "PNG", pnginfo=info)


def opaque_png(path: Path) -> None:
    """A chart saved as PNG: no transparent pixel, so it is a JPEG by the standard."""
    image = Image.new("RGB", (800, 500), (250, 250, 250))
    image.paste((200, 30, 30), (100, 100, 300, 400))
    image.save(path, "PNG")


def make_site(folder: Path) -> None:
    """Real photographs, phone photos, a transparent and an opaque PNG, an article and a page below `folder`/content."""
    images = folder / IMAGES
    images.mkdir(parents=True)
    for name in ("Aqua.jpg", "Blinds.jpg", "FreshFlower.jpg"):  # too wide; over 1 MB; meets the standard already
        shutil.copy(NATURE / name, images / name)
    phone_heic(images / "iphone-tegak.heic")
    phone_jpeg(images / "ponsel-gps.jpg", 6)
    big_transparent_png(folder / "content/images/logo.png")
    opaque_png(folder / "content/images/bagan.png")
    (folder / ARTICLE).parent.mkdir(parents=True)
    (folder / ARTICLE).write_text(ARTICLE_TEXT, encoding="utf-8")
    (folder / PAGE).parent.mkdir(parents=True)
    (folder / PAGE).write_bytes(PAGE_BYTES)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """The site as it was, after `prepare_all`, and after a second run (one run shared by the tests that look)."""
    folder = tmp_path_factory.mktemp("foto-siap")
    make_site(folder)
    settings = settings_for(folder / "content")
    before = {path: (path.stat().st_size, path.read_bytes()) for path in photo_files(settings)}
    working = os.getcwd()
    os.chdir(folder)  # messages name files relative to the working folder, as `invoke` runs in the project
    try:
        report = prepare_all(settings)
        first = hashes(folder / "content")
        again = prepare_all(settings)
    finally:
        os.chdir(working)
    return {"folder": folder, "settings": settings, "before": before, "report": report, "first": first, "again": again}


@pytest.fixture
def bare(tmp_path, monkeypatch):
    """An empty content folder (articles, pages, images) for one case; its settings."""
    monkeypatch.chdir(tmp_path)
    for name in ("articles/2024", "pages", "images"):
        (tmp_path / "content" / name).mkdir(parents=True)
    return tmp_path, settings_for(tmp_path / "content")


def test_after_one_run_every_photo_meets_the_standard(prepared):
    folder, settings, before = prepared["folder"], prepared["settings"], prepared["before"]
    assert not prepared["report"].failed, prepared["report"].text
    photos = photo_files(settings)
    assert sorted(str(path.relative_to(folder)) for path in photos) == [
        "content/images/bagan.jpg", f"{IMAGES}/Aqua.jpg", f"{IMAGES}/Blinds.jpg", f"{IMAGES}/FreshFlower.jpg",
        f"{IMAGES}/iphone-tegak.jpg", f"{IMAGES}/ponsel-gps.jpg", "content/images/logo.png",
    ]
    for path in photos:
        assert standard_reasons(path, STANDARD) == [], path
        assert path.stat().st_size <= MAX_BYTES and not any(text in path.read_bytes() for text in CAMERA_TEXTS)
    assert (folder / IMAGES / "FreshFlower.jpg").read_bytes() == before[folder / IMAGES / "FreshFlower.jpg"][1]
    with Image.open(folder / IMAGES / "Aqua.jpg") as image:
        assert image.size == (2048, 1280)
    with Image.open(folder / IMAGES / "ponsel-gps.jpg") as image:  # stored sideways with orientation 6
        assert image.size == (600, 800) and not image.getexif()
        red, green, blue = image.convert("RGB").getpixel((300, 40))
        assert red > 180 and green < 80 and blue < 80  # the red band on top: upright
    with Image.open(folder / "content/images/logo.png") as image:
        assert image.format == "PNG" and image.size == (2048, 1024) and image.mode == "RGBA"
        assert image.getpixel((2000, 500))[3] == 0 and image.getpixel((10, 500))[3] == 255
    assert not [path for path in folder.rglob("*") if path.name.startswith(".menyiapkan-")]


def test_a_heic_becomes_jpg_and_every_reference_follows(prepared):
    folder = prepared["folder"]
    assert not (folder / IMAGES / "iphone-tegak.heic").exists()
    with Image.open(folder / IMAGES / "iphone-tegak.jpg") as image:
        assert image.format == "JPEG" and image.size == (600, 800)
    expected = ARTICLE_TEXT.replace(
        "Image: {static}/images/kab-wonosobo/2024/iphone-tegak.heic", "Image: {static}/images/kab-wonosobo/2024/iphone-tegak.jpg",
    ).replace(
        '({static}/images/kab-wonosobo/2024/iphone-tegak.heic "', '({static}/images/kab-wonosobo/2024/iphone-tegak.jpg "',
    ).replace(
        "({static}../../images/kab-wonosobo/2024/iphone-tegak.heic)", "({static}../../images/kab-wonosobo/2024/iphone-tegak.jpg)",
    )
    assert expected.count(".heic") == 1  # the example in backquotes is text, not a reference: it stays
    assert (folder / ARTICLE).read_text(encoding="utf-8") == expected
    assert (folder / PAGE).read_bytes() == PAGE_BYTES.replace(b"/images/bagan.png", b"/images/bagan.jpg")
    assert not (folder / "content/images/bagan.png").exists()


def test_each_change_is_printed_with_sizes_and_pixels(prepared):
    folder, before, report = prepared["folder"], prepared["before"], prepared["report"]

    def sizes(old: str, new: str) -> str:
        return f"{file_size(before[folder / old][0])} -> {file_size((folder / new).stat().st_size)}"

    assert report.lines[:-1] == [
        f"content/images/bagan.png -> bagan.jpg: {sizes('content/images/bagan.png', 'content/images/bagan.jpg')}, "
        "800 × 500 -> 800 × 500 piksel (2 rujukan diperbarui)",
        f"content/images/logo.png: {sizes('content/images/logo.png', 'content/images/logo.png')}, "
        "2.400 × 1.200 -> 2.048 × 1.024 piksel",
        f"{IMAGES}/Aqua.jpg: {sizes(f'{IMAGES}/Aqua.jpg', f'{IMAGES}/Aqua.jpg')}, 2.560 × 1.600 -> 2.048 × 1.280 piksel",
        f"{IMAGES}/Blinds.jpg: {sizes(f'{IMAGES}/Blinds.jpg', f'{IMAGES}/Blinds.jpg')}, 1.920 × 1.200 -> 1.920 × 1.200 piksel",
        f"{IMAGES}/iphone-tegak.heic -> iphone-tegak.jpg: {sizes(f'{IMAGES}/iphone-tegak.heic', f'{IMAGES}/iphone-tegak.jpg')}, "
        "600 × 800 -> 600 × 800 piksel (3 rujukan diperbarui)",
        f"{IMAGES}/ponsel-gps.jpg: {sizes(f'{IMAGES}/ponsel-gps.jpg', f'{IMAGES}/ponsel-gps.jpg')}, 600 × 800 -> 600 × 800 piksel",
    ]
    prepared_before = sum(size for path, (size, _) in before.items() if path.name != "FreshFlower.jpg")
    after = sum(path.stat().st_size for path in photo_files(prepared["settings"]) if path.name != "FreshFlower.jpg")
    assert report.lines[-1] == f"6 foto disiapkan ({file_size(prepared_before)} -> {file_size(after)}), 1 sudah sesuai standar."


def test_a_second_run_changes_nothing(prepared):
    assert hashes(prepared["folder"] / "content") == prepared["first"]
    assert prepared["again"].lines == ["0 foto disiapkan, 7 sudah sesuai standar."] and not prepared["again"].failed


@pytest.mark.parametrize("name, written, line", [
    ("foto.heic", "{static}/images/foto&#46;heic", '<p><img src="{static}/images/foto&#46;heic" alt="Foto"></p>'),
    ("foto_ponsel.heic", "{static}/images/foto\\_ponsel.heic", "![Foto]({static}/images/foto\\_ponsel.heic)"),
], ids=["html-entity", "backslash-escape"])
def test_a_reference_written_with_an_escape_is_reported_and_its_photo_left_alone(bare, name, written, line):
    folder, settings = bare
    phone_heic(folder / "content/images" / name)
    opaque_png(folder / "content/images/bagan.png")
    article = folder / "content/articles/2024/2024-06-01-foto.md"
    text = f"Title: Foto\nDate: 2024-06-01 10:00\n\nParagraf pertama.\n\n{line}\n\nLihat [bagan]({{static}}/images/bagan.png).\n"
    article.write_text(text, encoding="utf-8")
    photo_before = (folder / "content/images" / name).read_bytes()
    report = prepare_all(settings)
    assert report.failed
    stem = name.removesuffix(".heic")
    assert (
        f"content/articles/2024/2024-06-01-foto.md:6: GALAT: rujukan ke foto 'content/images/{name}' tidak bisa diganti "
        f"otomatis menjadi {stem}.jpg: tidak tertulis apa adanya (misalnya memakai kode entitas HTML seperti &#46; atau "
        f"garis miring terbalik). Foto itu belum diubah. Tulis rujukannya {{static}}/images/{name}, lalu jalankan "
        "`invoke prepare-photos` lagi."
    ) in report.lines
    assert (folder / "content/images" / name).read_bytes() == photo_before
    assert not (folder / "content/images" / f"{stem}.jpg").exists()
    # The other photo of the same article is prepared, and its reference follows; the escaped one stays as written.
    assert article.read_text(encoding="utf-8") == text.replace("/images/bagan.png", "/images/bagan.jpg")
    assert written in article.read_text(encoding="utf-8")
    assert report.lines[-1].endswith(", 1 tidak diubah (lihat GALAT di atas).")


def test_a_file_that_is_not_utf8_and_names_the_photo_keeps_the_photo(bare):
    folder, settings = bare
    opaque_png(folder / "content/images/bagan.png")
    (folder / PAGE).write_bytes(PAGE_BYTES)
    article = folder / "content/articles/2024/2024-06-02-latin.md"
    article.write_bytes("Title: Caf\u00e9\n\n![Bagan]({static}/images/bagan.png)\n".encode("latin-1"))
    report = prepare_all(settings)
    assert report.failed and (folder / "content/images/bagan.png").is_file()
    assert not (folder / "content/images/bagan.jpg").exists()
    assert any(line.startswith("content/articles/2024/2024-06-02-latin.md:1: GALAT: berkas ini menyebut foto "
                               "'content/images/bagan.png' tetapi bukan UTF-8") for line in report.lines)
    assert (folder / PAGE).read_bytes() == PAGE_BYTES  # the page's reference to it is not changed either


def test_a_taken_name_gets_the_next_free_number(bare):
    folder, settings = bare
    images = folder / "content/images/acara"
    images.mkdir()
    shutil.copy(NATURE / "FreshFlower.jpg", images / "foto.jpg")  # meets the standard: stays as it is
    shutil.copy(NATURE / "FreshFlower.jpg", images / "FOTO-2.JPG")  # "foto-2.jpg" on Windows and macOS
    phone_heic(images / "foto.heic")
    phone_heic(images / "dua.heic")
    Image.new("RGB", (640, 480), "navy").save(images / "dua.webp", "WEBP")
    article = folder / "content/articles/2024/2024-06-03-acara.md"
    article.write_text(
        "Title: Acara\nImage: {static}/images/acara/foto.heic\n\n![A]({static}/images/acara/dua.heic)\n\n"
        "![B]({static}/images/acara/dua.webp)\n\n![C]({static}/images/acara/foto.jpg)\n", encoding="utf-8",
    )
    kept = (images / "foto.jpg").read_bytes()
    report = prepare_all(settings)
    assert not report.failed, report.text
    assert sorted(path.name for path in images.iterdir()) == ["FOTO-2.JPG", "dua-2.jpg", "dua.jpg", "foto-3.jpg", "foto.jpg"]
    assert (images / "foto.jpg").read_bytes() == kept
    assert article.read_text(encoding="utf-8") == (
        "Title: Acara\nImage: {static}/images/acara/foto-3.jpg\n\n![A]({static}/images/acara/dua.jpg)\n\n"
        "![B]({static}/images/acara/dua-2.jpg)\n\n![C]({static}/images/acara/foto.jpg)\n"
    )
    assert "content/images/acara/foto.heic -> foto-3.jpg: " in report.text


def test_symbolic_links_are_never_followed(bare, tmp_path_factory):
    folder, settings = bare
    (folder / IMAGES).mkdir(parents=True)
    phone_heic(folder / IMAGES / "iphone-tegak.heic")
    outside = tmp_path_factory.mktemp("luar")
    shutil.copy(NATURE / "Aqua.jpg", outside / "Aqua.jpg")  # does not meet the standard
    phone_heic(outside / "iphone.heic")
    (folder / "content/images/tautan-folder").symlink_to(outside, target_is_directory=True)
    (folder / "content/images/tautan.jpg").symlink_to(outside / "Aqua.jpg")
    (folder / IMAGES / "iphone-luar.heic").symlink_to(outside / "iphone.heic")
    outside_before = hashes(outside)
    report = prepare_all(settings)
    assert not report.failed, report.text
    assert report.lines[0].startswith(f"{IMAGES}/iphone-tegak.heic -> iphone-tegak.jpg: ")  # the content's own photo
    assert hashes(outside) == outside_before
    assert os.readlink(folder / "content/images/tautan.jpg") == str(outside / "Aqua.jpg")
    assert (folder / IMAGES / "iphone-luar.heic").is_symlink() and "tautan" not in report.text and "luar" not in report.text


def test_a_photo_changed_between_planning_and_writing_is_not_overwritten(bare):
    folder, settings = bare
    phone_heic(folder / "content/images/foto.heic")
    opaque_png(folder / "content/images/bagan.png")
    article = folder / "content/articles/2024/2024-06-04-foto.md"
    text = "Title: Foto\nImage: {static}/images/foto.heic\n\n![Bagan]({static}/images/bagan.png)\n"
    article.write_text(text, encoding="utf-8")
    plan = plan_photos(settings)
    Image.new("RGB", (300, 300), "red").save(folder / "content/images/foto.heic", "HEIF")  # an editor saves another photo
    replaced = (folder / "content/images/foto.heic").read_bytes()
    report = write_plan(plan)
    assert report.failed
    assert ("GALAT: 'content/images/foto.jpg' tidak ditulis: foto 'content/images/foto.heic' berubah sejak direncanakan. "
            "Jalankan `invoke prepare-photos` lagi.") in report.lines
    assert (folder / "content/images/foto.heic").read_bytes() == replaced and not (folder / "content/images/foto.jpg").exists()
    assert article.read_text(encoding="utf-8") == text.replace("bagan.png", "bagan.jpg")  # the other photo followed


def test_unreadable_and_giant_photos_are_reported_and_left_alone(bare):
    folder, settings = bare
    (folder / IMAGES).mkdir(parents=True)
    phone_heic(folder / IMAGES / "iphone-tegak.heic")
    shutil.copy(NATURE / "FreshFlower.jpg", folder / "content/images/FreshFlower.jpg")
    broken = folder / "content/images/rusak.jpg"
    broken.write_bytes(b"<html>bukan foto</html>")
    declared_giant_jpeg(folder / "content/images/bom.jpg")
    giant = (folder / "content/images/bom.jpg").read_bytes()
    report = prepare_all(settings)
    assert report.failed
    assert report.lines[-3:-1] == [
        "GALAT: foto 'content/images/bom.jpg' (20.000 × 20.000 piksel) tidak diolah: berkas 0,6 KB menyatakan "
        f"400,0 megapiksel, jauh terlalu kecil untuk foto sebesar itu. {OVERSIZED_HINT}",
        f"GALAT: foto 'content/images/rusak.jpg' tidak bisa dibaca: berkas rusak atau bukan gambar. {UNREADABLE_HINT}",
    ]
    assert broken.read_bytes() == b"<html>bukan foto</html>" and (folder / "content/images/bom.jpg").read_bytes() == giant
    assert (folder / IMAGES / "iphone-tegak.jpg").is_file()  # the other photos are prepared
    assert report.lines[-1].endswith(", 1 sudah sesuai standar, 2 tidak diubah (lihat GALAT di atas).")


def test_the_task_prints_the_changes_and_fails_on_a_photo_it_cannot_read(tmp_path):
    content = tmp_path / "awal"
    shutil.copytree(ROOT / "content", content)
    (content / "images").mkdir(exist_ok=True)
    phone_heic(content / "images" / "iphone.heic")
    (content / "images" / "rusak.jpg").write_bytes(b"bukan foto")
    project = copy_project(tmp_path / "situs", content)
    result = invoke(project, "prepare-photos")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("content/images/iphone.heic -> iphone.jpg: ") and lines[0].endswith(
        ", 600 × 800 -> 600 × 800 piksel (0 rujukan diperbarui)")
    assert lines[1] == f"GALAT: foto 'content/images/rusak.jpg' tidak bisa dibaca: berkas rusak atau bukan gambar. {UNREADABLE_HINT}"
    assert lines[2].startswith("1 foto disiapkan (") and lines[2].endswith(", 0 sudah sesuai standar, 1 tidak diubah (lihat GALAT di atas).")
    (project / "content" / "images" / "rusak.jpg").unlink()
    again = invoke(project, "prepare-photos")
    assert again.returncode == 0 and again.stdout == "0 foto disiapkan, 1 sudah sesuai standar.\n"


# The pure parts.

@pytest.mark.parametrize("size, shown", [
    (2_100_000, "2,1 MB"), (412_345, "412 KB"), (1_000_000, "1,0 MB"), (999, "999 bita"), (12_345_678, "12,3 MB"),
])
def test_file_sizes_are_written_the_indonesian_way(size, shown):
    assert file_size(size) == shown


def test_names():
    assert keeps_name("IMG_1.JPG", ".jpg") and keeps_name("a.jpeg", ".jpg") and keeps_name("logo.PNG", ".png")
    assert not keeps_name("a.png", ".jpg") and not keeps_name("a.jpg", ".png") and not keeps_name("a.heic", ".jpg")
    assert prepared_name("IMG_1234.HEIC", ".jpg", set()) == "IMG_1234.jpg"
    assert prepared_name("IMG_1234.HEIC", ".jpg", {"img_1234.jpg", "img_1234-2.jpg"}) == "IMG_1234-3.jpg"
    assert prepared_name("foto.jpeg", ".jpg", {"foto.jpeg"}) == "foto.jpeg"  # its own name: the file itself
    assert prepared_name("logo.gif", ".png", set()) == "logo.png"
    assert free_name("foto.jpg", {"foto.jpg"}) == "foto-2.jpg"


def test_references_keep_their_spelling(tmp_path):
    change = PhotoChange(tmp_path / "IMG 1.heic", tmp_path / "IMG 1-2.jpg", "", 0, 0, (1, 1), (1, 1))
    assert renamed_reference("{static}/images/IMG%201.heic#atas", change) == "{static}/images/IMG%201-2.jpg#atas"
    assert renamed_reference("{attach}IMG 1.heic?v=2", change) == "{attach}IMG 1-2.jpg?v=2"
    assert renamed_reference("{static}/images/IMG 1.heic/", change) is None  # not its name as the last part


def test_writes_stay_in_the_content_folder_and_never_go_through_a_link(tmp_path):
    root, outside = tmp_path / "content", tmp_path / "luar"
    (root / "images").mkdir(parents=True)
    outside.mkdir()
    (root / "images" / "tautan").symlink_to(outside, target_is_directory=True)
    (root / "images" / "foto.jpg").write_bytes(b"lama")
    (root / "images" / "tautan.jpg").symlink_to(outside / "foto.jpg")
    assert folder_inside(root / "images", root) and folder_inside(root, root)
    assert not folder_inside(root / "images" / "tautan", root) and not folder_inside(outside, root)
    assert not folder_inside(root / "images" / ".." / "..", root)
    for write in (lambda: replace_file(root / "images" / "tautan" / "foto.jpg", b"baru", root),
                  lambda: replace_file(root / "images" / "tautan.jpg", b"baru", root),
                  lambda: create_file(outside / "baru.jpg", b"baru", root / "images" / "foto.jpg", root)):
        with pytest.raises(WriteRefused):
            write()
    with pytest.raises(FileExistsError):  # a new name never replaces anything
        create_file(root / "images" / "foto.jpg", b"baru", root / "images" / "foto.jpg", root)
    (root / "images" / "foto.jpg").chmod(0o640)
    replace_file(root / "images" / "foto.jpg", b"baru", root)
    create_file(root / "images" / "foto-2.jpg", b"kedua", root / "images" / "foto.jpg", root)
    assert (root / "images" / "foto.jpg").read_bytes() == b"baru" and (root / "images" / "foto-2.jpg").read_bytes() == b"kedua"
    assert oct((root / "images" / "foto-2.jpg").stat().st_mode & 0o777) == "0o640"  # the photo's permissions, not 0600
    assert sorted(path.name for path in outside.iterdir()) == [] and sorted(
        path.name for path in (root / "images").iterdir()) == ["foto-2.jpg", "foto.jpg", "tautan", "tautan.jpg"]
