"""Every name the web editor's JavaScript shares with Python, in one place.

The build writes `site_contract(settings)` into admin/config.json as its
`site` section; web_editor/src/ reads collection names, the format name,
field names, widget names, our own configuration keys, slug rules, the
time zone, the header's date format, the date text, the preview's article
and page headers and the photo standard uploads are prepared to from there
and spells none of them (a test greps the scripts). main.js takes the section
out before Decap sees the configuration.
"""

from babel.dates import tokenize_pattern
from PIL import Image

from content_checks.fields import known_fields
from indonesian_dates.formatting import DAY_NAMES, LONG_DATE_PATTERN, MONTH_NAMES, TIME_PATTERN, zone_label
from photos.preparing import JPEG_QUALITY, LOWEST_QUALITY, QUALITY_STEP, SHRINK_STEP
from photos.standard import JFIF_LENGTH, JPEG_PICTURE_MARKERS, MAX_BYTES, PNG_PICTURE_CHUNKS, STANDARD_SUFFIXES, standard_for
from sitelib.article_files import EDITOR_DATE_FORMAT, article_path_template
from sitelib.content_files import CONTENT_EXTENSION, PHOTO_SUFFIXES
from sitelib.errors import SiteConfigError
from sitelib.slugs import editor_slug_rules

FORMAT_NAME = "pelican-md"  # our file format (web_editor/src/pelican-format.js), as collections name it
# The configuration's file in /admin/. The scripts cannot read its name from the configuration itself:
# write.py renders it into the page (admin.html's data-config), where main.js finds it.
CONFIG_FILE = "config.json"
# Our own widgets, by their role: the photo's text alternative (web_editor/src/image-text-widget.js) and
# the date control with "now" in the site's zone (site-datetime-widget.js), the document upload
# (documents.js).
WIDGETS = {"image_text": "image_text", "datetime": "site_datetime", "document": "site_document"}
# The body's own editor components (web_editor/src/body-components.js), by their role: a document link,
# a gallery, a video or social post address alone on its line.
COMPONENTS = {"document": "dokumen", "gallery": "galeri_foto", "embed": "video_kiriman"}
# Keys of our own in Decap's configuration, which the scripts read there: a collection's field whose date
# names new files, a date field's time zone, the photo field a text alternative belongs to.
CONFIG_KEYS = {"path_date_field": "path_date_field", "time_zone": "time_zone", "image_field": "image_field"}
# The pages' collection, and the start of each office's articles collection: "berita-kab-wonosobo"
# (office_collection). Office codes are stable (they are the office pages' addresses), so these names
# never change: the editorial workflow names its branches after them.
COLLECTIONS = {"articles": "berita", "pages": "halaman"}
# The metadata fields the scripts act on, by their role (names as data/metadata_fields.toml spells them).
FIELDS = {
    "title": "Title", "date": "Date", "modified": "Modified", "status": "Status", "category": "Category",
    "author": "Author", "slug": "Slug", "offices": "Offices", "reporting_office": "Reporting_office",
    "image": "Image", "image_alt": "Image_alt", "image_caption": "Image_caption",
}
# Entry data that is no metadata field: the Markdown body and the file as it was read (so an
# unchanged save writes it back byte for byte).
BODY, ORIGINAL_TEXT = "body", "original_text"
# The keys of the date of a new file's name, which the collection's `path` names and the
# editor fills from PATH_DATE_FIELD before saving (web_editor/src/file-path.js).
PATH_DATE_KEYS = {"year": "date_year", "month": "date_month", "day": "date_day"}
PATH_DATE_FIELD = FIELDS["date"]
# Where a new article's file goes, as sitelib.article_files names it, with the keys above.
ARTICLE_PATH = article_path_template(PATH_DATE_KEYS)

# CLDR pattern letters (babel.dates.tokenize_pattern's (letter, count)) the editor's date text writes.
DATE_PARTS = {
    ("E", 4): "weekday_name", ("d", 1): "day", ("d", 2): "day2", ("M", 4): "month_name", ("L", 4): "month_name",
    ("M", 1): "month", ("M", 2): "month2", ("y", 1): "year", ("y", 4): "year",
    ("H", 1): "hour", ("H", 2): "hour2", ("m", 2): "minute2",
}


def office_collection(code: str) -> str:
    """The name of the web editor's collection of one office's articles (content/articles/CODE/)."""
    return f"{COLLECTIONS['articles']}-{code}"


