"""The web editor's slug (web_editor/src/slug.js) is Pelican's: one table, both functions, row by row."""

import json
import re
import subprocess

import pytest
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import slugify

from conftest import ROOT
from sitelib.errors import SiteConfigError
from sitelib.slug_regex_js import js_regex, js_substitution
from sitelib.slugs import SLUG_PATTERN, editor_slug_rules, title_slug

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))

TITLES = [
    # Indonesian titles as editors write them
    "Kankemenag Kab. Magelang Gelar Manasik Haji",
    "Rakor Seksi PHU Se-Eks Karesidenan Kedu: Wahana Evaluasi Kinerja",
    "Jum'at Berkah: Doa — Bersama", "Jum’at Berkah", "Wonosobo – Calon Jamaah Haji 2025/2026 (Tahap II)",
    "Usia 60+ Wajib Manasik!", "Bimbingan “Manasik” di KUA…", "Haji 1446 H / 2025 M",
    # punctuation, ampersands and character references
    'Jamaah Usia < 60 & "Lansia"', "Haji & Umrah", "R&amp;D &lt;Baru&gt;", "&copy2025 &#169; &#x41;&#0;&#65535;",
    "&notit; &notin; &amp &ampx", "Tanda: @#$%^*=+[]{}|\\~`?", "a.b,c;d:e",
    # accents and other scripts
    "Évaluasi Ibadah Haji", "Ærø Çağrı Łódź Ñandú Straße", "Nguyễn Thị Định", "Ελληνικά Кириллица",
    "حج وعمرة", "½ ¼ ² ™ €", "ﬁ ﬀ Ｈａｊｉ", "e\u0301 combining", "Emoji 🕋 haji 🙏",
    # repeated dashes, underscores, white space (SLUG_REGEX_SUBSTITUTIONS: [-\s]+ → -, trimmed)
    "  spasi   ganda -- dan_garis  ", "--awal dan akhir--", "a - - b", "garis_bawah__ganda",
    "tab\tbaris\nbaru", "a\u00a0b\u2009c\u3000d", "a\x1cb\x85c\u2028d", "\ufeffBOM di depan",
    # tags and comments (striptags)
    "<b>Tebal</b> dan <i>miring</i>", "Komentar <!-- rahasia --> terbuka", "Tidak ditutup <b", "a <!-- tanpa akhir",
    # empty results
    "", "   ", "!!!", "<b></b>", "–—…", "🕋",
]

CUSTOM_SUBSTITUTIONS = [
    (r"c\+\+", "cpp"), (r"(?P<a>haji)\s+(umrah)", r"\2-\g<a>"), (r"&", " dan "), (r"\bke\b", "ke-"),
    (r"\$(\d+)", r"usd\1"), (r"^(\w+)$", r"satu-\1"),
] + list(DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
CUSTOM_TITLES = ["Belajar C++ Dasar", "HAJI   umrah bersama", "Haji & Umrah", "Jalan ke Makkah", "Biaya $5000", "Tunggal"]

VARIANTS = {
    "site-settings": (SETTINGS, TITLES),
    "custom-substitutions": ({**SETTINGS, "SLUG_REGEX_SUBSTITUTIONS": CUSTOM_SUBSTITUTIONS}, TITLES + CUSTOM_TITLES),
    "preserve-case": ({**SETTINGS, "SLUGIFY_PRESERVE_CASE": True}, TITLES),
}

NODE_SLUGS = """
import { readFileSync } from 'node:fs';
import { slugMaker } from './web_editor/src/slug.js';
const { rules, titles } = JSON.parse(readFileSync(0, 'utf8'));
const slugify = slugMaker(rules);
process.stdout.write(JSON.stringify(titles.map(slugify)));
"""

NODE_REPLACE = """
import { readFileSync } from 'node:fs';
const cases = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(cases.map(({ rule, text }) => text.replace(new RegExp(rule.source, rule.flags), rule.replacement))));
"""


def node(script: str, request):
    done = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(request),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_editors_slugs_are_pelicans_row_by_row(variant):
    settings, titles = VARIANTS[variant]
    pelican = [slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
                       preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False)) for title in titles]
    editor = node(NODE_SLUGS, {"rules": editor_slug_rules(settings), "titles": titles})
    assert [(title, slug) for title, slug in zip(titles, editor)] == list(zip(titles, pelican))


def test_title_slug_is_pelicans_slug_with_the_sites_settings():
    assert title_slug("Kankemenag Kab. Magelang", SETTINGS) == "kankemenag-kab-magelang"
    assert title_slug("Kab. Magelang", {**SETTINGS, "SLUGIFY_PRESERVE_CASE": True}) == "Kab-Magelang"


def test_the_table_reaches_every_kind_of_result():
    slugs = [title_slug(title, SETTINGS) for title in TITLES]
    assert "" in slugs and any(re.fullmatch(SLUG_PATTERN, slug) for slug in slugs)
    assert any(slug and not re.fullmatch(SLUG_PATTERN, slug) for slug in slugs)  # "_" and stray dashes stay, as in Pelican


# The translation of Python patterns, case by case against re.sub.
PATTERNS = [
    (r"[^\w\s-]", "", "a-b_c d!e?"), (r"(?u)\A\s*", "", "  \x1c a "), (r"(?u)\s*\Z", "", " a \x1f "),
    (r"[-\s]+", "-", "a -\t- b"), (r"a$", "b", "a\n"), (r"a$", "b", "aa"), (r"(?m)^a", "b", "a\na"),
    (r"(?s)a.b", "x", "a\nb"), (r"a.b", "x", "a\nb a-b"), (r"\d{2,3}", "#", "1 12 1234"), (r"x*?y", "z", "xxy"),
    (r"(?P<w>\w+)@(\w+)", r"\2.\g<w>", "nama@kantor"), (r"\$", "$$", "a$b"), (r"(?<=a)b", "c", "ab bb"),
    (r"(?!a)\w", "_", "ab"), (r"\bke\b", "KE", "ke kekal"), (r"[\x00-\x1f]", "", "a\x01b"), (r"\W+", "-", "a!?b"),
    (r"K", "k", "k K"), (r"(a)|b", r"[\1]", "ab"), (r"\S\D", "_", "a1 ab"),
]


@pytest.mark.parametrize("pattern, replacement, text", PATTERNS)
def test_a_translated_pattern_replaces_as_re_sub_does(pattern, replacement, text):
    rule = js_substitution(pattern, replacement)
    [replaced] = node(NODE_REPLACE, [{"rule": rule, "text": text}])
    assert replaced == re.sub(pattern, replacement, text, flags=re.IGNORECASE)


@pytest.mark.parametrize("pattern", [r"[\W_]", r"(?>a)", r"a++", r"(?x)(?i:a)", r"(a)?(?(1)b|c)"])
def test_a_pattern_javascript_cannot_follow_stops_the_build(pattern):
    with pytest.raises(SiteConfigError, match="tidak bisa dipakai editor web"):
        js_regex(pattern)


def test_unicode_slugs_stop_the_build_with_a_message():
    with pytest.raises(SiteConfigError, match="SLUGIFY_USE_UNICODE"):
        editor_slug_rules({**SETTINGS, "SLUGIFY_USE_UNICODE": True})
