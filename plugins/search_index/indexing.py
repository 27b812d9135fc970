"""Building the Pagefind index of a built site with the binary the PyPI package ships."""

import subprocess
import sys
from pathlib import Path

from sitelib.errors import SiteConfigError
from sitelib.site_folders import SEARCH_INDEX_FOLDER

INDEX_FOLDER = SEARCH_INDEX_FOLDER


def pagefind_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", INDEX_FOLDER, "--quiet"]


def build_index(site: Path) -> None:
    """Index every page that marks its body with data-pagefind-body; stop the build on failure."""
    result = subprocess.run(pagefind_command(site), capture_output=True, text=True)
    if result.returncode != 0 or not (site / INDEX_FOLDER / "pagefind.js").is_file():
        raise SiteConfigError(f"Indeks pencarian (Pagefind) gagal dibuat:\n{result.stdout}\n{result.stderr}")
