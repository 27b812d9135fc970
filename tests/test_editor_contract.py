"""One source for every name the web editor's JavaScript shares with Python (plugins/web_editor/contract.py)."""

import json
import mimetypes
import re

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from PIL import Image

from conftest import ROOT
from content_checks.fields import known_fields
from indonesian_dates.formatting import DAY_NAMES, MONTH_NAMES
from office_tags.registry import load_registry
from photos.preparing import JPEG_QUALITY, LOWEST_QUALITY, QUALITY_STEP, SHRINK_STEP, prepare_photo
from photos.standard import JPEG_PICTURE_MARKERS, MAX_BYTES, PNG_PICTURE_CHUNKS, Standard
from sitelib.article_files import EDITOR_DATE_FORMAT
from sitelib.content_files import CONTENT_EXTENSION, PHOTO_SUFFIXES
from sitelib.slugs import SLUG_PATTERN
from web_editor.config import editor_config
from web_editor.contract import (
    BODY, COLLECTIONS, COMPONENTS, CONFIG_FILE, CONFIG_KEYS, FIELDS, FORMAT_NAME, ORIGINAL_TEXT, PATH_DATE_FIELD, PATH_DATE_KEYS,
    WIDGETS, office_collection,
)
from photos.figures import GALLERY_LABEL, GALLERY_MINIMUM
from sitelib.file_kinds import DOCUMENT, FILE_KINDS, MAX_FILE_BYTES, suffixes
from sitelib.site_folders import DOCUMENT_FOLDER
from video_embeds.embed_markup import PLAY_TEXT
from video_embeds.providers import PROVIDERS
from web_editor.preview_header import SLOT_MARKS, SLOTS

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
CONFIG = editor_config(SETTINGS, REGISTRY, ["Haji dan Umrah"])
SITE = CONFIG["site"]
SCRIPTS = sorted((ROOT / "web_editor" / "src").glob("*.js"))


def test_the_configuration_carries_every_shared_name():
    offices = [office_collection(code) for code in REGISTRY.offices]
    assert SITE["collections"] == {**COLLECTIONS, "offices": offices}
    assert [collection["name"] for collection in CONFIG["collections"]] == [COLLECTIONS["pages"], *offices]
    assert SITE["format"] == {"name": FORMAT_NAME, "extension": CONTENT_EXTENSION}
    assert {collection["format"] for collection in CONFIG["collections"]} == {FORMAT_NAME}
    form = {field["name"] for collection in CONFIG["collections"] for field in collection["fields"]}
    assert SITE["fields"] == FIELDS and set(FIELDS.values()) <= form
    assert (SITE["body"], SITE["original_text"]) == (BODY, ORIGINAL_TEXT) and {BODY, ORIGINAL_TEXT} <= form
    assert SITE["path_date"]["keys"] == PATH_DATE_KEYS
    assert SITE["widgets"] == WIDGETS and SITE["config_keys"] == CONFIG_KEYS
    assert SITE["date_format"] == EDITOR_DATE_FORMAT
    assert SITE["time_zone"] == SETTINGS["TIMEZONE"]
    assert (SITE["dates"]["day_names"], SITE["dates"]["month_names"]) == (list(DAY_NAMES), list(MONTH_NAMES))
    assert SITE["slug"]["pattern"] == SLUG_PATTERN
    assert len(SITE["slug"]["substitutions"]) == len(SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])


def test_the_shared_names_follow_the_settings():
    elsewhere = editor_config({**SETTINGS, "TIMEZONE": "Asia/Makassar", "SLUG_REGEX_SUBSTITUTIONS": [(r"&", "dan")]},
                              REGISTRY, ["Haji dan Umrah"])["site"]
    assert elsewhere["time_zone"] == "Asia/Makassar" and elsewhere["dates"]["time"][-1] == {"text": " WITA"}
    assert [(rule["source"], rule["replacement"]) for rule in elsewhere["slug"]["substitutions"]] == [("&", "dan")]