def field_names() -> list[str]:
    """Every field the contract names, checked against data/metadata_fields.toml."""
    known = {field.name for field in known_fields().values()}
    missing = sorted(set(FIELDS.values()) - known)
    if missing:
        raise SiteConfigError(f"Kolom {', '.join(missing)} dipakai editor web tetapi tidak ada di data/metadata_fields.toml.")
    return list(FIELDS.values())


def pattern_parts(pattern: str) -> list[dict]:
    """A CLDR date pattern as parts the editor writes: {"text": …} as is, {"part": …} from the date."""
    parts = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            parts.append({"text": value})
        elif value in DATE_PARTS:
            parts.append({"part": DATE_PARTS[value]})
        else:
            raise SiteConfigError(f"Pola tanggal '{pattern}': huruf {value[0] * value[1]} belum dikenal editor web.")
    return parts


def date_text(time_zone: str) -> dict:
    """How the site writes a date ("Selasa, 23 Agustus 2022") and a time ("15.00 WIB"):
    indonesian_dates' patterns and names."""
    return {
        "date": pattern_parts(LONG_DATE_PATTERN),
        "time": pattern_parts(TIME_PATTERN) + [{"text": f" {zone_label(time_zone)}"}],
        "day_names": list(DAY_NAMES),  # Monday first
        "month_names": list(MONTH_NAMES),
    }


def prepared_kind(image_format: str) -> dict:
    """A kind of prepared photo file (Pillow's format name): the suffix its name gets, its MIME type."""
    return {"suffix": STANDARD_SUFFIXES[image_format][0], "type": Image.MIME[image_format]}


def photo_rules(settings) -> dict:
    """How the editor prepares every photo before it is uploaded (web_editor/src/photo-prepare.js), as
    photos.preparing prepares one: the standard's long edge and byte limit, the JPEG qualities (as the
    canvas takes them, 0.8 for 80), the shrink factor, the two kinds a prepared photo is (PNG only when a
    pixel is transparent) and the JPEG segments and PNG chunks a picture keeps (photos.standard).
    `accept` is what the file picker offers: any image, and every photo name the site knows, so a HEIC
    copied to a computer that does not call it an image is offered too (Safari decodes it; a browser that
    cannot is told what to do). iPhones hand Safari a JPEG whatever the list says."""
    return {
        "max_edge": standard_for(settings).max_edge,
        "max_bytes": MAX_BYTES,
        "quality": JPEG_QUALITY / 100,
        "lowest_quality": LOWEST_QUALITY / 100,
        "quality_step": QUALITY_STEP / 100,
        "shrink_step": SHRINK_STEP,
        "opaque": prepared_kind("JPEG"),
        "transparent": prepared_kind("PNG"),
        "jpeg_markers": sorted(JPEG_PICTURE_MARKERS),
        "jfif_length": JFIF_LENGTH,
        "png_chunks": sorted(chunk.decode("ascii") for chunk in PNG_PICTURE_CHUNKS),
        "accept": ",".join(["image/*", *PHOTO_SUFFIXES]),
    }


def site_contract(settings, preview: dict, office_codes: list[str]) -> dict:
    """The `site` section of the configuration (CONFIG_FILE); `preview` is the headers (preview_header.py);
    `office_codes` the offices whose articles collections the configuration has, in its order."""
    field_names()
    return {
        "format": {"name": FORMAT_NAME, "extension": CONTENT_EXTENSION},
        "collections": {**COLLECTIONS, "offices": [office_collection(code) for code in office_codes]},
        "fields": dict(FIELDS),
        "header_order": [field.name for field in known_fields().values()],  # as files list them
        "body": BODY,
        "original_text": ORIGINAL_TEXT,
        "widgets": dict(WIDGETS),
        "components": dict(COMPONENTS),
        "config_keys": dict(CONFIG_KEYS),
        "path_date": {"field": PATH_DATE_FIELD, "keys": dict(PATH_DATE_KEYS)},
        "date_format": EDITOR_DATE_FORMAT,  # how the header writes a date (sitelib.article_files)
        "time_zone": settings["TIMEZONE"],
        "dates": date_text(settings["TIMEZONE"]),
        "slug": editor_slug_rules(settings),
        "preview": preview,
        "photo": photo_rules(settings),
    }
