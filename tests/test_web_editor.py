"""The web editor: our file format in the CMS, its configuration from our data, /admin/ in the output."""

import gzip
import json
import os
import re
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from conftest import PUBLISH_SITEURL, ROOT
from content_checks.fields import known_fields
from editorial.new_article import TEMPLATE, create_article
from indonesian_dates.formatting import iso_datetime, long_date, time_text
from office_tags.registry import load_registry
from reading_aids.aids import reading_time_text
from sitelib.article_files import header_date
from sitelib.metadata import parse_document
from web_editor.config import ARTICLE_PATH, editor_config
from web_editor.contract import CONFIG_FILE

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
CONFIG = editor_config(SETTINGS, REGISTRY, ["Haji dan Umrah"])
RESIDENCIES = [region for region in REGISTRY.regions.values() if region.parent is not None]


def run_format(**request):
    """Our format module (web_editor/src/pelican-format.js) run by Node on `request`."""
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "web_editor_format.mjs")], input=json.dumps({"config": CONFIG, **request}),
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def content_files():
    return sorted((ROOT / "content").rglob("*.md"))


def test_every_content_file_opened_and_saved_unchanged_is_byte_identical(tmp_path):
    new_file = create_article("Kankemenag Kab. Magelang Gelar Manasik Haji", tmp_path, SETTINGS, "kab-magelang")
    hand_written = (
        "title:   Judul   dengan spasi\nDATE: 2024-05-01T09:30+07:00\nTags: a,b ,  c\nOffices: Kab. Magelang,kota-magelang\n"
        "Summary: Baris pertama\n    baris lanjutan\nCatatan_redaksi: kolom lain\n\n\n\nIsi tanpa baris akhir"
    )
    texts = [path.read_text(encoding="utf-8") for path in content_files()] + [new_file.read_text(encoding="utf-8"), hand_written]
    assert run_format(files=texts)["roundTrips"] == texts


# Texts whose header a parser other than sitelib.metadata's (JavaScript's `\s`, `.` or trim(),
# a plain "---" check, Python's splitlines) would read differently.
HEADER_CORPUS = {
    "bom": "\ufeffTitle: Dengan BOM\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "bom-twice": "\ufeff\ufeffTitle: Dua BOM\n\nIsi.\n",
    "fenced": "---\nTitle: Berpagar\nReporting_office: kab-wonosobo\n---\nIsi.\n",
    "fenced-dots": "---\nTitle: Berpagar titik\n...\nIsi.\n",
    "fence-with-text": "--- yaml\nTitle: Pagar bertulisan\n--- akhir\nIsi.\n",
    "four-dashes": "----\nTitle: Bukan pagar\n\nIsi.\n",
    "closing-fence-only": "Title: Ditutup pagar\n---\nIsi.\n",
    "dots-first": "...\nTitle: Bukan kepala\n",
    "fenced-crlf-bom": "\ufeff---\r\nTitle: Lengkap\r\nTags: a, b\r\n---\r\nIsi.\r\n",
    "crlf": "Title: CRLF\r\nReporting_office: kab-wonosobo\r\n\r\nIsi.\r\nBaris kedua.\r\n",
    "lone-cr": "Title: CR\rReporting_office: kab-wonosobo\r\rIsi.\r",
    "cr-cr-lf": "Title: Campur\r\r\nSummary: s\n\r\nIsi.",
    "line-separator": "Title: Judul\u2028Reporting_office: kab-magelang\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "line-separator-at-end": "Title: Judul\u2028\nSummary: \u2029ringkas\u2029\n\nIsi.\n",
    "paragraph-separator": "Summary: a\u2029b\nReporting_office: kab-wonosobo\n\nIsi\u2029lanjut.\n",
    "form-feed": "Title: Halaman\x0cbaru\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "other-controls": "Title: a\x0bb\x1cc\x85d\nSummary:\x1f\n\nIsi.\n",
    "no-break-space": "Title:\u00a0Spasi tak putus\u00a0\n\nIsi.\n",
    "continuation": "Title: Judul panjang\n    lanjutan judul\n\tlanjutan bertab\n   \tlanjutan campur\nReporting_office: kab-wonosobo\n\nIsi.\n",
    "continuation-of-empty": "Summary:\n    hanya lanjutan\n        \nTitle: x\n\nIsi.\n",
    "continuation-first": "    bukan lanjutan\nTitle: x\n",
    "indented-keys": "   Title: tiga spasi\n    Tags: empat spasi\n\nIsi.\n",
    "repeated": "Reporting_office: kab-wonosobo\nTitle: x\nREPORTING_OFFICE: kab-magelang\n\nIsi.\n",
    "empty-values": "Title:\nSummary:   \t\nTags: ,\n\nIsi.\n",
    "spaces": "  Title:    spasi di sekitar   \t\nReporting_office:kab-wonosobo\n\nIsi.\n",
    "blank-with-spaces": "Title: x\n \t \nIsi.\n",
    "colon-in-value": "Title: Jam: 10:00\nkey-x_1: y\n\nIsi.\n",
    "no-blank-line": "Title: Tanpa baris kosong\nIni badan berita.\n",
    "no-header": "Isi saja, tanpa kepala.\n",
    "header-only": "Title: Hanya kepala",
    "header-only-newline": "Title: Hanya kepala\n",
    "many-blank-lines": "Title: x\n\n\n\nIsi.\n\n",
    "empty": "",
    "only-newlines": "\n\n",
}


