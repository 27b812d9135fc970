"""Reading article metadata into offices, related ranking and the mention report."""

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from office_tags import mentions, related, tagging
from office_tags.registry import load_registry
from seed_articles import KOTA_MAGELANG, WONOSOBO

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(ROOT / "data" / "offices.toml")
KEDU = ["kab-magelang", "kota-magelang", "kab-temanggung", "kab-wonosobo", "kab-purworejo", "kab-kebumen"]


def resolve(**metadata):
    return tagging.resolve_offices(metadata, REGISTRY, "content/articles/uji.md")


def test_codes_aliases_and_regions_become_codes_in_registry_order():
    resolved, findings = resolve(offices="Kabupaten Kebumen, kota-magelang ,KAB. MAGELANG")
    assert not findings
    assert [o.code for o in resolved.offices] == ["kab-magelang", "kota-magelang", "kab-kebumen"]
    resolved, _ = resolve(offices="kedu")
    assert [o.code for o in resolved.offices] == KEDU


def test_host_and_reporting_office_count_as_involved_and_carry_their_roles():
    resolved, findings = resolve(offices="kab-kebumen", host_office="Kab. Purworejo", reporting_office="Kota Magelang")
    assert not findings
    assert [(t.office.code, t.roles) for t in resolved.tags] == [
        ("kota-magelang", ("Liputan",)), ("kab-purworejo", ("Tuan rumah",)), ("kab-kebumen", ()),
    ]
    both, _ = resolve(host_office="kab-wonosobo", reporting_office="kab-wonosobo")
    assert both.tags[0].roles == ("Tuan rumah", "Liputan")


def test_unknown_office_names_file_field_value_and_closest_office():
    resolved, findings = resolve(offices="kedu, Kab. Magelng")
    assert [str(f) for f in findings] == [
        "content/articles/uji.md: GALAT: kolom Offices: kantor 'Kab. Magelng' tidak dikenal. "
        "Mungkin maksud Anda kab-magelang (Kankemenag Kab. Magelang) atau kota-magelang "
        "(Kankemenag Kota Magelang) atau kab-pemalang (Kankemenag Kab. Pemalang)? Daftar kantor: data/offices.toml."
    ]
    assert "kab-magelng" not in [o.code for o in resolved.offices]


def test_host_must_be_one_office_not_a_region_or_a_list():
    _, findings = resolve(host_office="kedu")
    assert findings[0].field == "Host_office" and "adalah wilayah, bukan kantor" in findings[0].message
    _, findings = resolve(reporting_office="kab-wonosobo, kab-kebumen")
    assert findings[0].field == "Reporting_office" and findings[0].message == "isi satu kantor saja."


def test_empty_fields_mean_no_office():
    resolved, findings = resolve(offices="", host_office=" ")
    assert resolved.tags == () and not findings


def fake(name, day, offices=(), tags=()):
    return SimpleNamespace(
        name=name, date=datetime(2024, 1, day, tzinfo=timezone.utc),
        offices=[REGISTRY.offices[c] for c in offices], tags=[SimpleNamespace(slug=t) for t in tags],
    )


def test_related_prefers_earlier_news_by_shared_offices_and_tags_and_stays_put():
    me = fake("me", 10, ["kab-wonosobo", "kab-kebumen"], ["rakor", "manasik"])
    best = fake("best", 1, ["kab-wonosobo", "kab-kebumen"], ["rakor"])
    tie_new = fake("tie_new", 9, ["kab-wonosobo"], ["manasik"])
    tie_old = fake("tie_old", 2, ["kab-kebumen"], ["rakor"])
    one = fake("one", 20, ["kab-wonosobo"])
    none = fake("none", 21, ["kab-pati"], ["lain"])
    extra = fake("extra", 3, [], ["rakor"])
    articles = [me, best, tie_new, tie_old, one, none, extra]
    index = related.index_by_key(articles)
    # Earlier news by score (best 3; tie_new and tie_old 2, the nearer first; extra 1), then later news.
    assert [a.name for a in related.related_articles(me, index)] == ["best", "tie_new", "tie_old", "extra"]
    assert [a.name for a in related.related_articles(me, index, limit=10)] == ["best", "tie_new", "tie_old", "extra", "one"]
    assert [a.name for a in related.related_articles(best, index, limit=2)] == ["tie_old", "extra"]  # nearest later
    # A new article, even one sharing everything, changes no block that is already full.
    newest = fake("newest", 25, ["kab-wonosobo", "kab-kebumen"], ["rakor", "manasik"])
    grown = related.index_by_key(articles + [newest])
    for article in articles:
        if len(related.related_articles(article, index)) == related.RELATED_LIMIT:
            assert related.related_articles(article, grown) == related.related_articles(article, index)
    assert related.related_articles(newest, grown)[0] is me
    # A draft (not among the published articles) gets its block from them all the same.
    draft = fake("draft", 15, ["kab-wonosobo"], ["manasik"])
    assert [a.name for a in related.related_articles(draft, index)] == ["me", "tie_new", "best", "one"]


def test_mentions_in_the_seed_texts():
    first = " ".join(KOTA_MAGELANG.paragraphs())
    found = [o.code for o in mentions.mentioned_offices(first, REGISTRY)]
    assert found == ["kab-magelang", "kota-magelang", "kab-temanggung", "kab-purworejo", "kab-kebumen"]
    second = " ".join(WONOSOBO.paragraphs())
    assert [o.code for o in mentions.mentioned_offices(second, REGISTRY)] == KEDU
    assert mentions.untagged_mentions(second, KEDU, REGISTRY) == []
    missing = mentions.untagged_mentions(second, ["kab-wonosobo"], REGISTRY)
    assert [o.code for o in missing] == [c for c in KEDU if c != "kab-wonosobo"]
