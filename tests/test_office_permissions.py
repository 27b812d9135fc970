"""Who may change what in a pull request, judged by the base branch's code and data from git objects only."""

import subprocess
from pathlib import Path

import pytest

from content_checks.annotations import annotation
from editorial.office_permissions import check_pull_request, load_editors
from editorial.pull_request import parse_raw_diff
from office_tags.registry import load_registry
from pelican.settings import read_settings
from sitelib.errors import Finding, SiteConfigError
from site_copy import copy_project, invoke

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "data" / "offices.toml")
EDITORS = """
[[editor]]
github = "Reporter-Wonosobo"
name = "Reporter Wonosobo"
offices = ["kab-wonosobo", "Kankemenag Kab. Temanggung"]

[[editor]]
github = "humas-kanwil"
offices = ["jawa-tengah"]

[[editor]]
github = "editor-kedu"
offices = ["kedu"]

[[editor]]
github = "admin-situs"
role = "admin"
"""
ARTICLE = """Title: Manasik Haji {office}
Date: 2024-05-01 09:30
Category: Haji dan Umrah
Author: uji/rf
Offices: {office}
Summary: Ringkasan.
Reporting_office: {office}
Slug: manasik-{office}
{extra}
Isi.
"""
MAGELANG = "content/articles/2024/2024-05-01-manasik-kab-magelang.md"
WONOSOBO = "content/articles/2024/2024-05-01-manasik-kab-wonosobo.md"
PHOTO = "content/images/manasik-magelang.jpg"
SPACED = "content/articles/2024/2024-05-02-foto-nama-panjang.md"
SPACED_PHOTOS = ["content/images/Foto Manasik (1).jpg", "content/images/peserta manasik.jpg"]
PAGE_PHOTO = "content/images/tim.jpg"
# Photo references written with an HTML entity or a Markdown backslash escape: the build decodes both.
ESCAPED = "content/articles/2024/2024-05-03-foto-tersamar.md"
ESCAPED_PHOTOS = ["content/images/foto-magelang.jpg", "content/images/a_b.jpg"]


def article(office, extra=""):
    return ARTICLE.format(office=office, extra=extra)


@pytest.fixture
def editors(tmp_path):
    path = tmp_path / "editors.toml"
    path.write_text(EDITORS)
    return load_editors(path, REGISTRY)


def test_offices_are_codes_names_or_regions_and_admins_have_a_role(editors):
    assert editors["reporter-wonosobo"].offices == {"kab-wonosobo", "kab-temanggung"}
    assert editors["humas-kanwil"].offices == set(REGISTRY.offices) and not editors["humas-kanwil"].admin
    assert len(editors["editor-kedu"].offices) == 6 and "kab-kebumen" in editors["editor-kedu"].offices
    assert editors["admin-situs"].admin and editors["admin-situs"].offices == frozenset()


@pytest.mark.parametrize("bad, message", [
    ('[[editor]]\ngithub = "a"\noffices = ["kab-magelng"]\n', "kantor 'kab-magelng' tidak dikenal"),
    ('[[editor]]\ngithub = "a"\noffices = ["kedu"]\n[[editor]]\ngithub = "A"\noffices = ["kedu"]\n', "tercantum dua kali"),
    ('[[editor]]\ngithub = "a"\noffices = []\n', "belum diberi kantor"),
    ('[[editor]]\ngithub = "a"\nrole = "pemilik"\noffices = ["kedu"]\n', "role 'pemilik' tidak dikenal"),
])
def test_a_broken_editor_registry_stops_with_a_clear_message(tmp_path, bad, message):
    path = tmp_path / "editors.toml"
    path.write_text(bad)
    with pytest.raises(SiteConfigError, match=message):
        load_editors(path, REGISTRY)


def test_the_shipped_editor_registry_loads():
    assert load_editors(ROOT / "data" / "editors.toml", REGISTRY) == {}


