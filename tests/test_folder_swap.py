"""`invoke publish`'s folder swap: the new tree whole in output/'s place, or output/ untouched."""

import stat

import pytest

from sitelib.folder_swap import FolderSwapError, build_and_swap, replace_folder, swappable_target


def tree(folder):
    """Every file below `folder` with its text."""
    return {path.relative_to(folder).as_posix(): path.read_text() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "proyek"
    (root / "output" / "lama").mkdir(parents=True)
    (root / "output" / "index.html").write_text("situs lama")
    (root / "output" / "lama" / "berita.html").write_text("berita lama")
    (root / "tasks.py").write_text("# tetap\n")
    return root


def write_site(staging):
    (staging / "kantor").mkdir()
    (staging / "index.html").write_text("situs baru")
    (staging / "kantor" / "index.html").write_text("kantor")


def test_the_new_tree_takes_the_place_of_the_old_one_and_nothing_else_is_left(project):
    final = build_and_swap(project / "output", project, write_site)
    assert final == (project / "output").resolve()
    assert tree(project / "output") == {"index.html": "situs baru", "kantor/index.html": "kantor"}
    # No staging folder, no old tree: the project holds what it held, with the new output.
    assert sorted(path.name for path in project.iterdir()) == ["output", "tasks.py"]
    assert (project / "tasks.py").read_text() == "# tetap\n"


def test_the_new_tree_is_readable_by_any_host(project):
    build_and_swap(project / "output", project, write_site)
    assert stat.S_IMODE((project / "output").stat().st_mode) == 0o755  # mkdtemp made it 0700
    assert stat.S_IMODE((project / "output" / "kantor").stat().st_mode) == 0o755
    assert stat.S_IMODE((project / "output" / "index.html").stat().st_mode) == 0o644


def test_a_first_publish_creates_the_output_folder(tmp_path):
    build_and_swap(tmp_path / "site" / "output", tmp_path, write_site)
    assert tree(tmp_path / "site" / "output")["index.html"] == "situs baru"
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == ["output"]


@pytest.mark.parametrize("failure", [RuntimeError("build gagal"), SystemExit(1), KeyboardInterrupt()])
def test_a_failed_build_leaves_the_output_untouched(project, failure):
    before = tree(project / "output")

    def half_a_site(staging):
        (staging / "index.html").write_text("setengah")
        raise failure

    with pytest.raises(type(failure)):
        build_and_swap(project / "output", project, half_a_site)
    assert tree(project / "output") == before
    assert sorted(path.name for path in project.iterdir()) == ["output", "tasks.py"]


@pytest.mark.parametrize("target", ["..", ".", "../elsewhere", "/tmp"])
def test_a_folder_outside_the_project_or_the_project_itself_is_refused(project, target):
    built = []
    with pytest.raises(FolderSwapError, match="tidak berada di dalam folder proyek"):
        build_and_swap(project / target, project, built.append)
    assert built == []
    assert tree(project / "output") == {"index.html": "situs lama", "lama/berita.html": "berita lama"}
    assert sorted(path.name for path in project.parent.iterdir()) == ["proyek"]


def test_a_symbolic_link_out_of_the_project_is_refused(project, tmp_path):
    (tmp_path / "luar").mkdir()
    (project / "keluar").symlink_to(tmp_path / "luar", target_is_directory=True)
    with pytest.raises(FolderSwapError):
        swappable_target(project / "keluar", project)
    assert swappable_target(project / "output", project) == (project / "output").resolve()


def test_replace_folder_removes_a_leftover_old_tree(tmp_path):
    (tmp_path / ".output-lama").mkdir()  # from a publish that was killed between the renames
    (tmp_path / ".output-lama" / "x").write_text("x")
    (tmp_path / "output").mkdir()
    (tmp_path / "baru").mkdir()
    (tmp_path / "baru" / "index.html").write_text("baru")
    replace_folder(tmp_path / "baru", tmp_path / "output")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]
    assert tree(tmp_path / "output") == {"index.html": "baru"}
