"""Which files of the built site the search index reads (plugins/search_index/indexing.py)."""

import os
from pathlib import Path

from search_index.indexing import INDEX_FOLDER, pages_in_order


def rglob_pages(site: Path) -> list[str]:
    """The definition: rglob's HTML files, the index's own folder left out."""
    found = (path.relative_to(site) for path in site.rglob("*.html") if path.is_file())
    return sorted(path.as_posix() for path in found if path.parts[0] != INDEX_FOLDER)


def test_the_same_pages_as_rglob_gives(tmp_path):
    site = tmp_path / "situs"
    for name in ("index.html", "2026/01/berita/index.html", "2026/01/berita/kartu.jpg", ".tersembunyi.html",
                 "kantor/wonosobo/index.html", "kantor/wonosobo/halaman/1/index.html", "berkas.HTML",
                 f"{INDEX_FOLDER}/fragment/a.html", f"arsip/{INDEX_FOLDER}/index.html", "dalam.html/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("<html></html>")
    outside = tmp_path / "luar"
    (outside / "x").mkdir(parents=True)
    (outside / "x" / "luar.html").write_text("")
    os.symlink(outside / "x", site / "folder-tautan")  # a linked folder: not followed, as rglob does not
    os.symlink(site / "index.html", site / "tautan.html")  # a link to a file counts as the file
    os.symlink(site / "hilang", site / "patah.html")  # a broken link is no file
    os.symlink(site / "putar.html", site / "putar.html")  # nor a link to itself
    expected = rglob_pages(site)
    assert pages_in_order(site) == expected
    assert "tautan.html" in expected and "patah.html" not in expected and "berkas.HTML" not in expected
    assert "putar.html" not in expected
    assert f"arsip/{INDEX_FOLDER}/index.html" in expected and "dalam.html/index.html" in expected
    assert not any(name.startswith(f"{INDEX_FOLDER}/") or "luar" in name for name in expected)