def test_raw_diff_keeps_every_path_byte_for_byte_and_sees_renames_and_deletions():
    output = (
        b":000000 100644 " + b"0" * 40 + b" " + b"a" * 40 + b" A\0content/articles/berita \xc3\xa9\nbaru.md\0"
        b":100644 000000 " + b"b" * 40 + b" " + b"0" * 40 + b" D\0content/pages/kontak.md\0"
        b":100644 100644 " + b"c" * 40 + b" " + b"d" * 40 + b" R087\0lama.md\0baru.md\0"
        b":100644 120000 " + b"e" * 40 + b" " + b"f" * 40 + b" T\0content/images/x.jpg\0"
    )
    added, deleted, renamed, linked = parse_raw_diff(output)
    assert (added.status, added.before, added.after.path) == ("A", None, "content/articles/berita é\nbaru.md")
    assert (deleted.status, deleted.before.path, deleted.after) == ("D", "content/pages/kontak.md", None)
    assert (renamed.before.path, renamed.after.path) == ("lama.md", "baru.md")
    assert linked.before.is_regular_file and not linked.after.is_regular_file


def git(project, *args):
    return subprocess.run(
        ["git", *args], cwd=project, check=True, capture_output=True,
        env={"GIT_AUTHOR_NAME": "uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test", "GIT_COMMITTER_NAME": "uji",
             "GIT_COMMITTER_EMAIL": "uji@contoh.test", "PATH": "/usr/bin:/bin", "HOME": str(project)},
    ).stdout


def write(project, path, text):
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A copy of the project as a git repository: main holds one article of Magelang, one of Wonosobo
    and a photo the Magelang article uses."""
    from phone_photos import phone_jpeg

    project = copy_project(tmp_path_factory.mktemp("izin") / "situs", ROOT / "content")
    (project / "data" / "editors.toml").write_text(EDITORS)
    write(project, MAGELANG, article("kab-magelang", "Image: {static}/images/manasik-magelang.jpg\nImage_alt: Foto\n"))
    write(project, WONOSOBO, article("kab-wonosobo"))
    (project / PHOTO).parent.mkdir(parents=True, exist_ok=True)
    phone_jpeg(project / PHOTO, 1)
    # Names as phones and WhatsApp make them, referenced as Markdown allows (a header value, <…> in the body).
    write(project, SPACED, article("kab-magelang", f"Image: {{static}}/images/{SPACED_PHOTOS[0][15:]}\nImage_alt: Foto\n")
          .replace("Slug: manasik-kab-magelang", "Slug: foto-nama-panjang")
          + f"\n![Peserta manasik](<{{static}}/images/{SPACED_PHOTOS[1][15:]}>)\n")
    write(project, ESCAPED, article("kab-magelang").replace("Slug: manasik-kab-magelang", "Slug: foto-tersamar")
          + '\n<img src="{static}/images/&#102;oto-magelang.jpg" alt="Peserta manasik">\n'
          + "\n![Peserta manasik]({static}/images/a\\_b.jpg)\n")
    for photo in SPACED_PHOTOS + ESCAPED_PHOTOS + [PAGE_PHOTO]:
        phone_jpeg(project / photo, 1)
    page = project / "content/pages/tentang-kami.md"
    page.write_text(page.read_text() + f"\n![Tim media center]({{static}}/images/{PAGE_PHOTO[15:]})\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "awal")
    return project


@pytest.fixture
def pull_request(repository):
    """Make a branch `pr` from main with the given changes, then go back to main (the base checkout)."""
    def make(changes: dict, deleted=(), renamed=()):
        git(repository, "checkout", "-q", "-B", "pr", "main")
        for path, text in changes.items():
            write(repository, path, text)
        for path in deleted:
            git(repository, "rm", "-q", path)
        for old, new in renamed:
            (repository / new).parent.mkdir(parents=True, exist_ok=True)
            git(repository, "mv", old, new)
        git(repository, "add", "-A")
        git(repository, "commit", "-qm", "usulan", "--allow-empty")
        git(repository, "checkout", "-q", "main")
        return "pr"
    yield make
    git(repository, "checkout", "-q", "main")


def judged(repository, author):
    settings = read_settings(str(repository / "pelicanconf.py"))
    _, findings = check_pull_request(repository, "main", "pr", author, settings, REGISTRY, repository / "data" / "editors.toml")
    return [(f.path, f.message) for f in findings]


def test_a_new_article_needs_its_reporting_office(repository, pull_request):
    pull_request({"content/articles/2024/2024-06-01-baru.md": article("kab-temanggung")})
    assert judged(repository, "reporter-wonosobo") == []
    assert judged(repository, "humas-kanwil") == []  # the Kanwil's news editors write for every office
    assert judged(repository, "editor-kedu") == []
    pull_request({"content/articles/2024/2024-06-01-baru.md": article("kab-magelang")})
    assert judged(repository, "Reporter-Wonosobo") == [(
        "content/articles/2024/2024-06-01-baru.md",
        "akun GitHub 'Reporter-Wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.",
    )]
    [(_, stranger)] = judged(repository, "orang-lain")
    assert "tidak terdaftar sebagai penulis di data/editors.toml" in stranger


def test_taking_over_or_deleting_another_offices_article_needs_that_office(repository, pull_request):
    pull_request({MAGELANG: article("kab-wonosobo")})  # changed to the author's own office
    assert judged(repository, "reporter-wonosobo") == [
        (MAGELANG, "berita ini milik Kankemenag Kab. Magelang; akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang."),
    ]
    pull_request({}, deleted=[MAGELANG])
    assert [path for path, _ in judged(repository, "reporter-wonosobo")] == [MAGELANG]
    pull_request({}, renamed=[(MAGELANG, "content/articles/2024/pindah.md")])
    assert [path for path, _ in judged(repository, "reporter-wonosobo")] == [MAGELANG, "content/articles/2024/pindah.md"]
    pull_request({}, deleted=[WONOSOBO])
    assert judged(repository, "reporter-wonosobo") == []  # its own office's article


def test_a_line_separator_cannot_make_the_check_read_another_office(repository, pull_request):
    """Python's splitlines() breaks at U+2028; Pelican (and our one parser) does not."""
    text = article("kab-magelang").replace("Summary: Ringkasan.", "Summary: Ringkasan.\u2028Reporting_office: kab-wonosobo")
    text = text.replace("Reporting_office: kab-magelang\n", "").replace("Offices: kab-magelang\n", "Offices: kab-magelang\nReporting_office: kab-magelang\n")
    pull_request({"content/articles/2024/2024-06-02-pemisah.md": text})
    assert [message for _, message in judged(repository, "reporter-wonosobo")] == [
        "akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.",
    ]


