"""The Decap CMS configuration of the web editor, made from our data files.

Fields come from data/metadata_fields.toml (labels, hints, controls, order)
and offices from data/offices.toml, so adding an office or a field there
changes the editor with no other edit. Written as JSON, which Decap reads
as it is (`CMS.init({config})`).
"""

import os
from pathlib import Path

from content_checks.fields import Field, known_fields
from office_tags.registry import Registry
from photos.standard import STANDARD_SUFFIXES
from sitelib.article_files import EDITOR_DATE_FORMAT
from sitelib.content_files import CONTENT_EXTENSION
from sitelib.file_kinds import DOCUMENT, suffixes
from sitelib.site_folders import DOCUMENT_FOLDER
from sitelib.slugs import SLUG_PATTERN

from .contract import (
    ARTICLE_PATH, BODY, COLLECTIONS, CONFIG_KEYS, FIELDS, FORMAT_NAME, ORIGINAL_TEXT, PATH_DATE_FIELD, WIDGETS, office_collection,
    site_contract,
)
from .body_components import body_components_contract
from .preview_header import preview_contract

# Each office's articles are one collection, the office's folder content/articles/OFFICE/ (sitelib.article_files):
# with 50,000 articles a collection lists about 1,400 files, not all of them (Decap reads every file of a collection
# to sort it, and with the GitHub backend makes two requests per file on a browser's first visit; README).
# New files go to content/articles/OFFICE/YYYY/YYYY-MM-DD-slug.md, as `invoke new` names them
# (sitelib.article_files), with the date of the article's own Date (WIB wall time). Decap's {{year}}…
# would be the UTC clock's, so web_editor/src/file-path.js fills the keys of ARTICLE_PATH from
# PATH_DATE_FIELD before a new entry is saved. {{slug}} is the entry's Slug field, which the editor
# fills from the title with Pelican's rules.

STATUS_OPTIONS = [
    {"label": "Draf (belum terbit)", "value": "draft"},
    {"label": "Terbit", "value": "published"},
    {"label": "Tersembunyi (terbit tanpa tampil di daftar)", "value": "hidden"},
]


def editor_folders(settings) -> dict[str, str]:
    """The folders the web editor works in, as the repository names them: articles, pages, photos,
    documents. The local proxy's guard (editorial/local_proxy.py) allows nothing outside them."""
    content = repository_folder(settings["PATH"])
    return {
        "articles": f"{content}/{settings['ARTICLE_PATHS'][0]}",
        "pages": f"{content}/{settings['PAGE_PATHS'][0]}",
        "images": f"{content}/images",
        "documents": f"{content}/{DOCUMENT_FOLDER}",
    }


def editor_file_suffixes(settings) -> dict[str, tuple[str, ...]]:
    """The folders the web editor works in, each with the endings (compared exactly) its files may have
    there: articles and pages are .md files (sitelib.content_files), photos are the standard's JPEG and
    PNG names (photos.standard; the editor uploads only prepared photos), documents the document endings
    of sitelib.file_kinds in lower case (web_editor/src/documents.js names them so). The local proxy
    refuses any other file (a photo saved next to an article, a script or a raw HEIC among the photos,
    an HTML page among the documents)."""
    folders = editor_folders(settings)
    text = (f".{CONTENT_EXTENSION}",)
    photos = tuple(spelling for suffixes in STANDARD_SUFFIXES.values() for suffix in suffixes for spelling in (suffix, suffix.upper()))
    return {folders["articles"]: text, folders["pages"]: text, folders["images"]: photos, folders["documents"]: suffixes(DOCUMENT)}


def photo_folders(content: str) -> dict:
    """Photos go to content/images/ and are referenced as {static}/images/… (set per field:
    Decap wrote only the file name with the global setting alone)."""
    return {"media_folder": f"/{content}/images", "public_folder": "{static}/images"}


def office_options(registry: Registry, with_regions: bool) -> list[dict]:
    """Every office by its short name; for Offices also the former residencies (all their offices)."""
    options = [{"label": office.short_name, "value": office.code} for office in registry.offices.values()]
    if with_regions:
        for region in registry.regions.values():
            if region.parent is not None:  # the residencies, not the province
                count = len(registry.offices_in(region))
                options.append({"label": f"{region.name} (semua {count} kantor)", "value": region.code})
    return options


