"""The web editor: our file format in the CMS, its configuration from our data, /admin/ in the output."""

import gzip
import json
import os
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings
from pelican.utils import slugify

from conftest import PUBLISH_SITEURL, ROOT
from content_checks.fields import known_fields
from editorial.new_article import TEMPLATE, create_article
from indonesian_dates.formatting import long_date, time_wib
from office_tags.registry import load_registry
from web_editor.config import editor_config

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
CONFIG = editor_config(SETTINGS, REGISTRY, ["Haji dan Umrah"])
RESIDENCIES = [region for region in REGISTRY.regions.values() if region.parent is not None]


def run_format(**request):
    """Our format module (web_editor/src/pelican-format.js) run by Node on `request`."""
    for key in ("files", "edits", "created", "titles", "dates"):
        request.setdefault(key, [])
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "web_editor_format.mjs")], input=json.dumps({"config": CONFIG, **request}),
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def content_files():
    return sorted((ROOT / "content").rglob("*.md"))


def test_every_content_file_opened_and_saved_unchanged_is_byte_identical(tmp_path):
    new_file = create_article("Kankemenag Kab. Magelang Gelar Manasik Haji", tmp_path, SETTINGS["SLUG_REGEX_SUBSTITUTIONS"], "kab-magelang")
    hand_written = (
        "title:   Judul   dengan spasi\nDATE: 2024-05-01T09:30+07:00\nTags: a,b ,  c\nOffices: Kab. Magelang,kota-magelang\n"
        "Summary: Baris pertama\n    baris lanjutan\nCatatan_redaksi: kolom lain\n\n\n\nIsi tanpa baris akhir"
    )
    texts = [path.read_text(encoding="utf-8") for path in content_files()] + [new_file.read_text(encoding="utf-8"), hand_written]
    assert run_format(files=texts)["roundTrips"] == texts


def test_the_format_reads_fields_as_the_form_shows_them():
    [seed] = run_format(files=[(ROOT / "content/articles/2021/2021-06-15-lima-asn-wonosobo-ikuti-rakor-seksi-phu.md").read_text()])["parsed"]
    assert seed["Tags"] == ["Rakor", "Seksi PHU", "Eks Karesidenan Kedu", "Disinformasi Haji"]
    assert seed["Offices"] == ["kedu"] and seed["Reporting_office"] == "kab-wonosobo" and seed["Date"] == "2021-06-15 14:00"
    assert seed["body"].startswith("Wonosobo – Lima ASN")


def test_a_changed_field_changes_only_its_line():
    text = (ROOT / "content/articles/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md").read_text()
    edited, emptied, added = run_format(edits=[
        {"text": text, "changes": {"Offices": ["kota-magelang", "kab-purworejo"]}},
        {"text": text, "changes": {"Host_office": ""}},
        {"text": text, "changes": {"Modified": "2022-08-24 09:30", "body": "Isi baru."}},
    ])["edited"]
    lines = text.splitlines()
    assert edited.splitlines() == [("Offices: kota-magelang, kab-purworejo" if line.startswith("Offices:") else line) for line in lines]
    assert emptied.splitlines() == [line for line in lines if not line.startswith("Host_office:")]
    assert added.endswith("Modified: 2022-08-24 09:30\n\nIsi baru.\n")
    assert added.splitlines()[:len(lines[:10])] == lines[:10]


def test_a_new_article_is_written_like_invoke_new_writes_it():
    [created] = run_format(created=[{
        "Title": 'Jamaah Usia < 60 & "Lansia" Wajib Manasik', "Date": "2024-05-02 09:30", "Status": "draft",
        "Category": "Haji dan Umrah", "Tags": ["Manasik", "Lansia"], "Author": "uji/rf",
        "Offices": ["kab-wonosobo", "kedu"], "Host_office": "", "Reporting_office": "kab-wonosobo",
        "Summary": "Ringkasan.", "body": "Wonosobo – Isi berita.\n\nParagraf kedua.",
    }])["created"]
    assert created == (
        'Title: Jamaah Usia < 60 & "Lansia" Wajib Manasik\nDate: 2024-05-02 09:30\nStatus: draft\n'
        "Category: Haji dan Umrah\nTags: Manasik, Lansia\nAuthor: uji/rf\nOffices: kab-wonosobo, kedu\n"
        "Reporting_office: kab-wonosobo\nSlug: jamaah-usia-60-lansia-wajib-manasik\nSummary: Ringkasan.\n\n"
        "Wonosobo – Isi berita.\n\nParagraf kedua.\n"
    )


def test_the_field_order_is_the_order_invoke_new_writes():
    new_keys = [line.split(":", 1)[0] for line in TEMPLATE.split("\n\n", 1)[0].splitlines()]
    order = [field["name"] for field in run_format()["fields"]]
    assert [key for key in order if key in new_keys] == new_keys


@pytest.mark.parametrize("title", [
    "Kankemenag Kab. Magelang Gelar Manasik Haji", 'Jamaah Usia < 60 & "Lansia"', "Jum'at Berkah: Doa — Bersama",
    "Évaluasi Ibadah Haji 2025/2026 (Tahap II)", "  spasi   ganda -- dan_garis  ",
])
def test_slugs_from_titles_match_pelicans(title):
    assert run_format(titles=[title])["slugs"] == [slugify(title, regex_subs=SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])]


