"""Slugs: the address part of an article or page, one set of rules for the build, the checks and the web editor.

Pelican makes a slug of a title with `pelican.utils.slugify` and the settings
SLUG_REGEX_SUBSTITUTIONS, SLUGIFY_PRESERVE_CASE and SLUGIFY_USE_UNICODE;
`title_slug` calls it exactly so. `SLUG_PATTERN` is what an address part may
be (content_checks refuses anything else; the web editor's Slug field checks
the same pattern). `editor_slug_rules` writes Pelican's steps as data for the
web editor's JavaScript (web_editor/src/slug.js), which has no Python:
the substitutions as JavaScript regular expressions (sitelib/slug_regex_js.py),
the transliteration and entity tables (sitelib/slug_tables.py).
tests/test_editor_contract_slugs.py runs both over one table.
"""

import html

from pelican.utils import slugify

from .errors import SiteConfigError
from .slug_regex_js import js_regex, js_substitution
from .slug_tables import entity_table, python_whitespace, transliteration_blocks

# Lower-case ASCII letters and digits in runs joined by single dashes.
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def slug_settings(settings, substitutions_setting: str = "SLUG_REGEX_SUBSTITUTIONS") -> dict:
    """The arguments Pelican gives `slugify` for titles (or, with another setting, for category, tag, author names)."""
    substitutions = settings.get(substitutions_setting, settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return {
        "regex_subs": tuple(tuple(pair) for pair in substitutions),
        "preserve_case": bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
        "use_unicode": bool(settings.get("SLUGIFY_USE_UNICODE", False)),
    }


def title_slug(title: str, settings) -> str:
    """The slug Pelican gives a page or article without a Slug field."""
    return slugify(title, **slug_settings(settings))


def editor_slug_rules(settings) -> dict:
    """Pelican's slugify for titles, as data the web editor's slug.js follows step by step."""
    arguments = slug_settings(settings)
    if arguments["use_unicode"]:
        raise SiteConfigError(
            "SLUGIFY_USE_UNICODE = True belum didukung editor web (slug.js membuat slug ASCII seperti Pelican "
            "dengan nilai bawaan False). Hapus pengaturan itu dari pelicanconf.py."
        )
    return {
        "pattern": SLUG_PATTERN,
        "whitespace": python_whitespace(),
        # html.unescape's own pattern of a character reference (a module-private name, read rather than copied).
        "entities": {**entity_table(), "reference": js_regex(html._charref.pattern)},
        "transliteration": transliteration_blocks(),
        "substitutions": [js_substitution(source, replacement) for source, replacement in arguments["regex_subs"]],
        "preserve_case": arguments["preserve_case"],
    }
