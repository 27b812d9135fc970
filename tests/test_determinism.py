"""Two publish builds of the same content are byte-identical: pages, feeds, sitemaps, photos, search index,
.gz/.br copies. The content is written in two different orders (Pelican reads files in no fixed order)
and the articles share one date and time, as editors who round to the hour write them."""

import os
import shutil

import pytest
from conftest import PUBLISH_SITEURL, ROOT, run_pelican
from site_copy import snapshot

SAME_MOMENT = "2025-03-10 09:00"
OFFICES = ["kab-kebumen", "kab-wonosobo", "kota-magelang", "kab-purworejo"]
ARTICLE = """Title: Sosialisasi Haji Gelombang {number}
Date: {date}
Category: Haji dan Umrah
Tags: Sosialisasi, Manasik
Author: uji/rf
Offices: {office}
Reporting_office: {office}
Summary: Berita uji urutan ke-{number} pada jam yang sama.

{place} – Seksi PHU menggelar sosialisasi gelombang {number} bagi calon jemaah haji.
"""
COUNT = 14  # with the real and photo articles: two list pages, so pagination is compared too


def same_moment_articles() -> dict[str, str]:
    articles = {}
    for number in range(1, COUNT + 1):
        office = OFFICES[number % len(OFFICES)]
        place = office.split("-", 1)[1].title()
        articles[f"sosialisasi-{number:02d}.md"] = ARTICLE.format(number=number, date=SAME_MOMENT, office=office, place=place)
    return articles


def content_in_order(base, reverse: bool):
    """The real content, the photo article and the same-moment articles, created in one order or the other."""
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "tests" / "photo_content", content, dirs_exist_ok=True)
    articles = sorted(same_moment_articles().items(), reverse=reverse)
    for position, (name, text) in enumerate(articles):
        path = content / "articles" / "serentak" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (1_700_000_000 + position, 1_700_000_000 + position))
    return content


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    builds = []
    for label, reverse in (("satu", False), ("dua", True)):
        base = tmp_path_factory.mktemp(f"determinisme-{label}")
        content = content_in_order(base, reverse)
        output = run_pelican(
            "publishconf.py", base / "keluaran", content=content,
            extra={"CACHE_PATH": str(base / "cache")}, env={"SITEURL": PUBLISH_SITEURL, "PRECOMPRESS": "1"},
        )
        builds.append((base, snapshot(output)))
    return builds


def test_two_builds_are_byte_identical(two_builds):
    (_, first), (_, second) = two_builds
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], f"{len(differing)} of {len(first)} files differ: {differing[:20]}"


def test_the_comparison_covers_every_kind_of_output(two_builds):
    (_, files), _ = two_builds
    names = set(files)
    for expected in ("sitemap.xml", "news-sitemap.xml", "feed/atom.xml", "index.html", "index.html.gz",
                     "index.html.br", "halaman/2/index.html", "pagefind/2025/pagefind-entry.json",
                     "pagefind/lain/pagefind-entry.json"):
        assert expected in names, expected
    assert any(name.startswith("pagefind/2025/filter/") for name in names)
    assert any(name.endswith(".webp") or name.endswith(".avif") for name in names)


def test_same_moment_articles_are_in_slug_order(two_builds):
    (_, files), _ = two_builds
    home = files["index.html"].decode("utf-8")
    slugs = sorted(f"sosialisasi-haji-gelombang-{number}" for number in range(1, COUNT + 1))  # 1, 10, 11, …, 2
    positions = [home.find(slug + "/") for slug in slugs if slug + "/" in home]
    assert len(positions) >= 5 and positions == sorted(positions)


def test_no_build_folder_leaks_into_the_output(two_builds):
    for base, files in two_builds:
        leaked = [name for name, data in files.items() if str(base).encode() in data]
        assert leaked == []


def test_pagefind_files_get_one_order_whatever_order_pagefind_wrote(two_builds):
    from search_index.stable_index import ENTRY, FILTER_FOLDER, encoded, needed_files, packed, stable_files, unpacked

    (base, files), _ = two_builds
    index = {name.removeprefix("pagefind/2025/"): data for name, data in files.items() if name.startswith("pagefind/2025/")}
    names = needed_files(index[ENTRY], index.__getitem__)
    stable = {name: index[name] for name in names}
    assert stable_files(stable) == (stable, set())  # the build's index is already in its stable form
    shuffled = dict(stable)
    filters = [name for name in names if name.startswith(FILTER_FOLDER + "/")]
    assert filters
    for name in filters:
        filter_key, values = unpacked(name, stable[name])
        shuffled[name] = packed(encoded([filter_key, values[::-1]]))
    assert any(shuffled[name] != stable[name] for name in filters)
    assert stable_files(shuffled) == (stable, set())


def test_pagefind_cbor_is_read_only_in_the_shortest_form():
    from search_index.stable_index import IndexFormatError, decoded, encoded

    value = [0, 23, 24, 255, 65536, "Kebumen", ["é", []]]
    assert decoded(encoded(value)) == value
    for not_pagefinds in (b"\x18\x05", b"\xa0", b"\xf5", encoded([1, 2])[:-1]):
        with pytest.raises(IndexFormatError):
            decoded(not_pagefinds)