def test_the_preview_shows_dates_as_the_site_does():
    moments = [datetime(2022, 8, 23, 15, 0), datetime(2024, 5, 2, 9, 5), datetime(2025, 1, 1, 0, 0)]
    shown = run_format(dates=[f"{m:%Y-%m-%d %H:%M}" for m in moments])["dates"]
    zone = ZoneInfo("Asia/Jakarta")
    assert shown == [f"{long_date(m)}, {time_wib(m.replace(tzinfo=zone))}" for m in moments]


# The configuration, made from the data files.

def fields_of(collection):
    return {field["name"]: field for field in next(c for c in CONFIG["collections"] if c["name"] == collection)["fields"]}


def test_article_fields_come_from_metadata_fields_toml_in_order():
    article = fields_of("berita")
    expected = [field for field in known_fields().values() if "article" in field.kinds]
    assert list(article)[: len(expected)] == [field.name for field in expected]
    assert list(article)[len(expected):] == ["body", "original_text"]
    for field in expected:
        assert article[field.name]["label"] == field.label and article[field.name]["hint"] == field.form_hint
        assert article[field.name]["required"] == ("article" in field.required)
    assert article["Date"]["format"] == "YYYY-MM-DD HH:mm" and article["Status"]["default"] == "draft"
    assert article["Image_alt"]["widget"] == "image_text" and article["Image_alt"]["image_field"] == "Image"
    assert article["Image"]["public_folder"] == "{static}/images" and article["Image"]["media_folder"] == "/content/images"


def test_offices_are_every_registry_office_and_the_residencies():
    options = fields_of("berita")["Offices"]["options"]
    assert [o["value"] for o in options] == list(REGISTRY.offices) + [r.code for r in RESIDENCIES]
    assert options[0]["label"] == next(iter(REGISTRY.offices.values())).short_name
    assert [o["value"] for o in fields_of("berita")["Reporting_office"]["options"]] == list(REGISTRY.offices)


def test_an_office_added_to_the_registry_appears_in_the_editor(tmp_path):
    registry_file = tmp_path / "offices.toml"
    registry_file.write_text((ROOT / "data" / "offices.toml").read_text() + '''
[[office]]
code = "kanwil-kemenhaj-jateng"
name = "Kantor Wilayah Kementerian Haji dan Umrah Provinsi Jawa Tengah"
short_name = "Kanwil Kemenhaj Jateng"
kind = "kanwil"
region = "jawa-tengah"
institution = "kemenhaj"
''')
    config = editor_config(SETTINGS, load_registry(registry_file), ["Haji dan Umrah"])
    offices = next(c for c in config["collections"] if c["name"] == "berita")["fields"]
    labels = {o["label"] for f in offices if f["name"] in ("Offices", "Reporting_office") for o in f["options"]}
    assert "Kanwil Kemenhaj Jateng" in labels


def test_article_files_are_named_like_invoke_new_names_them():
    berita = next(c for c in CONFIG["collections"] if c["name"] == "berita")
    assert (berita["folder"], berita["path"], berita["format"]) == ("content/articles", "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}", "pelican-md")
    halaman = next(c for c in CONFIG["collections"] if c["name"] == "halaman")
    assert halaman["folder"] == "content/pages" and "Offices" not in fields_of("halaman")


# /admin/ in the built site.

@pytest.fixture(scope="module")
def admin(site):
    return site.soup("admin/")


def test_admin_is_published_from_our_own_output(site, admin):
    scripts = [script["src"] for script in admin.find_all("script")]
    assert scripts == [f"{PUBLISH_SITEURL}/admin/{name}" for name in ("manual-init.js", "decap-cms.js", "main.js")]
    for name in ["manual-init.js", "decap-cms.js", "main.js", "pelican-format.js", "locale-id.js", "preview.js", "config.json"]:
        assert (site.root / "admin" / name).is_file(), name
    chunks = list((site.root / "admin").glob("*.decap-cms.js"))
    assert len(chunks) > 50  # the parts Decap loads on demand, served by us too
    for element in admin.find_all(src=True) + admin.find_all(href=True):
        assert (element.get("src") or element.get("href")).startswith(PUBLISH_SITEURL + "/")  # nothing from other hosts
    assert admin.body["data-stylesheet"] == f"{PUBLISH_SITEURL}/{site.asset('css/main.css')}"


def test_admin_is_not_indexed_and_has_its_own_policy(site, admin):
    assert admin.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = admin.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self' 'unsafe-eval'" in policy and "connect-src 'self' blob: https://api.github.com;" in policy
    assert "object-src 'none'" in policy and "frame-ancestors" not in policy
    home_policy = site.soup("").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "unsafe-eval" not in home_policy and "api.github.com" not in home_policy
    assert "/admin/" not in site.path("sitemap.xml").read_text()
    assert "/admin/" not in site.path("feed/atom.xml").read_text()
    fragments = [p.read_bytes() for p in (site.root / "pagefind" / "fragment").glob("*.pf_fragment")]
    assert fragments and not any(b'"url":"/admin/' in gzip.decompress(f) for f in fragments)


def test_production_signs_in_with_github_and_reviews_as_pull_requests(site):
    config = json.loads(site.path("admin/config.json").read_text())
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "id"
    assert config["backend"]["name"] == "github" and config["backend"]["branch"] == "main"
    assert config["backend"]["repo"] == os.environ.get("GITHUB_REPOSITORY", "")  # set by GitHub Actions
    assert config["site_url"] == PUBLISH_SITEURL


def test_preview_edits_this_checkout_through_the_local_proxy(preview_site):
    config = json.loads(preview_site.path("admin/config.json").read_text())
    assert config["backend"] == {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}
    assert config["publish_mode"] == "simple"
    policy = preview_site.soup("admin/").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "http://localhost:8081" in policy