@pytest.mark.parametrize("name", sorted(HEADER_CORPUS))
def test_the_editor_reads_every_header_as_sitelib_metadata_reads_it(name):
    """Node's format and parse_document (the build, `invoke check`) read the same entries and body."""
    text = HEADER_CORPUS[name]
    [read] = run_format(headers=[text])["headers"]
    document = parse_document(text)
    assert read["entries"] == [[entry.name, entry.value] for entry in document.entries]
    assert read["body"] == document.body


def test_every_tricky_file_opened_and_saved_unchanged_is_byte_identical():
    texts = list(HEADER_CORPUS.values())
    assert run_format(files=texts)["roundTrips"] == texts


def test_a_file_with_a_byte_order_mark_and_fences_opens_with_its_fields():
    [fenced] = run_format(files=[HEADER_CORPUS["fenced-crlf-bom"]])["parsed"]
    assert (fenced["Title"], fenced["Tags"], fenced["body"]) == ("Lengkap", ["a", "b"], "Isi.\n")


def test_a_change_keeps_the_byte_order_mark_fences_and_line_ends():
    text = HEADER_CORPUS["fenced-crlf-bom"]
    title, body, added = run_format(edits=[
        {"text": text, "changes": {"Title": "Baru"}},
        {"text": text, "changes": {"body": "Isi baru.\n\nParagraf dua."}},
        {"text": text, "changes": {"Summary": "Ringkas."}},
    ])["edited"]
    assert title == text.replace("Title: Lengkap", "Title: Baru")
    assert body == "\ufeff---\r\nTitle: Lengkap\r\nTags: a, b\r\n---\r\nIsi baru.\r\n\r\nParagraf dua.\r\n"
    assert added == text.replace("Tags: a, b\r\n", "Tags: a, b\r\nSummary: Ringkas.\r\n")


def test_a_repeated_key_keeps_every_line_and_a_change_touches_the_first():
    text = HEADER_CORPUS["repeated"]
    [read] = run_format(files=[text])["parsed"]
    assert read["Reporting_office"] == "kab-wonosobo"  # the first counts, as in the build
    changed, emptied = run_format(edits=[
        {"text": text, "changes": {"Reporting_office": "kab-temanggung"}},
        {"text": text, "changes": {"Reporting_office": ""}},
    ])["edited"]
    assert changed == text.replace("Reporting_office: kab-wonosobo", "Reporting_office: kab-temanggung")
    # Dropping the first line would make the repetition count: it stays, empty.
    assert emptied == text.replace("Reporting_office: kab-wonosobo", "Reporting_office:")
    assert parse_document(emptied).first("reporting_office").value == ""


