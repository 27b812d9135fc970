"""Typogrify as tuned for Indonesian: what editors type becomes proper typography."""

import shutil

from bs4 import BeautifulSoup

from conftest import ROOT, run_pelican

ARTICLE = """\
Title: Uji "Tipografi" Berita
Date: 2024-05-01 09:30
Category: Haji dan Umrah
Tags: Uji
Author: uji/rf
Offices: kab-wonosobo
Reporting_office: kab-wonosobo
Slug: uji-tipografi
Summary: Berita uji tipografi.

Wonosobo -- "Jama'ah diimbau melunasi BPIH tepat waktu," kata Kasi PHU. Jadwal 1---3 Mei.
"""


def test_straight_quotes_and_double_hyphens_become_indonesian_typography(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / "uji-tipografi.md").write_text(ARTICLE, encoding="utf-8")
    output = run_pelican("pelicanconf.py", tmp_path / "output", content=content)
    page = BeautifulSoup((output / "2024/05/uji-tipografi/index.html").read_text(), "html.parser")
    paragraph = page.select_one(".article-body p")
    assert paragraph.get_text() == (
        "Wonosobo – “Jama’ah diimbau melunasi BPIH tepat waktu,” kata Kasi PHU. Jadwal 1—3 Mei."
    )
    assert paragraph.find("span") is None, "acronyms and quotes are not wrapped in spans"
    assert page.h1.get_text() == "Uji “Tipografi” Berita"