@pytest.mark.parametrize("path", [
    "content/articles/2024/berita-\u00e9t\u00e9.md",  # git quotes such names without -z
    "content/articles/2024/baris\nbaru.md",
])
def test_file_names_are_read_exactly(repository, pull_request, path):
    pull_request({path: article("kab-magelang")})
    assert [found for found, _ in judged(repository, "reporter-wonosobo")] == [path]


@pytest.mark.parametrize("path, text", [
    ("content/articles/2024/x.markdown", article("kab-wonosobo")),
    ("content/articles/2024/x.html", "<html><head><title>x</title></head></html>"),
    ("content/pages/tentang-kami.md", "Title: Tentang Kami\n\nDiubah."),
    ("data/editors.toml", '[[editor]]\ngithub = "reporter-wonosobo"\noffices = ["jawa-tengah"]\n'),
    ("pelicanconf.py", "EDITOR_REGISTRY = 'data/lain.toml'\n"),
    (".github/workflows/izin.yml", "name: x\n"),
    ("tasks.py", "raise SystemExit(0)\n"),
])
def test_pages_code_data_and_workflows_need_an_admin(repository, pull_request, path, text):
    pull_request({path: text})
    [(found, message)] = judged(repository, "reporter-wonosobo")
    assert found == path and "akun GitHub 'reporter-wonosobo' bukan admin situs." in message
    assert judged(repository, "humas-kanwil") != []  # a Kanwil news editor is not an admin
    assert judged(repository, "admin-situs") == []


