"""A copy of the project with another content folder, to run its tasks as editors would."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = [
    "tasks.py", "pelicanconf.py", "publishconf.py", "system-packages.txt",
    "theme", "plugins", "data", "sitelib", "editorial",
]


def copy_project(target: Path, content: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # The web editor's npm packages are shared, not copied (hundreds of folders).
    shutil.copytree(ROOT / "web_editor", target / "web_editor", ignore=shutil.ignore_patterns("node_modules"))
    (target / "web_editor" / "node_modules").symlink_to(ROOT / "web_editor" / "node_modules", target_is_directory=True)
    shutil.copytree(content, target / "content")
    return target


def invoke(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in `project` with this interpreter and only the variables `env` adds; never raises."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True, text=True,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin", "HOME": str(project), **(env or {})},
    )


def project_without_articles(base: Path) -> Path:
    """A project copy in `base`/situs whose content is the site's fixed pages and no article (an import's start)."""
    content = base / "awal"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "articles").mkdir()
    return copy_project(base / "situs", content)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (relative name -> bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def import_twice(project: Path, export: Path, uploads: Path, office: str):
    """`invoke import-wordpress` run twice on the same export: (first run, the content after it, second run)."""
    command = ("import-wordpress", str(export), "--office", office, "--uploads", str(uploads))
    first = invoke(project, *command)
    assert first.returncode == 0, first.stdout + first.stderr
    imported = snapshot(project / "content")
    return first, imported, invoke(project, *command)
