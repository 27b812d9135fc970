"""The preview pane's article and page headers, rendered from the site's own templates once per build.

The header partial and the featured photo partial that article.html shows,
and the header partial that page.html shows, are rendered with a stand-in
article (page) whose every value is a slot: a name
between SLOT_MARKS. web_editor/src/preview-header.js puts the form's values
into the slots; where a slot stays empty, the attribute holding it goes, and
so does the outermost element holding nothing but empty slots (the credit
without an author, the photo without a picture), as the template's own
conditions leave them out of a page. So the preview shows the site's markup,
and a change to the partials changes the preview with no other edit.
"""

from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reading_aids.aids import READING_TIME_TEXT, WORDS_PER_MINUTE
from sitelib.slug_tables import python_whitespace

from .contract import BODY, FIELDS

PARTIALS = ("partials/article_header.html", "partials/featured_photo.html")
PAGE_PARTIALS = ("partials/page_header.html",)
SLOT_MARKS = ("\ue000", "\ue001")  # private-use characters: no title or template has them
# What fills each slot: a field's value `shown` as text, a date, a time, an ISO date, a photo's
# address or a reading time; `with` another field, only when that one is filled too.
SLOTS = {
    "title": {"field": FIELDS["title"], "shown": "text"},
    "category": {"field": FIELDS["category"], "shown": "text"},
    "date_text": {"field": FIELDS["date"], "shown": "date"},
    "time_text": {"field": FIELDS["date"], "shown": "time"},
    "date_iso": {"field": FIELDS["date"], "shown": "iso"},
    "modified_text": {"field": FIELDS["modified"], "shown": "date"},
    "modified_iso": {"field": FIELDS["modified"], "shown": "iso"},
    "author": {"field": FIELDS["author"], "shown": "text"},
    "reading_time": {"field": BODY, "shown": "reading_time"},
    "image": {"field": FIELDS["image"], "shown": "asset"},
    "image_alt": {"field": FIELDS["image_alt"], "shown": "text", "with": FIELDS["image"]},
    "image_caption": {"field": FIELDS["image_caption"], "shown": "text", "with": FIELDS["image"]},
    # Empty in the preview: a link out of the preview, the published address, the photo's
    # published variants and their size (the preview shows the uploaded file as it is).
    "category_url": {}, "canonical_url": {}, "image_srcset": {}, "image_width": {}, "image_height": {},
}
# The reading time as plugins/reading_aids writes it ("3 menit baca"): the words of the body's text as
# the reader sees it, split on Python's white space (str.split), as the plugin counts the rendered HTML's.
READING_TIME = {"words_per_minute": WORDS_PER_MINUTE, "text": READING_TIME_TEXT, "whitespace": python_whitespace()}


def slot(name: str) -> str:
    return f"{SLOT_MARKS[0]}{name}{SLOT_MARKS[1]}"


class StandInPhoto:
    """A featured photo as partials/photo_picture.html reads it, every value a slot."""

    source_types = ("image/webp",)
    width, height = slot("image_width"), slot("image_height")
    fallback = SimpleNamespace(published=slot("image"))

    def srcset(self, mime, siteurl):
        return slot("image_srcset")


def stand_in_article() -> SimpleNamespace:
    """An article with a slot for every value the partials show, and every optional part present."""
    return SimpleNamespace(
        plain_title=slot("title"),
        category=SimpleNamespace(url=slot("category_url"), name=slot("category")),
        date_iso=slot("date_iso"), date_text=slot("date_text"), time_text=slot("time_text"),
        reading_time=slot("reading_time"),
        authors=[SimpleNamespace(name=slot("author"))],
        modified_iso=slot("modified_iso"), modified_text=slot("modified_text"),
        canonical_url=slot("canonical_url"),
        featured_photo=SimpleNamespace(photo=StandInPhoto(), alt=slot("image_alt"), caption=slot("image_caption")),
    )


def template_environment(settings) -> Environment:
    """Jinja as Pelican sets it up for the theme (JINJA_ENVIRONMENT: autoescaping, block trimming), except
    that a value the stand-in lacks stops the build instead of showing nothing."""
    folders = [*settings.get("THEME_TEMPLATES_OVERRIDES", []), str(Path(settings["THEME"]) / "templates")]
    environment = Environment(loader=FileSystemLoader(folders), undefined=StrictUndefined, **settings["JINJA_ENVIRONMENT"])
    environment.filters.update(settings.get("JINJA_FILTERS", {}))
    environment.globals.update(settings.get("JINJA_GLOBALS", {}))
    return environment


def stand_in_page() -> SimpleNamespace:
    """A page with a slot for every value its header shows."""
    return SimpleNamespace(plain_title=slot("title"))


def rendered(settings, partials: tuple[str, ...], **context) -> str:
    """The partials rendered with slots (SITEURL empty: addresses in the preview come from the form)."""
    environment = template_environment(settings)
    context = {**settings, "SITEURL": "", **context}
    return "\n".join(environment.get_template(name).render(context) for name in partials)


def article_header(settings) -> str:
    return rendered(settings, PARTIALS, article=stand_in_article())


def page_header(settings) -> str:
    return rendered(settings, PAGE_PARTIALS, page=stand_in_page())


def preview_contract(settings) -> dict:
    """The `preview` part of the configuration's `site` section."""
    return {"article_header": article_header(settings), "page_header": page_header(settings),
            "slot_marks": list(SLOT_MARKS), "slots": SLOTS, "reading_time": READING_TIME}