def form_field(field: Field, kind: str, registry: Registry, categories: list[str], content: str, time_zone: str) -> dict:
    """One Decap field (its `name` is the metadata key exactly as files write it).

    Dates are WIB wall time: WIDGETS["datetime"] (web_editor/src/site-datetime-widget.js) is Decap's
    control with "now" in the field's time zone (Pelican's TIMEZONE) whatever the browser's zone."""
    entry = {"label": field.label, "name": field.name, "hint": field.form_hint, "required": kind in field.required}
    controls = {
        "text": {"widget": "string"},
        "long_text": {"widget": "text"},
        "slug": {"widget": "string", "pattern": [f"^({SLUG_PATTERN})?$", "Huruf kecil, angka dan tanda minus saja."]},
        "date": {"widget": WIDGETS["datetime"], "format": EDITOR_DATE_FORMAT, "date_format": "DD-MM-YYYY", "time_format": "HH:mm",
                 "picker_utc": False, CONFIG_KEYS["time_zone"]: time_zone},
        "list": {"widget": "list"},
        "category": {"widget": "select", "options": categories},
        "office": {"widget": "select", "options": office_options(registry, with_regions=False)},
        "offices": {"widget": "select", "multiple": True, "min": 1, "options": office_options(registry, with_regions=True)},
        "status": {"widget": "select", "options": STATUS_OPTIONS},
        "image": {"widget": "image", "choose_url": False, **photo_folders(content)},
        "image_text": {"widget": WIDGETS["image_text"], CONFIG_KEYS["image_field"]: FIELDS["image"]},
    }
    entry.update(controls[field.input])
    if field.name == FIELDS["date"]:
        entry["default"] = "{{now}}"
    if field.input == "status":
        entry["default"] = "draft"  # new articles start as drafts, as with `invoke new`
    if field.input == "category" and categories:
        entry["default"] = categories[0]
    return entry


def collection_fields(kind: str, registry: Registry, categories: list[str], content: str, time_zone: str) -> list[dict]:
    fields = [form_field(f, kind, registry, categories, content, time_zone) for f in known_fields().values() if kind in f.kinds]
    body = {"label": "Isi berita" if kind == "article" else "Isi halaman", "name": BODY, "widget": "markdown", **photo_folders(content),
            "hint": "Pisahkan paragraf dengan satu baris kosong. Awali paragraf pertama dengan nama kota dan tanda pisah, misalnya: Wonosobo –"}
    # The file as it was read, so an unchanged save writes it back byte for byte.
    original = {"label": "Berkas asli", "name": ORIGINAL_TEXT, "widget": "hidden", "required": False}
    return fields + [body, original]


def backend(settings) -> dict:
    editor = settings["WEB_EDITOR"]
    if editor.get("local_backend"):
        return {"name": "proxy", "proxy_url": editor["local_backend"], "branch": editor.get("branch", "main")}
    backend_config = {"name": "github", "repo": editor.get("repository", ""), "branch": editor.get("branch", "main")}
    if editor.get("auth_url"):
        backend_config["base_url"] = editor["auth_url"]
    return backend_config


def repository_folder(path: str) -> str:
    """A folder as the repository names it (relative to the project, where builds run)."""
    relative = os.path.relpath(path)
    return Path(path).name if relative.startswith("..") else Path(relative).as_posix()


# How an office's list opens and what it offers: newest first by Date; by title or by the update date (the Modified
# field: Decap's own "commit_date" is empty with the local editor and costs a request per file on GitHub); a filter
# by status (a file without Status is published: web_editor/src/pelican-format.js reads it as ""); groups by year.
def list_settings() -> dict:
    date, title, status = FIELDS["date"], FIELDS["title"], FIELDS["status"]
    return {
        "sortable_fields": [
            {"field": date, "label": "Tanggal", "default_sort": "desc"},
            {"field": title, "label": "Judul"},
            {"field": FIELDS["modified"], "label": "Diperbarui"},
        ],
        "view_filters": [
            {"label": "Draf", "field": status, "pattern": "^draft$"},
            {"label": "Terbit", "field": status, "pattern": "^(published|hidden)?$"},
        ],
        "view_groups": [{"label": "Tahun", "field": date, "pattern": "^[0-9]{4}"}],
    }


