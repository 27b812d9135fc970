"""Nothing escapes its folder: the content set, values that become paths, every write below output/."""

import os
import stat
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article
from pelican.settings import read_settings
from pelican.urlwrappers import Tag

from content_checks.addresses import reserved_problem
from content_checks.values import safe_relative, value_findings
from old_addresses.redirects import old_path_problem
from old_addresses.write import write_redirects
from photos.decoding import MAX_PIXELS, PhotoHeader
from photos import problems
from photos.standard import Standard
from page_identity.identity import ShareImage
from page_identity.write import write_card
from sitelib.content_files import kind_of, scan_content
from sitelib.output import OutsideOutputError, make_readable, output_file

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


def test_output_file_refuses_every_way_out(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    assert output_file(output, "2024/05/x/index.html") == output.resolve() / "2024/05/x/index.html"
    (output / "keluar").symlink_to(tmp_path, target_is_directory=True)
    for escape in ("../x.html", "/etc/passwd", "a/../../x", "keluar/x.html", ".", ""):
        with pytest.raises(OutsideOutputError, match="di luar folder keluaran"):
            output_file(output, escape)


def test_the_redirect_writer_refuses_to_leave_the_output(tmp_path):
    """Even an item that reached the writer unchecked (any reader, any plugin) cannot write outside output/."""
    output = tmp_path / "output"
    output.mkdir()
    item = SimpleNamespace(metadata={"old_path": "/../../lolos/"}, save_as="2024/05/x/index.html", url="2024/05/x/",
                           plain_title="x", source_path=str(tmp_path / "x.md"))
    generator = SimpleNamespace(output_path=str(output), context={"articles": [item]}, get_template=lambda name: None)
    with pytest.raises(OutsideOutputError):
        write_redirects(generator)
    assert not (tmp_path.parent / "lolos").exists()


def test_the_card_writer_refuses_to_leave_the_output(tmp_path):
    cached = tmp_path / "kartu.jpg"
    cached.write_bytes(b"jpeg")
    content = SimpleNamespace(share_image=ShareImage("u", 1, 1, "a", output_path="kartu/../../../lolos.jpg", cached_file=str(cached)))
    with pytest.raises(OutsideOutputError):
        write_card(content, str(tmp_path / "output"))
    assert not (tmp_path.parent / "lolos.jpg").exists()


def test_values_that_become_paths_are_checked_on_what_pelican_made(tmp_path):
    source = tmp_path / "x.md"
    source.write_text("Title: x\nSlug: ../../x\nTags: !!!\nOld_path: /a/../../b/\n\nIsi.\n")
    article = Article("<p>Isi.</p>", metadata={
        "title": "x", "slug": "../../x", "date": datetime(2024, 5, 1, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
        "tags": [Tag("!!!", SETTINGS)], "old_path": "/a/../../b/",
    }, settings=SETTINGS, source_path=str(source))
    found = value_findings(article, "x.md")
    assert [(f.field, f.line) for f in found] == [("Slug", 2), ("Slug", 2), ("Tags", 3), ("Old_path", 4)]
    assert "alamat berkas '2024/05/../../x/index.html' tidak sah." in found[1].message


@pytest.mark.parametrize("save_as, safe", [
    ("2024/05/x/index.html", True), ("kontak/index.html", True), ("a/../b", False), ("../b", False),
    ("/etc/x", False), ("a//b", False), ("a/./b", False), ("a\nb", False), ("", False),
])
def test_safe_relative(save_as, safe):
    assert safe_relative(save_as) == safe


@pytest.mark.parametrize("old_path, problem", [
    ("/2021/06/15/judul/", ""), ("/lama.html", ""), ("/berita/lama.htm", ""),
    ("/2021/../x/", "bagian . atau .."), ("/./x/", "bagian . atau .."), ("//x/", "//"), ("x/", "diawali garis miring"),
    ("/?p=12", "tidak boleh berisi ?"), ("/a\\b/", "tidak boleh berisi ?"), ("/sitemap.xml", "diakhiri garis miring atau .html"),
    ("/x.php", "diakhiri garis miring atau .html"), ("/a\nStatus: hidden/", "baris baru"), ("/a\u2028b/", "karakter kendali"),
])
def test_old_path_forms(old_path, problem):
    assert problem in old_path_problem(old_path) if problem else old_path_problem(old_path) == ""


@pytest.mark.parametrize("save_as, owner", [
    ("kategori/haji/index.html", "/kategori/"), ("kantor/index.html", "/kantor/"), ("kantor/kab-magelang/index.html", "/kantor/"),
    ("wilayah/kedu/index.html", "/wilayah/"), ("admin/index.html", "/admin/"), ("cari/index.html", "/cari/"),
    ("feed/index.html", "/feed/"), ("theme/x/index.html", "/theme/"), ("pagefind/index.html", "/pagefind/"),
    ("kartu/x/index.html", "/kartu/"), ("images/x/index.html", "/images/"), ("halaman/2/index.html", "/halaman/"),
    ("tag/x/index.html", "/tag/"), ("arsip/index.html", "/arsip/"), ("draf/x/index.html", "/draf/"),
    ("404.html", "404.html"), ("index.html", "index.html"), ("2024/05/index.html", "arsip bulanan"),
    ("2024/05/halaman/2/index.html", "arsip bulanan"),
])
def test_the_sites_own_addresses_are_reserved(save_as, owner):
    assert owner in reserved_problem(save_as, SETTINGS)


@pytest.mark.parametrize("save_as", ["2021/06/15/judul/index.html", "2024/05/halaman/index.html", "tentang-kami/index.html", "lama.html"])
def test_other_addresses_are_free(save_as):
    assert reserved_problem(save_as, SETTINGS) == ""


def test_one_content_set(tmp_path):
    content = tmp_path / "content"
    articles = content / "articles" / "2024"
    articles.mkdir(parents=True)
    (content / "pages").mkdir()
    for name in ("a.md", "b.html", "c.markdown", "d.MD", ".e.md", "f.rst", "g.jpg"):
        (articles / name).write_text("Title: x\n")
    (content / "pages" / "kontak.md").write_text("Title: Kontak\n")
    (articles / "tautan.md").symlink_to(articles / "a.md")
    (content / "articles" / "folder-tautan").symlink_to(tmp_path, target_is_directory=True)
    found, foreign = scan_content({**SETTINGS, "PATH": str(content)})
    assert [(item.path.relative_to(content).as_posix(), item.kind) for item in found] == [
        ("articles/2024/a.md", "article"), ("pages/kontak.md", "page"),
    ]
    assert sorted(item.path.relative_to(content).as_posix() for item in foreign) == [
        "articles/2024/.e.md", "articles/2024/b.html", "articles/2024/c.markdown", "articles/2024/d.MD",
        "articles/2024/f.rst", "articles/2024/g.jpg", "articles/2024/tautan.md", "articles/folder-tautan",
    ]
    relative = {**SETTINGS, "PATH": "content"}
    assert kind_of("content/articles/2024/x.md", relative) == "article"
    assert kind_of("content/pages/x.md", relative) == "page"
    assert kind_of("content/articles/2024/x.html", relative) is None
    assert kind_of("content/images/x.md", relative) is None


def test_pelican_reads_no_other_format():
    """Pelican's other readers are off, so it reads exactly the content set."""
    from pelican.readers import Readers

    assert set(Readers(SETTINGS).extensions) - {"static"} == {"md"}  # "static": Pelican's copy of STATIC_PATHS (empty)


def test_photo_headers_too_large_to_decode():
    assert not PhotoHeader("JPEG", 16000, 12500, 60_000_000, False).too_many_pixels  # 200 MP: prepared, not refused
    assert not PhotoHeader("JPEG", 16000, 12500, 60_000_000, False).out_of_proportion
    huge = PhotoHeader("JPEG", 20000, 12600, 80_000_000, False)
    assert huge.pixels > MAX_PIXELS and huge.too_many_pixels
    assert PhotoHeader("PNG", 13000, 13000, 20_587, False).out_of_proportion  # a decompression bomb
    assert not PhotoHeader("PNG", 2000, 1000, 2_000, False).out_of_proportion  # small graphics are left alone
    message = problems.oversized(Path("content/images/x.jpg"), huge).message
    assert "252,0 megapiksel, di atas batas 250 megapiksel" in message


def test_complete_decodes_are_remembered_by_content_hash(tmp_path, monkeypatch):
    photo = tmp_path / "foto.jpg"
    original = (ROOT / "tests/photo_content/images/manasik.jpg").read_bytes()
    photo.write_bytes(original)
    cache = tmp_path / "cache"
    assert problems.photo_problems(photo, Standard(), cache) == []
    decodes = []
    monkeypatch.setattr(problems, "verify_decodes", lambda path: decodes.append(path))
    assert problems.photo_problems(photo, Standard(), cache) == []
    assert decodes == []  # the second check of the same bytes decodes nothing
    photo.write_bytes(original[:-2] + b"\x00\xff\xd9")  # new bytes: decoded again
    assert problems.photo_problems(photo, Standard(), cache) == []
    assert decodes == [photo]


def test_a_truncated_photo_is_called_unreadable_not_sent_to_be_prepared(tmp_path):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes((ROOT / "tests/photo_content/images/manasik.jpg").read_bytes()[:20_000])
    [problem] = problems.standard_problems(photo, Standard())
    assert problem == problems.unreadable(photo) and problems.PREPARE_COMMAND not in problem.hint
    assert problems.photo_problems(photo, Standard()) == []  # said once, of the file itself, not of each reference


def test_a_published_tree_is_readable(tmp_path):
    import tempfile

    staging = Path(tempfile.mkdtemp(dir=tmp_path))  # 0700, as `invoke publish` makes it
    (staging / "a").mkdir(mode=0o700)
    (staging / "a" / "index.html").write_text("x")
    os.chmod(staging / "a" / "index.html", 0o600)
    make_readable(staging)
    assert stat.S_IMODE(staging.stat().st_mode) == 0o755
    assert stat.S_IMODE((staging / "a").stat().st_mode) == 0o755
    assert stat.S_IMODE((staging / "a" / "index.html").stat().st_mode) == 0o644


def test_pelican_copies_no_file_of_the_content_as_it_is():
    """Pelican's static generator copies every file a {static}/{attach} placeholder names, from anywhere:
    the photos plugin leaves it nothing to copy (defence behind the checks' placeholder rule)."""
    from photos.handlers import _add_to

    generator = SimpleNamespace(context={"static_links": {"../../etc/hostname", "images/asli.jpg"}})
    _add_to([], generator)
    assert generator.context["static_links"] == set()


def test_a_name_wanted_as_a_file_and_as_a_folder_clashes():
    from content_checks.addresses import Claim, clash_messages

    page = Claim("berita/index.html", "halaman.md", "Slug", 1, "berita/")
    redirect = Claim("berita/index.html/index.html", "impor.md", "Old_path", 9, "/berita/index.html/")
    [(claim, message, hint)] = clash_messages([redirect, page])
    assert claim is redirect and "sudah dipakai halaman lain" in message and "halaman.md" in hint


def test_long_headlines_cost_a_few_measurements_per_line():
    """A 2,000-character word took minutes to wrap on the share card (one measurement per character per line)."""
    from PIL import ImageFont

    from page_identity.card_image import HEADLINE_MAX_LINES, wrap

    class CountingFont:
        def __init__(self):
            self.font, self.calls = ImageFont.load_default(size=60), 0

        def getlength(self, text):
            self.calls += 1
            return self.font.getlength(text)

    font = CountingFont()
    lines = wrap("Rakor" + "A" * 2000, font, 1100, HEADLINE_MAX_LINES)
    assert len(lines) > HEADLINE_MAX_LINES and font.calls < 100


def test_printed_findings_stay_on_one_line():
    """A file name with a line break must not start a GitHub workflow command (`::stop-commands::`) in the log."""
    from sitelib.errors import Finding

    shown = str(Finding("content/articles/x\n::stop-commands::y\n.md", "Title", "nilai\u2028lain\x0b", 1))
    assert "\n" not in shown and "\u2028" not in shown
    assert shown.startswith("content/articles/x\\n::stop-commands::y\\n.md:1: GALAT:")


def test_hidden_folders_and_odd_names_are_not_content():
    relative = {**SETTINGS, "PATH": "content"}
    assert kind_of("content/articles/.tersembunyi/a.md", relative) is None
    assert kind_of("content/articles/2024/baris\nbaru.md", relative) is None
    assert kind_of("content/articles/2024/biasa.md", relative) == "article"
