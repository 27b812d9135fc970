"""The Debian packages the project needs (system-packages.txt): which are missing, and installing them.

Each line of the list is "command package" (`#` starts a comment line); a
package is missing when its command is not on PATH. A package without a
program (the photographs of mate-backgrounds) names, instead of a command,
the absolute path of a file it installs: missing when that file is not there. Root installs the
missing ones with apt-get; anyone else is told the one command to run.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from editorial.setup.commands import run_command


@dataclass(frozen=True)
class SystemPackage:
    command: str  # a program on PATH once the package is installed, or an absolute path of a file it installs
    package: str  # its Debian package

    @property
    def installed(self) -> bool:
        if self.command.startswith("/"):
            return Path(self.command).exists()
        return shutil.which(self.command) is not None


class NotInstalled(Exception):
    """Packages are missing and this user may not install them (message in Indonesian)."""


def read_package_list(path: Path) -> list[SystemPackage]:
    """The entries of a "command package" list, in file order."""
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            command, package = line.split()
            entries.append(SystemPackage(command, package))
    return entries


def missing_packages(packages: list[SystemPackage]) -> list[str]:
    """The packages whose command is not on PATH (or whose file is not there), in list order."""
    return [entry.package for entry in packages if not entry.installed]


def install_commands(packages: list[str]) -> list[list[str]]:
    """apt-get's commands that install `packages` (quietly, without questions)."""
    return [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]]


def install_missing(package_list: Path, as_root: bool) -> list[str]:
    """Install the listed packages whose command is missing; return them.

    Not root: NotInstalled, naming the `sudo apt-get` command to run. A failed
    apt-get: editorial.setup.commands.CommandFailed with its exit status."""
    missing = missing_packages(read_package_list(package_list))
    if missing and not as_root:
        names = " ".join(missing)
        raise NotInstalled(f"Paket sistem belum terpasang: {names}. Pasang dengan: sudo apt-get install -y {names}")
    if missing:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in install_commands(missing):
            run_command(command, env=environment)
    return missing