def office_fields(fields: list[dict], code: str) -> list[dict]:
    """The article fields for one office's collection: Reporting_office is that office, written into every new
    file and never changed here (the file's folder is that office's: content_checks.placement); Offices starts
    with it."""
    adapted = []
    for entry in fields:
        if entry["name"] == FIELDS["reporting_office"]:
            entry = {**{key: value for key, value in entry.items() if key != "options"}, "widget": "hidden", "default": code}
        elif entry["name"] == FIELDS["offices"]:
            entry = {**entry, "default": [code]}
        adapted.append(entry)
    return adapted


def office_collections(common: dict, registry: Registry, article_fields: list[dict], articles_folder: str) -> list[dict]:
    """One collection per office of data/offices.toml, in its order, named by the office's code (stable)."""
    return [
        {**common, "name": office_collection(office.code), "label": f"Berita {office.short_name}", "label_singular": "Berita",
         "description": f"Berita yang diliput {office.name}: yang terbaru di atas. Simpan sebagai draf, ajukan untuk "
                        "ditinjau, lalu editor menerbitkannya.",
         "folder": f"{articles_folder}/{office.code}", "path": ARTICLE_PATH, CONFIG_KEYS["path_date_field"]: PATH_DATE_FIELD,
         **list_settings(), "fields": office_fields(article_fields, office.code)}
        for office in registry.offices.values()
    ]


def editor_config(settings, registry: Registry, categories: list[str]) -> dict:
    """The whole configuration for `CMS.init`."""
    local = bool(settings["WEB_EDITOR"].get("local_backend"))
    content = repository_folder(settings["PATH"])
    folders = editor_folders(settings)
    time_zone = settings["TIMEZONE"]
    categories = sorted(set(categories)) or [settings.get("DEFAULT_CATEGORY", "")]
    # Only the site's content files (sitelib.content_files): the collections list and write .md files.
    title, date = FIELDS["title"], FIELDS["date"]
    # New files are named by the Slug field ({{fields.…}}), which the editor fills from the title with
    # Pelican's slug rules before saving; Decap's own slug settings below then only name uploaded photos.
    # Photos go to content/images/ from every photo control, also the body's image component, whose own
    # field has no folders: without the collection's, Decap put its photo beside the article (a collection
    # with `path` defaults to the entry's folder) and wrote only the file name into the body.
    common = {"create": True, "extension": CONTENT_EXTENSION, "format": FORMAT_NAME, "identifier_field": title,
              "summary": "{{%s}} · {{%s}}" % (date, title), "slug": "{{fields.%s}}" % FIELDS["slug"], **photo_folders(content)}
    article_fields = collection_fields("article", registry, categories, content, time_zone)
    return {
        "load_config_file": False,
        "backend": backend(settings),
        # The local proxy writes files directly; review happens on GitHub.
        "publish_mode": "simple" if local else "editorial_workflow",
        "locale": "id",
        "site_url": settings["ABSOLUTE_SITEURL"],
        "display_url": settings["ABSOLUTE_SITEURL"],
        "media_folder": folders["images"],
        "public_folder": "{static}/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # The pages first: Decap opens the first collection on a first visit, and reading one office's whole archive
        # for an editor of another office would be wasted; later visits open the office used last
        # (web_editor/src/office-start.js).
        "collections": [
            {**common, "summary": "{{%s}}" % title, "name": COLLECTIONS["pages"], "label": "Halaman tetap", "label_singular": "Halaman",
             "description": "Halaman seperti Tentang Kami dan Kontak.",
             "folder": folders["pages"],
             "fields": collection_fields("page", registry, categories, content, time_zone)},
            *office_collections(common, registry, article_fields, folders["articles"]),
        ],
        # Ours, not Decap's: what web_editor/src/ shares with Python (contract.py); main.js takes it out.
        "site": {**site_contract(settings, preview_contract(settings), list(registry.offices)), **body_components_contract(content)},
    }
