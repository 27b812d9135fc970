"""`invoke import-wordpress` as one call: refused whole before any file is written, or imported with its report."""

import shutil

import pytest

from conftest import ROOT, site_settings
from editorial.wordpress.office_import import NEXT_STEPS, ImportRefused, import_office_export
from wordpress_export import wonosobo_export


def files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Settings whose content is a copy of the fixed pages; the export and uploads of one office."""
    monkeypatch.chdir(ROOT)  # the settings name data/offices.toml relative to the project, as tasks.py runs
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "articles").mkdir()
    settings = site_settings(content)
    export, uploads = wonosobo_export(tmp_path)
    return settings, content, export, uploads


@pytest.mark.parametrize("office, uploads, export_text, message", [
    ("kab-wonosobu", None, None, "Impor gagal: kantor 'kab-wonosobu' tidak dikenal; lihat data/offices.toml."),
    ("kab-wonosobo", "tidak-ada/uploads", None, "Impor gagal: folder uploads 'tidak-ada/uploads' tidak ada."),
    ("kab-wonosobo", None, "bukan xml", "Impor gagal, tidak ada berkas yang ditulis: "),
])
def test_a_refused_import_writes_nothing(site, tmp_path, office, uploads, export_text, message):
    settings, content, export, _ = site
    if export_text is not None:
        export = tmp_path / "rusak.xml"
        export.write_text(export_text)
    before = files(content)
    with pytest.raises(ImportRefused) as refused:
        import_office_export(export, office, uploads, settings, ROOT)
    assert str(refused.value).startswith(message)
    assert files(content) == before


def test_an_office_by_its_name_imports_and_reports_and_a_second_import_writes_nothing(site):
    settings, content, export, uploads = site
    report = import_office_export(str(export), "Kab. Wonosobo", str(uploads), settings, ROOT)
    assert report.endswith("\n" + NEXT_STEPS)
    assert "kab-wonosobo" in report
    imported = files(content)
    assert any(name.startswith("articles/") for name in imported)
    assert any(name.startswith("images/kab-wonosobo/") for name in imported)
    import_office_export(str(export), "kab-wonosobo", str(uploads), settings, ROOT)
    assert files(content) == imported