def test_a_changed_value_with_a_line_separator_stays_on_its_line():
    text = HEADER_CORPUS["line-separator"]
    [edited] = run_format(edits=[{"text": text, "changes": {"Title": "Judul\u2028baru"}}])["edited"]
    assert edited == text.replace("Title: Judul\u2028Reporting_office: kab-magelang", "Title: Judul\u2028baru")


def test_a_header_added_to_a_file_without_one_keeps_its_body():
    text = "    kode terindentasi\n"
    [edited] = run_format(edits=[{"text": text, "changes": {"Title": "Judul"}}])["edited"]
    assert edited == "Title: Judul\n\n    kode terindentasi\n"
    assert parse_document(edited).body == text


def test_the_format_reads_fields_as_the_form_shows_them():
    [seed] = run_format(files=[(ROOT / "content/articles/kab-wonosobo/2021/2021-06-15-lima-asn-wonosobo-ikuti-rakor-seksi-phu.md").read_text()])["parsed"]
    assert seed["Tags"] == ["Rakor", "Seksi PHU", "Eks Karesidenan Kedu", "Disinformasi Haji"]
    assert seed["Offices"] == ["kedu"] and seed["Reporting_office"] == "kab-wonosobo" and seed["Date"] == "2021-06-15 14:00"
    assert seed["body"].startswith("Wonosobo – Lima ASN")


def test_a_changed_field_changes_only_its_line():
    text = (ROOT / "content/articles/kota-magelang/2022/2022-08-23-rakor-seksi-phu-wahana-evaluasi-kinerja.md").read_text()
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


def test_the_preview_shows_dates_as_the_site_does():
    """Date, time and ISO texts as indonesian_dates writes them (the preview's header joins them as
    partials/published_time.html does)."""
    moments = [datetime(2022, 8, 23, 15, 0), datetime(2024, 5, 2, 9, 5), datetime(2025, 1, 1, 0, 0),
               datetime(2024, 2, 29, 23, 59), datetime(2030, 12, 1, 7, 0)]
    shown = run_format(dates=[f"{m:%Y-%m-%d %H:%M}" for m in moments])["dates"]
    zone = SETTINGS["TIMEZONE"]
    assert shown == [{"date": long_date(m, zone), "time": time_text(m, zone), "iso": iso_datetime(m, zone)} for m in moments]


# The configuration, made from the data files.

WONOSOBO = "berita-kab-wonosobo"  # one office's articles collection


def fields_of(collection):
    return {field["name"]: field for field in next(c for c in CONFIG["collections"] if c["name"] == collection)["fields"]}


def test_article_fields_come_from_metadata_fields_toml_in_order():
    article = fields_of(WONOSOBO)
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
    options = fields_of(WONOSOBO)["Offices"]["options"]
    assert [o["value"] for o in options] == list(REGISTRY.offices) + [r.code for r in RESIDENCIES]
    assert options[0]["label"] == next(iter(REGISTRY.offices.values())).short_name
    assert [o["value"] for o in fields_of(WONOSOBO)["Host_office"]["options"]] == list(REGISTRY.offices)
    # the collection's office, written into every new file, never chosen: the file lives in that office's folder
    reporting = fields_of(WONOSOBO)["Reporting_office"]
    assert (reporting["widget"], reporting["default"], reporting["required"]) == ("hidden", "kab-wonosobo", True)
    assert fields_of(WONOSOBO)["Offices"]["default"] == ["kab-wonosobo"]


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
    offices = next(c for c in config["collections"] if c["name"] == "berita-kab-wonosobo")["fields"]
    labels = {o["label"] for f in offices if f["name"] in ("Offices", "Host_office") for o in f["options"]}
    assert "Kanwil Kemenhaj Jateng" in labels
    added = config["collections"][-1]  # its own collection, named by its code
    assert (added["name"], added["label"], added["folder"]) == (
        "berita-kanwil-kemenhaj-jateng", "Berita Kanwil Kemenhaj Jateng", "content/articles/kanwil-kemenhaj-jateng")