def test_a_symbolic_link_needs_an_admin(repository, pull_request):
    git(repository, "checkout", "-q", "-B", "pr", "main")
    (repository / "content/articles/2024/tautan.md").symlink_to("/etc/passwd")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "tautan")
    git(repository, "checkout", "-q", "main")
    [(path, message)] = judged(repository, "reporter-wonosobo")
    assert path == "content/articles/2024/tautan.md" and "bukan berkas biasa" in message


def test_photos_are_free_to_add_but_changing_one_needs_the_offices_that_use_it(repository, pull_request, tmp_path):
    from phone_photos import phone_jpeg

    new_photo = tmp_path / "baru.jpg"
    phone_jpeg(new_photo, 6)
    pull_request({"content/images/foto-baru.jpg": new_photo.read_bytes()})
    assert judged(repository, "reporter-wonosobo") == []
    pull_request({PHOTO: new_photo.read_bytes()})
    assert judged(repository, "reporter-wonosobo") == [(
        PHOTO, f"foto ini dipakai berita Kankemenag Kab. Magelang ({MAGELANG}); "
        "akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.",
    )]
    assert judged(repository, "editor-kedu") == []  # Kab. Magelang is in the Kedu residency
    pull_request({}, deleted=[PHOTO])
    assert [path for path, _ in judged(repository, "reporter-wonosobo")] == [PHOTO]


def test_an_offices_old_upload_addresses_need_that_office(repository, pull_request):
    """content/unggahan-lama/OFFICE.toml says which file the office's old WordPress links open (issue #19)."""
    entry = '"/wp-content/uploads/2025/05/daftar.pdf" = "dokumen/kab-magelang/2025/05/daftar.pdf"\n'
    pull_request({"content/unggahan-lama/kab-magelang.toml": entry})
    assert judged(repository, "editor-kedu") == []
    assert judged(repository, "reporter-wonosobo") == [(
        "content/unggahan-lama/kab-magelang.toml", "alamat lama unggahan milik Kankemenag Kab. Magelang; "
        "akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.",
    )]
    pull_request({"content/unggahan-lama/Kab. Magelang.toml": entry})  # a name, not the code: an admin's
    [(_, message)] = judged(repository, "editor-kedu")
    assert message.startswith("nama berkas alamat lama unggahan bukan kode kantor")



def test_a_document_in_an_offices_folder_needs_that_office(repository, pull_request):
    document = "content/dokumen/kab-magelang/2025/05/pengumuman.pdf"
    pull_request({document: "%PDF-1.4\n"})
    assert judged(repository, "editor-kedu") == []
    assert judged(repository, "reporter-wonosobo") == [(
        document, "berkas di folder Kankemenag Kab. Magelang; "
        "akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.",
    )]
    pull_request({"content/dokumen/umum/pengumuman.pdf": "%PDF-1.4\n"})  # no office's folder: free, as photos
    assert judged(repository, "reporter-wonosobo") == []


def test_the_task_runs_the_base_branchs_code_and_never_the_pull_requests(repository, pull_request):
    """The pull request rewrites tasks.py and the registry; the check (run on main) refuses both and runs neither."""
    pull_request({
        "tasks.py": "print('KODE PULL REQUEST BERJALAN')\nraise SystemExit(0)\n",
        "data/editors.toml": '[[editor]]\ngithub = "reporter-wonosobo"\nrole = "admin"\n',
        "content/articles/2024/2024-06-03-ambil-alih.md": article("kab-magelang"),
    })
    refused = invoke(repository, "check-office-permission", "--author", "reporter-wonosobo", "--base", "main", "--head", "pr", "--github")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "KODE PULL REQUEST BERJALAN" not in refused.stdout + refused.stderr
    assert "::error file=tasks.py,title=GALAT::" in refused.stdout
    assert "::error file=data/editors.toml,title=GALAT::" in refused.stdout
    assert ("::error file=content/articles/2024/2024-06-03-ambil-alih.md,line=7,title=GALAT%3A kolom Reporting_office::"
            "akun GitHub 'reporter-wonosobo' tidak terdaftar menulis untuk Kankemenag Kab. Magelang.") in refused.stdout
    assert (repository / "tasks.py").read_text() != "print('KODE PULL REQUEST BERJALAN')\nraise SystemExit(0)\n"
    pull_request({"content/articles/2024/2024-06-04-boleh.md": article("kab-wonosobo")})
    allowed = invoke(repository, "check-office-permission", "--author", "reporter-wonosobo", "--base", "main", "--head", "pr")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "1 berkas diubah" in allowed.stdout
    unknown = invoke(repository, "check-office-permission", "--author", "reporter-wonosobo", "--base", "main", "--head", "tidak-ada")
    assert unknown.returncode == 1 and "'tidak-ada' bukan commit" in unknown.stderr