def test_the_configuration_carries_the_photo_standard(tmp_path):
    """What the editor prepares uploads to (web_editor/src/photo-prepare.js) is photos.preparing's and
    photos.standard's, the qualities as the canvas takes them."""
    photo = SITE["photo"]
    assert photo["max_edge"] == SETTINGS["PHOTO_MAX_EDGE"] and photo["max_bytes"] == MAX_BYTES
    assert [round(photo[key] * 100) for key in ("quality", "lowest_quality", "quality_step")] == [
        JPEG_QUALITY, LOWEST_QUALITY, QUALITY_STEP]
    assert photo["shrink_step"] == SHRINK_STEP
    assert set(photo["jpeg_markers"]) == JPEG_PICTURE_MARKERS
    assert {chunk.encode() for chunk in photo["png_chunks"]} == PNG_PICTURE_CHUNKS
    assert photo["accept"].split(",") == ["image/*", *PHOTO_SUFFIXES]
    # The two kinds a prepared photo is: the names and types photos.preparing gives its files.
    opaque, transparent = tmp_path / "foto.webp", tmp_path / "logo.webp"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(opaque)
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(transparent)
    for kind, path, pillow_format in (("opaque", opaque, "JPEG"), ("transparent", transparent, "PNG")):
        assert photo[kind]["suffix"] == prepare_photo(path, Standard()).suffix
        assert photo[kind]["type"] == mimetypes.guess_type(f"foto{photo[kind]['suffix']}")[0] == Image.MIME[pillow_format]


def test_the_photo_standard_follows_the_setting():
    assert editor_config({**SETTINGS, "PHOTO_MAX_EDGE": 1600}, REGISTRY, ["Haji dan Umrah"])["site"]["photo"]["max_edge"] == 1600


def test_widgets_and_our_own_keys_are_the_contract_s():
    """Every widget of ours and every key of ours in Decap's configuration is the one the contract names."""
    fields = [field for collection in CONFIG["collections"] for field in collection["fields"]]
    ours = {field["widget"] for field in fields} - {"string", "text", "markdown", "list", "select", "image", "hidden"}
    # The document control is used by the body's document component (body-components.js), not by a form field.
    assert ours == set(WIDGETS.values()) - {WIDGETS["document"]}
    dates = [field for field in fields if field["widget"] == WIDGETS["datetime"]]
    assert dates and all(field[CONFIG_KEYS["time_zone"]] == SETTINGS["TIMEZONE"] for field in dates)
    assert all(field["format"] == EDITOR_DATE_FORMAT for field in dates)
    [alt] = {field["name"]: field for field in fields if field["widget"] == WIDGETS["image_text"]}.values()
    assert alt[CONFIG_KEYS["image_field"]] == FIELDS["image"]
    for name in SITE["collections"]["offices"]:
        articles = next(collection for collection in CONFIG["collections"] if collection["name"] == name)
        assert articles[CONFIG_KEYS["path_date_field"]] == PATH_DATE_FIELD


def test_the_page_names_the_configuration_file(site):
    """main.js cannot read the configuration's name from the configuration: the page carries it."""
    assert site.soup("admin/").body["data-config"] == CONFIG_FILE
    assert json.loads(site.path(f"admin/{CONFIG_FILE}").read_text())["site"]["collections"] == SITE["collections"]


def test_the_slug_field_and_the_checks_share_one_pattern():
    from content_checks.rules import SLUG

    slug_field = next(f for c in CONFIG["collections"] for f in c["fields"] if f["name"] == FIELDS["slug"])
    assert slug_field["pattern"][0] == f"^({SLUG_PATTERN})?$" and SLUG.pattern == SLUG_PATTERN
    assert {collection["slug"] for collection in CONFIG["collections"]} == {"{{fields.%s}}" % FIELDS["slug"]}


def code_of(script) -> str:
    """A script without its comments (they may name what they explain)."""
    text = re.sub(r"/\*.*?\*/", "", script.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"(^|\s)//[^\n]*", r"\1", text)


