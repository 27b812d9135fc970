"""Running an installer command (apt-get, npm) and failing in Indonesian with its exit status."""

import shlex
import shutil
import subprocess
from pathlib import Path


class CommandFailed(Exception):
    """An installer command is missing or ended with a non-zero status (message in Indonesian)."""

    def __init__(self, message: str, returncode: int):
        super().__init__(message)
        self.returncode = returncode


def run_command(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    """Run `command` (its program looked up on PATH), output to this terminal; CommandFailed unless status 0."""
    program = shutil.which(command[0])
    if program is None:
        raise CommandFailed(f"Perintah `{command[0]}` tidak ditemukan.", 127)
    status = subprocess.run([program, *command[1:]], cwd=cwd, env=env).returncode
    if status != 0:
        raise CommandFailed(f"Perintah `{shlex.join(command)}` gagal (status {status}).", status)
