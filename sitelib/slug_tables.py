"""The tables behind Pelican's slugify, as data for the web editor (which has no Python).

Pelican's slugify strips tags and folds white space as MarkupSafe's
`striptags` does (Python's `str.split`), decodes entities as `html.unescape`
does, then transliterates to ASCII with `unidecode`. These functions take
the tables from those very modules, so the editor's slug.js follows them.
"""

import html
import html.entities
from functools import lru_cache

from unidecode import unidecode

# The Unicode blocks the editor transliterates as unidecode does: Latin (accents of
# Indonesian, Dutch and European names), Greek, Cyrillic, Arabic, Vietnamese,
# punctuation, currency, letter-like and number forms, enclosed digits. Any other
# non-ASCII character is dropped by the editor (unidecode drops emoji too, but it
# spells out Chinese, Thai and the like: a title in those scripts needs its Slug typed).
TRANSLITERATED_BLOCKS = (
    (0x0080, 0x0250), (0x0250, 0x0370), (0x0370, 0x0530), (0x0600, 0x0700),
    (0x1E00, 0x1F00), (0x2000, 0x2190), (0x2460, 0x2500),
)


@lru_cache(maxsize=None)
def python_whitespace() -> str:
    """Every character Python's str.split and str.strip treat as white space (JavaScript's \\s differs)."""
    return "".join(character for character in map(chr, range(0x110000)) if character.isspace())


@lru_cache(maxsize=None)
def transliteration_blocks() -> list[dict]:
    """[{start, text: [unidecode of each character from start on]}] for TRANSLITERATED_BLOCKS."""
    return [{"start": start, "text": [unidecode(chr(code)) for code in range(start, end)]}
            for start, end in TRANSLITERATED_BLOCKS]


@lru_cache(maxsize=None)
def entity_table() -> dict:
    """What `html.unescape` decodes: named references (with and without ';', as HTML5 lists them),
    the numeric references it replaces, and the code points it drops."""
    return {
        "named": dict(sorted(html.entities.html5.items())),
        # html.unescape's own tables (module-private names, read rather than copied).
        "numeric": {str(number): text for number, text in sorted(html._invalid_charrefs.items())},
        "dropped": sorted(html._invalid_codepoints),
    }