def shared_literals() -> dict[str, re.Pattern]:
    """What no script may spell: every shared name as a quoted literal, field names and our own configuration
    keys also as a property (data.Title, collection.path_date_field; the `site` section's own structure,
    site.time_zone and site.config_keys.time_zone, is how the scripts read the contract), the configuration's
    file name, the date and zone words, the header's date format and a hand-written date regex, the slug
    rules and the slot marks."""
    quoted = lambda name: re.compile(rf"""['"`]{re.escape(name)}['"`]""")
    literals = {name: quoted(name) for name in (BODY, ORIGINAL_TEXT, FORMAT_NAME, *COLLECTIONS.values(),
                                                 *PATH_DATE_KEYS.values(), *SLOTS, *WIDGETS.values())}
    for name in (field.name for field in known_fields().values()):
        literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]|\.{re.escape(name)}\b""")
    for name in CONFIG_KEYS.values():
        literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]|(?<!\bsite)(?<!\bconfig_keys)\.{re.escape(name)}\b""")
    literals[CONFIG_FILE] = re.compile(re.escape(CONFIG_FILE))
    for word in (*DAY_NAMES, *MONTH_NAMES, "WIB", "WITA", "Asia/", "menit baca"):
        literals[word] = re.compile(re.escape(word))
    literals["slug rule"] = re.compile(r"\[a-z0-9\]|\[\^\\w\\s-\]|\[-\\s\]")
    literals["slot mark"] = re.compile(r"\\ue00[01]|[\ue000\ue001]")
    literals["date pattern"] = re.compile(rf"EEEE|{re.escape(EDITOR_DATE_FORMAT)}")
    literals["date regex"] = re.compile(r"\\d\{\d\}|\\d\\d")
    # The photo standard's numbers, types and names (LOWEST_QUALITY's 0.5 is left out: a half is also a half).
    photo = SITE["photo"]
    literals["photo max edge"] = re.compile(rf"\b{photo['max_edge']}\b")
    literals["photo max bytes"] = re.compile(rf"\b{MAX_BYTES}\b|\b{MAX_BYTES:_}\b|\b1e6\b")
    for key in ("quality", "quality_step", "shrink_step"):
        literals[f"photo {key}"] = re.compile(rf"(?<![\d.])0?{re.escape(str(photo[key]).lstrip('0'))}(?![\d])")
    for name in (photo["opaque"]["type"], photo["transparent"]["type"], *PHOTO_SUFFIXES):
        literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]""")
    # Documents (sitelib.file_kinds), galleries (photos.figures), videos and posts (video_embeds): endings, types,
    # the byte limit, the folder, the component names, the provider hosts and ID rules, the player's words.
    for kind in FILE_KINDS.values():
        for name in (kind.suffix, kind.media_type):
            literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]""")
    literals["document bytes"] = re.compile(rf"\b{MAX_FILE_BYTES}\b|\b{MAX_FILE_BYTES:_}\b|\b50e6\b|\b5e7\b")
    literals["document folder"] = re.compile(rf"""['"`/]{re.escape(DOCUMENT_FOLDER)}\b""")
    literals["pdf signature"] = re.compile(r"%PDF|\\x25PDF|PK\\x03|\\xd0\\xcf")
    for name in COMPONENTS.values():
        literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]""")
    literals["gallery label"] = re.compile(rf"""['"`]{re.escape(GALLERY_LABEL)}['"`]""")
    for host in sorted({host for provider in PROVIDERS for host in provider.hosts}):
        literals[host] = re.compile(rf"(?<![\w.-]){re.escape(host)}\b")
    literals["video id rule"] = re.compile(r"\{11\}")
    literals[PLAY_TEXT] = re.compile(re.escape(PLAY_TEXT))
    literals["site class"] = re.compile(r"video-facade|embed-card|gallery-item|file-info")
    return literals


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_spells_a_shared_name(script):
    code = code_of(script)
    found = [name for name, pattern in shared_literals().items() if pattern.search(code)]
    assert found == [], f"{script.name} names {found}: read them from the configuration's site section"


def test_the_configuration_carries_the_body_components_rules():
    """Documents (sitelib.file_kinds), galleries (photos.figures) and embeds (video_embeds) as the build has them."""
    documents = SITE["documents"]
    assert [kind["suffix"] for kind in documents["kinds"]] == list(suffixes(DOCUMENT))
    assert {kind["label"] for kind in documents["kinds"]} == {FILE_KINDS[suffix].label for suffix in suffixes(DOCUMENT)}
    assert documents["max_bytes"] == MAX_FILE_BYTES and documents["folder"] == f"content/{DOCUMENT_FOLDER}"
    assert documents["public_folder"] == "{static}/" + DOCUMENT_FOLDER
    assert SITE["gallery"]["minimum"] == GALLERY_MINIMUM and SITE["gallery"]["label"] == GALLERY_LABEL
    assert [provider["hosts"] for provider in SITE["embeds"]["providers"]] == [sorted(provider.hosts) for provider in PROVIDERS]
    assert SITE["components"] == COMPONENTS