def test_article_files_are_named_like_invoke_new_names_them():
    """content/articles/OFFICE/YYYY/YYYY-MM-DD-slug.md with the date of the article's own Date (not Decap's UTC {{year}})."""
    berita = next(c for c in CONFIG["collections"] if c["name"] == WONOSOBO)
    assert (berita["folder"], berita["format"], berita["path_date_field"]) == ("content/articles/kab-wonosobo", "pelican-md", "Date")
    assert berita["path"] == "{{date_year}}/{{date_year}}-{{date_month}}-{{date_day}}-{{slug}}"
    halaman = next(c for c in CONFIG["collections"] if c["name"] == "halaman")
    assert halaman["folder"] == "content/pages" and "Offices" not in fields_of("halaman")


def test_the_path_names_exactly_what_the_editor_fills_from_the_date():
    """The variables of the path template (Python) are the keys the preSave listener (JavaScript) fills."""
    [filled] = run_format(pathDates=[{"date": "2025-01-01 00:30", "timeZone": "Asia/Jakarta", "now": 0}])["pathDates"]
    variables = set(re.findall(r"{{(\w+)}}", ARTICLE_PATH)) - {"slug"}
    assert set(filled) == variables
    path = ARTICLE_PATH.replace("{{slug}}", "judul")
    for key, value in filled.items():
        path = path.replace("{{%s}}" % key, value)
    assert path == "2025/2025-01-01-judul"


@pytest.mark.parametrize("date, expected", [
    ("2025-01-01 00:30", ("2025", "01", "01")),  # still 31 December in UTC: read as written, no zone arithmetic
    ("2024-12-31 23:30", ("2024", "12", "31")),
    ("2024-02-29T07:00", ("2024", "02", "29")),
])
def test_a_new_file_takes_the_date_of_its_own_date_field(date, expected):
    [filled] = run_format(pathDates=[{"date": date, "timeZone": "Pacific/Kiritimati", "now": 0}])["pathDates"]
    assert (filled["date_year"], filled["date_month"], filled["date_day"]) == expected


