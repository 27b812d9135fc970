"""One source for every name the web editor's JavaScript shares with Python (plugins/web_editor/contract.py)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from conftest import ROOT
from content_checks.fields import known_fields
from indonesian_dates.formatting import DAY_NAMES, MONTH_NAMES
from office_tags.registry import load_registry
from sitelib.content_files import CONTENT_EXTENSION
from sitelib.slugs import SLUG_PATTERN
from web_editor.config import editor_config
from web_editor.contract import BODY, COLLECTIONS, FIELDS, FORMAT_NAME, ORIGINAL_TEXT, PATH_DATE_KEYS
from web_editor.preview_header import SLOT_MARKS, SLOTS

REGISTRY = load_registry(ROOT / "data" / "offices.toml")
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
CONFIG = editor_config(SETTINGS, REGISTRY, ["Haji dan Umrah"])
SITE = CONFIG["site"]
SCRIPTS = sorted((ROOT / "web_editor" / "src").glob("*.js"))


def test_the_configuration_carries_every_shared_name():
    assert SITE["collections"] == COLLECTIONS
    assert sorted(COLLECTIONS.values()) == sorted(collection["name"] for collection in CONFIG["collections"])
    assert SITE["format"] == {"name": FORMAT_NAME, "extension": CONTENT_EXTENSION}
    assert {collection["format"] for collection in CONFIG["collections"]} == {FORMAT_NAME}
    form = {field["name"] for collection in CONFIG["collections"] for field in collection["fields"]}
    assert SITE["fields"] == FIELDS and set(FIELDS.values()) <= form
    assert (SITE["body"], SITE["original_text"]) == (BODY, ORIGINAL_TEXT) and {BODY, ORIGINAL_TEXT} <= form
    assert SITE["path_date"]["keys"] == PATH_DATE_KEYS
    assert SITE["time_zone"] == SETTINGS["TIMEZONE"]
    assert (SITE["dates"]["day_names"], SITE["dates"]["month_names"]) == (list(DAY_NAMES), list(MONTH_NAMES))
    assert SITE["slug"]["pattern"] == SLUG_PATTERN
    assert len(SITE["slug"]["substitutions"]) == len(SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])


def test_the_shared_names_follow_the_settings():
    elsewhere = editor_config({**SETTINGS, "TIMEZONE": "Asia/Makassar", "SLUG_REGEX_SUBSTITUTIONS": [(r"&", "dan")]},
                              REGISTRY, ["Haji dan Umrah"])["site"]
    assert elsewhere["time_zone"] == "Asia/Makassar" and elsewhere["dates"]["time"][-1] == {"text": " WITA"}
    assert [(rule["source"], rule["replacement"]) for rule in elsewhere["slug"]["substitutions"]] == [("&", "dan")]


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
    """What no script may spell: every shared name as a quoted literal, field names also as a property
    (data.Title), the date and zone words, the slug rules and the slot marks."""
    quoted = lambda name: re.compile(rf"""['"`]{re.escape(name)}['"`]""")
    literals = {name: quoted(name) for name in (BODY, ORIGINAL_TEXT, FORMAT_NAME, *COLLECTIONS.values(),
                                                 *PATH_DATE_KEYS.values(), *SLOTS)}
    for name in (field.name for field in known_fields().values()):
        literals[name] = re.compile(rf"""['"`]{re.escape(name)}['"`]|\.{re.escape(name)}\b""")
    for word in (*DAY_NAMES, *MONTH_NAMES, "WIB", "WITA", "Asia/", "menit baca"):
        literals[word] = re.compile(re.escape(word))
    literals["slug rule"] = re.compile(r"\[a-z0-9\]|\[\^\\w\\s-\]|\[-\\s\]")
    literals["slot mark"] = re.compile(r"\\ue00[01]|[\ue000\ue001]")
    literals["date pattern"] = re.compile(r"EEEE|YYYY-MM-DD HH:mm")
    return literals


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_spells_a_shared_name(script):
    code = code_of(script)
    found = [name for name, pattern in shared_literals().items() if pattern.search(code)]
    assert found == [], f"{script.name} names {found}: read them from the configuration's site section"


def test_the_grep_finds_what_it_looks_for():
    """The literal check is no formality: the old scripts' names are caught."""
    old = "const FORMAT = 'pelican-md'; CMS.registerPreviewTemplate('berita'); value('Image_alt'); data.Title; 'Asia/Jakarta'"
    literals = shared_literals()
    assert {name for name, pattern in literals.items() if pattern.search(old)} >= {"pelican-md", "berita", "Image_alt", "Title", "Asia/"}


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