def test_the_grep_finds_what_it_looks_for():
    """The literal check is no formality: the old scripts' names are caught."""
    old = ("const FORMAT = 'pelican-md'; CMS.registerPreviewTemplate('berita'); value('Image_alt'); data.Title; 'Asia/Jakarta';"
           "CMS.registerWidget('image_text', a); CMS.registerWidget('site_datetime', b); field.get('image_field');"
           "if (!collection.path_date_field) field.time_zone; fetch(new URL('config.json', import.meta.url));"
           r"const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/; format: 'YYYY-MM-DD HH:mm';"
           "const MAX_EDGE = 2048, MAX_BYTES = 1_000_000; canvas.toBlob(done, 'image/jpeg', .8); edge *= 0.85;"
           "quality -= 0.1; name + '.jpg'; if (suffix === '.pdf') max = 50_000_000; head.startsWith('%PDF');"
           "const HOSTS = ['www.youtube.com', 'youtu.be']; /[A-Za-z0-9_-]{11}/; CMS.registerEditorComponent({id: 'galeri_foto'});")
    literals = shared_literals()
    assert {name for name, pattern in literals.items() if pattern.search(old)} >= {
        "pelican-md", "berita", "Image_alt", "Title", "Asia/", "image_text", "site_datetime", "image_field",
        "path_date_field", "time_zone", "config.json", "date pattern", "date regex", "photo max edge", "photo max bytes",
        "photo quality", "photo quality_step", "photo shrink_step", "image/jpeg", ".jpg", ".pdf", "document bytes",
        "pdf signature", "www.youtube.com", "youtu.be", "video id rule", "galeri_foto"}
    # The contract's own section is how the scripts read it: site.time_zone is no spelled key.
    assert not literals["time_zone"].search("site.time_zone; const { time_zone: timeZone } = site; site.config_keys.time_zone")


def skeleton(html: str) -> list[tuple]:
    """The elements of an HTML fragment in order: tag, class and attribute names."""
    soup = BeautifulSoup(html, "html.parser")
    return [(element.name, tuple(element.get("class", ())), tuple(sorted(element.attrs))) for element in soup.find_all(True)]


def test_the_preview_header_is_the_partials_rendered_with_slots():
    header = SITE["preview"]["article_header"]
    assert header.startswith('  <header class="article-header">') and '<figure class="featured-photo">' in header
    slots = set(re.findall(f"{SLOT_MARKS[0]}([^{SLOT_MARKS[1]}]*){SLOT_MARKS[1]}", header))
    assert slots == set(SLOTS)  # every slot the partials show is listed, and no other
    for name, slot in SLOTS.items():
        assert not slot or slot["field"] in set(FIELDS.values()) | {BODY}, name
    partial = (ROOT / "theme" / "templates" / "partials" / "article_header.html").read_text()
    assert '{% include "partials/article_header.html" +%}' in (ROOT / "theme" / "templates" / "article.html").read_text()
    assert "Penulis/editor:" in partial and "Penulis/editor:" in header


def test_published_articles_and_the_preview_share_the_header(site):
    """The built page's header and photo have the elements of the preview's (the same partials)."""
    page = site.path("2024/05/manasik-haji-bergambar/") if site.path("2024/05/manasik-haji-bergambar/").exists() else None
    page = page or next(path for path in site.html_files() if 'class="article-header"' in path.read_text())
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    built = str(soup.find("header", class_="article-header"))
    preview = skeleton(str(BeautifulSoup(SITE["preview"]["article_header"], "html.parser").find("header")))
    # The preview's header has every optional part; the page has those its article fills, in the same order.
    remaining = iter(preview)
    assert all(element in remaining for element in skeleton(built))
    assert len(skeleton(built)) >= len(preview) - 2  # only the update note (span, time) may be missing here
    config = json.loads(site.path("admin/config.json").read_text())
    assert config["site"]["preview"]["article_header"] == SITE["preview"]["article_header"]


def test_the_page_preview_header_is_the_page_partial_rendered_with_slots():
    header = SITE["preview"]["page_header"]
    assert header == f"  <h1>{SLOT_MARKS[0]}title{SLOT_MARKS[1]}</h1>"
    assert '{% include "partials/page_header.html" +%}' in (ROOT / "theme" / "templates" / "page.html").read_text()


def test_published_pages_and_the_preview_share_the_header(site):
    """A built page's title is the page partial's markup, where the preview shows it."""
    soup = site.soup("tentang-kami/")
    built = soup.find("article", class_="article").find(True)
    assert str(built) == SITE["preview"]["page_header"].strip().replace(f"{SLOT_MARKS[0]}title{SLOT_MARKS[1]}", "Tentang Kami")


def test_no_account_name_reaches_the_public_editor_configuration(site):
    """admin/config.json is public: it names offices and folders, never who may publish (data/editors.toml's
    accounts, or the example accounts its comments show)."""
    import tomllib

    editors_file = ROOT / "data" / "editors.toml"
    accounts = {entry["github"] for entry in tomllib.loads(editors_file.read_text(encoding="utf-8")).get("editor", [])}
    accounts |= set(re.findall(r'^# github = "([^"]+)"', editors_file.read_text(encoding="utf-8"), re.M))
    assert {"nama-akun-github", "akun-kanwil"} <= accounts
    published = site.path(f"admin/{CONFIG_FILE}").read_text(encoding="utf-8").lower()
    assert [account for account in accounts if account.lower() in published] == []
    assert '"editors"' not in published and "editors.toml" not in published