def test_without_a_date_a_new_file_takes_todays_date_in_the_site_time_zone():
    instant = datetime(2024, 12, 31, 17, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 WIB on 1 January 2025
    [filled] = run_format(pathDates=[{"date": "", "timeZone": SETTINGS["TIMEZONE"], "now": instant.timestamp()}])["pathDates"]
    assert filled == {"date_year": "2025", "date_month": "01", "date_day": "01"}


@pytest.mark.parametrize("instant", [
    datetime(2024, 12, 31, 17, 30, tzinfo=ZoneInfo("UTC")), datetime(2024, 12, 31, 16, 30, tzinfo=ZoneInfo("UTC")),
    datetime(2024, 2, 29, 23, 59, tzinfo=ZoneInfo("UTC")), datetime(2024, 6, 1, 0, 0, tzinfo=ZoneInfo("UTC")),
])
def test_now_is_the_wall_time_invoke_new_writes(tmp_path, instant):
    """The editor's "now" in the configured zone is `invoke new`'s Date for the same instant."""
    [now] = run_format(nows=[{"timeZone": SETTINGS["TIMEZONE"], "now": instant.timestamp()}])["nows"]
    path = create_article("Uji Jam", tmp_path, SETTINGS, "kab-wonosobo", now=instant)
    assert f"\nDate: {now}\n" in path.read_text() and path.name.startswith(now[:10])


def test_the_editor_reads_dates_in_the_format_the_build_sends():
    """wall-time.js reads dates as site.date_format (sitelib.article_files) says, with no pattern of its own."""
    moments = [datetime(2024, 2, 29, 7, 5), datetime(2025, 1, 1, 0, 30)]
    read = run_format(wallTimes=[header_date(m) for m in moments] + ["2024-02-29T07:05", "29-02-2024 07:05", ""])["wallTimes"]
    assert read[:2] == [{"year": f"{m:%Y}", "month": f"{m:%m}", "day": f"{m:%d}", "hour": f"{m:%H}", "minute": f"{m:%M}"}
                        for m in moments]
    assert read[2] == read[0] and read[3:] == [None, None]  # ISO 8601's "T" for the space, as Pelican reads it
    other = {**CONFIG, "site": {**CONFIG["site"], "date_format": "DD/MM/YYYY HH.mm"}}
    assert run_format(config=other, wallTimes=["29/02/2024 07.05", header_date(moments[0])])["wallTimes"] == [read[0], None]


def test_the_preview_counts_words_as_python_splits_them():
    """Reading time from words split on Python's white space (reading_aids counts with str.split)."""
    texts = ["kata " * 200, "kata " * 201, "\x1f".join(["kata"] * 201), "\ufeff".join(["kata"] * 201),
             "\u00a0".join(["kata"] * 401), "", " \n\t "]
    times = run_format(readingTimes=texts)["readingTimes"]
    assert times == [reading_time_text(text) for text in texts]
    assert times[2:4] == ["2 menit baca", "1 menit baca"]  # JavaScript's \s would give these the other way round


def test_the_preview_reading_time_is_that_of_the_shown_text_not_the_markdown():
    markdown = "- " + "\n- ".join(["kata"] * 150) + "\n\n## " + " ".join(["kata"] * 50)  # 200 words, 201 markers
    shown = " ".join(["kata"] * 200)
    [slots] = run_format(slots=[{"data": {"body": markdown}, "bodyText": shown}])["slots"]
    assert slots["reading_time"] == reading_time_text(shown) == "1 menit baca"


def test_dates_are_in_the_time_zone_of_the_settings():
    """The zone comes from Pelican's TIMEZONE through the configuration (the JavaScript names none)."""
    for field in ("Date", "Modified"):
        assert fields_of(WONOSOBO)[field]["widget"] == "site_datetime"
        assert fields_of(WONOSOBO)[field]["time_zone"] == SETTINGS["TIMEZONE"] == "Asia/Jakarta"
    elsewhere = editor_config({**SETTINGS, "TIMEZONE": "Asia/Makassar"}, REGISTRY, ["Haji dan Umrah"])
    berita = next(c for c in elsewhere["collections"] if c["name"] == WONOSOBO)
    assert {f["time_zone"] for f in berita["fields"] if f["widget"] == "site_datetime"} == {"Asia/Makassar"}
    for script in (ROOT / "web_editor" / "src").glob("*.js"):
        assert "Asia/" not in script.read_text(), script.name


# /admin/ in the built site.

@pytest.fixture(scope="module")
def admin(site):
    return site.soup("admin/")


def test_admin_is_published_from_our_own_output(site, admin):
    scripts = [script["src"] for script in admin.find_all("script")]
    assert scripts == [f"{PUBLISH_SITEURL}/admin/{name}" for name in ("manual-init.js", "decap-cms.js", "main.js")]
    for name in ["manual-init.js", "decap-cms.js", "main.js", "pelican-format.js", "locale-id.js", "preview.js", CONFIG_FILE]:
        assert (site.root / "admin" / name).is_file(), name
    # main.js finds the configuration by the name the page carries, next to itself.
    assert admin.body["data-config"] == CONFIG_FILE
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
    fragments = [p.read_bytes() for p in (site.root / "pagefind").glob("*/fragment/*.pf_fragment")]
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


@pytest.mark.parametrize("hash, remembered, office, start", [
    ("", "berita-kab-wonosobo", None, "#/collections/berita-kab-wonosobo"),
    ("#/", "berita-kab-wonosobo", None, "#/collections/berita-kab-wonosobo"),
    ("#/collections/berita-kota-magelang/entries/2022/x", "berita-kab-wonosobo", "berita-kota-magelang", None),  # its own address
    ("#/collections/halaman", "berita-kab-wonosobo", None, None),
    ("#/", "berita-kantor-yang-dihapus", None, None),  # an office no longer in data/offices.toml
    ("#/", None, None, None),  # a first visit: Decap's own start
    ("#/collections/berita-kab-wonosobo/search/rakor", None, "berita-kab-wonosobo", None),
    ("#/collections/%E0%A4%A", None, None, None),  # a broken escape names nothing, and throws nothing
    ("#/", "berita-x/../../", None, None), ("#/", "javascript:alert(1)", None, None),  # only known offices
])
def test_admin_opens_the_office_remembered_only_from_its_own_start(hash, remembered, office, start):
    [route] = run_format(routes=[{"hash": hash, "remembered": remembered}])["routes"]
    assert route == {"office": office, "start": start}
