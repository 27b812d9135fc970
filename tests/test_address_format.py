"""Pelican's address formatting from the named fields only (plugins/incremental/address_format.py)."""

import datetime

import pytest
from pelican.contents import Article, Content, Page

from incremental.address_format import PELICAN_METHOD, _expand_settings, field_names, use_named_fields_only
from conftest import ROOT, site_settings

PATTERNS = [
    "{date:%Y}/{date:%m}/{slug}/", "{slug}/index.html", "{path}", "{lang}/{category}/{author}/{slug}.html",
    "{date.year}/{slug!r}/{title}", "{date:%Y}-{custom}", "{{literal}}/{slug}", "polos/", "{slug[0]}/{slug}",
    "{}", "{0}", "{date:{spec}}", "{tidak_ada}/", "{", "}", "{slug", "{slug:>20}|{date!s:.4}",
]


def items(settings):
    source = str(ROOT / "content" / "articles" / "x.md")
    date = datetime.datetime(2026, 1, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    yield Article("<p>isi</p>", {"title": "Judul", "slug": "judul", "date": date, "custom": "c"}, settings=settings,
                  source_path=source, context={})
    yield Article("<p>isi</p>", {"title": "Draf", "slug": "draf", "date": date, "status": "draft"}, settings=settings,
                  source_path=source, context={})
    yield Page("<p>isi</p>", {"title": "Halaman", "slug": "halaman", "path": "lain/jalur.md"}, settings=settings,
               source_path=str(ROOT / "content" / "pages" / "p.md"), context={})
    yield Page("<p>isi</p>", {"title": "Tanpa"}, settings=settings, source_path=None, context={})


def outcome(method, item, key, klass):
    try:
        return "ok", method(item, key, klass)
    except Exception as error:  # the same kind of error, with the same words
        return type(error).__name__, str(error)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_same_answers_and_errors_as_pelican(pattern):
    settings = site_settings(ROOT / "content", ARTICLE_URL=pattern, DRAFT_URL=pattern, PAGE_URL=pattern)
    for item in items(settings):
        for klass in ("article", "draft", "page", None):
            assert outcome(_expand_settings, item, "url", klass) == outcome(PELICAN_METHOD, item, "url", klass), (pattern, klass)


def test_the_pattern_s_names():
    assert field_names("{date:%Y}/{date:%m}/{slug}/") == {"date", "slug"}
    assert field_names("{date.year}/{slug[0]}/{x!r}") == {"date", "slug", "x"}
    assert field_names("{}") is None and field_names("{0}") is None and field_names("{a:{b}}") is None
    assert field_names("{") is None


def test_pelican_s_content_uses_it_once_installed(monkeypatch):
    monkeypatch.setattr(Content, "_expand_settings", PELICAN_METHOD)
    use_named_fields_only()
    assert Content._expand_settings is _expand_settings
