"""Typogrify, applied by our reader so that Pelican's reader cache holds its result.

Pelican applies typogrify (setting TYPOGRIFY) after its reader cache: on every
cached article at every build, which at 50,000 articles is minutes of work
repeated for text that has not changed. Our reader applies it instead
(setting READER_TYPOGRIFY, with Pelican's own TYPOGRIFY off), to the same text
with the same settings, so the result is the same and is cached with the rest.
"""

import smartypants
from typogrify.filters import typogrify

READER_TYPOGRIFY = "READER_TYPOGRIFY"
# Pelican's TYPOGRIFY_DASHES values and the smartypants attributes they select (anything else: the default).
DASHES = {"oldschool": smartypants.Attr.set2, "oldschool_inverted": smartypants.Attr.set3}


class DoubleTypogrify(ValueError):
    """Both Pelican and our reader were asked to typogrify: quotes would be curled twice."""


def reader_typogrifies(settings) -> bool:
    if settings.get(READER_TYPOGRIFY) and settings.get("TYPOGRIFY"):
        raise DoubleTypogrify("TYPOGRIFY dan READER_TYPOGRIFY tidak boleh sama-sama aktif: pilih READER_TYPOGRIFY.")
    return bool(settings.get(READER_TYPOGRIFY))


def typogrified(text: str, settings) -> str:
    """`text` as Pelican's reader would typogrify it with these settings."""
    smartypants.Attr.default = DASHES.get(settings.get("TYPOGRIFY_DASHES"), smartypants.Attr.set1) | smartypants.Attr.w
    return typogrify(text, settings.get("TYPOGRIFY_IGNORE_TAGS", []),
                     **dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False))
