"""The web editor's npm packages (Decap CMS, decap-server), installed exactly as its lockfile pins them.

`npm ci` runs when node_modules was never installed, or was installed from
another lockfile: a stamp in node_modules records the digest of the lockfile
it was installed from (compared by content, not by time).
"""

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from editorial.setup.commands import run_command

LOCKFILE = "package-lock.json"
STAMP = Path("node_modules") / ".installed-lockfile.sha256"
NPM_CI = ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"]


def lockfile_digest(folder: Path) -> str:
    return hashlib.sha256((Path(folder) / LOCKFILE).read_bytes()).hexdigest()


def install_needed(folder: Path) -> bool:
    """Not installed yet, or installed from another lockfile."""
    stamp = Path(folder) / STAMP
    return not stamp.is_file() or stamp.read_text().strip() != lockfile_digest(folder)


def ensure_installed(folder: Path, install_npm: Callable[[], None]) -> bool:
    """`npm ci` in `folder` when needed (first `install_npm()` when npm is missing); True when it ran.

    A failed npm: editorial.setup.commands.CommandFailed, and the stamp stays as it was."""
    if not install_needed(folder):
        return False
    if shutil.which("npm") is None:
        install_npm()
    print("Memasang editor web (Decap CMS) dari npm ...", flush=True)
    digest = lockfile_digest(folder)
    run_command(NPM_CI, cwd=Path(folder))
    (Path(folder) / STAMP).write_text(digest + "\n")
    return True
