"""Pelican's relative source paths, remembered (plugins/incremental/relative_paths.py)."""

from types import SimpleNamespace

from pelican.contents import Content

from incremental.relative_paths import PELICAN_METHOD, get_relative_source_path, use_remembered_relative_paths


def test_the_same_answers_as_pelican_s_method(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for content_folder in (str(tmp_path / "content"), "content", "./content/", str(tmp_path / "a" / ".." / "content")):
        for source in (str(tmp_path / "content" / "articles" / "2026" / "x.md"), "articles/y.md",
                       "./articles//z.md", str(tmp_path / "lain" / "w.md"), "../luar.md", "", None):
            item = SimpleNamespace(source_path=str(tmp_path / "content" / "pages" / "p.md"),
                                   settings={"PATH": content_folder})
            assert get_relative_source_path(item, source) == PELICAN_METHOD(item, source), (content_folder, source)
    assert get_relative_source_path(SimpleNamespace(source_path=None, settings={"PATH": "content"})) is None


def test_a_relative_content_folder_follows_the_working_folder(tmp_path, monkeypatch):
    item = SimpleNamespace(source_path=str(tmp_path / "satu" / "content" / "x.md"), settings={"PATH": "content"})
    (tmp_path / "satu").mkdir()
    monkeypatch.chdir(tmp_path / "satu")
    assert get_relative_source_path(item) == PELICAN_METHOD(item) == "x.md"
    monkeypatch.chdir(tmp_path)
    assert get_relative_source_path(item) == PELICAN_METHOD(item) == "../satu/content/x.md"


def test_a_relative_source_climbing_above_the_root_follows_the_working_folder(tmp_path, monkeypatch):
    item = SimpleNamespace(source_path="../../../../../../../../etc/z.md", settings={"PATH": "content"})
    for working in (tmp_path, tmp_path / "a" / "b"):
        working.mkdir(parents=True, exist_ok=True)
        monkeypatch.chdir(working)
        assert get_relative_source_path(item) == PELICAN_METHOD(item)


def test_pelican_s_content_uses_it_once_installed(monkeypatch):
    monkeypatch.setattr(Content, "get_relative_source_path", PELICAN_METHOD)
    use_remembered_relative_paths()
    assert Content.get_relative_source_path is get_relative_source_path