def test_annotations_carry_file_line_and_the_indonesian_message():
    error = Finding("content/articles/a,b.md", "Date", "tanggal '2024-13-45 25:00' tidak bisa dibaca.", 2, hint="Tulis 100% benar:\nya.")
    assert annotation(error) == (
        "::error file=content/articles/a%2Cb.md,line=2,title=GALAT%3A kolom Date::"
        "tanggal '2024-13-45 25:00' tidak bisa dibaca. Tulis 100%25 benar:%0Aya."
    )
    warning = Finding("content/articles/x.md", "", "foto besar.", severity="PERINGATAN")
    assert annotation(warning) == "::warning file=content/articles/x.md,title=PERINGATAN::foto besar."


def test_invoke_check_writes_annotations(tmp_path):
    project = copy_project(tmp_path / "situs", ROOT / "tests" / "bad_content" / "bad-date")
    checked = invoke(project, "check", "--github")
    assert checked.returncode == 1
    assert "::error file=content/articles/tanggal-salah.md,line=2,title=GALAT%3A kolom Date::tanggal '2024-13-45 25:00' tidak bisa dibaca." in checked.stdout


@pytest.mark.parametrize("photo", SPACED_PHOTOS)
def test_photo_names_with_spaces_and_parentheses_are_found_as_the_build_finds_them(repository, pull_request, tmp_path, photo):
    replacement = tmp_path / "lain.jpg"
    replacement.write_bytes(b"bukan foto yang sama")
    pull_request({photo: replacement.read_bytes()})
    assert [(path, "Kankemenag Kab. Magelang" in message) for path, message in judged(repository, "reporter-wonosobo")] == [(photo, True)]
    pull_request({}, deleted=[photo])
    assert [path for path, _ in judged(repository, "reporter-wonosobo")] == [photo]


@pytest.mark.parametrize("photo", ESCAPED_PHOTOS)
def test_photos_referenced_with_entities_or_escapes_are_found_as_the_build_finds_them(repository, pull_request, tmp_path, photo):
    replacement = tmp_path / "lain.jpg"
    replacement.write_bytes(b"bukan foto yang sama")
    pull_request({photo: replacement.read_bytes()})
    assert [(path, ESCAPED in message) for path, message in judged(repository, "reporter-wonosobo")] == [(photo, True)]


def test_a_photo_a_page_uses_needs_an_admin(repository, pull_request, tmp_path):
    replacement = tmp_path / "lain.jpg"
    replacement.write_bytes(b"foto lain")
    pull_request({PAGE_PHOTO: replacement.read_bytes()})
    [(path, message)] = judged(repository, "humas-kanwil")
    assert path == PAGE_PHOTO and "dipakai halaman tetap (content/pages/tentang-kami.md)" in message
    assert judged(repository, "admin-situs") == []


@pytest.mark.parametrize("path", ["content/images/.gitattributes", "content/.gitattributes", "content/images/.rahasia/x.jpg"])
def test_hidden_files_in_the_content_need_an_admin(repository, pull_request, path):
    """A `.gitattributes` with `* text eol=crlf` would rewrite every office's photos in every checkout."""
    pull_request({path: "* text eol=crlf\n"})
    [(found, message)] = judged(repository, "reporter-wonosobo")
    assert found == path and "bukan admin situs" in message
