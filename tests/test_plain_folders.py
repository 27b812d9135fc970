"""sitelib.plain_folders: new files below a folder, never through a symbolic link, never over anything."""

import pytest

from sitelib.plain_folders import WayRefused, way_problem, write_new_file


def test_a_new_file_and_its_folders_are_made_below_real_folders(tmp_path):
    write_new_file(tmp_path, tmp_path / "a" / "b" / "c.md", b"isi")
    assert (tmp_path / "a" / "b" / "c.md").read_bytes() == b"isi"
    assert way_problem(tmp_path, tmp_path / "a" / "b" / "d.md") is None


@pytest.mark.parametrize("make, reason", [
    (lambda top, outside: (top / "a").symlink_to(outside, target_is_directory=True), "tautan simbolik"),
    (lambda top, outside: (top / "a").write_text("x"), "bukan folder"),
    (lambda top, outside: ((top / "a").mkdir(), (top / "a" / "c.md").symlink_to(outside / "baru.md")), "sudah ada"),  # dangling
    (lambda top, outside: ((top / "a").mkdir(), (top / "a" / "c.md").write_text("lama")), "sudah ada"),
])
def test_a_link_a_file_or_anything_in_the_way_is_refused(tmp_path, make, reason):
    top, outside = tmp_path / "top", tmp_path / "luar"
    top.mkdir()
    outside.mkdir()
    make(top, outside)
    assert reason in way_problem(top, top / "a" / "c.md")
    with pytest.raises(WayRefused, match=reason):
        write_new_file(top, top / "a" / "c.md", b"isi")
    assert list(outside.iterdir()) == []


def test_a_target_outside_the_top_or_a_linked_top_is_refused(tmp_path):
    (tmp_path / "nyata").mkdir()
    (tmp_path / "tautan").symlink_to(tmp_path / "nyata", target_is_directory=True)
    assert "tautan simbolik" in way_problem(tmp_path / "tautan", tmp_path / "tautan" / "x.md")
    assert "tidak di dalam" in way_problem(tmp_path / "nyata", tmp_path / "x.md")
