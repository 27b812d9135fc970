"""One hash of the code, registries, packages and settings behind a result, for caches that must forget it
when any of them changes (`invoke check`'s results, the incremental build's previous pages)."""

import hashlib
from functools import lru_cache
import importlib.metadata
import json
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path


def plain_settings(settings, leave_out: Iterable[str] = ()) -> str:
    """The settings that are plain data (text, numbers, lists, tables), as JSON: functions and classes have no
    stable text, and the code that holds them is fingerprinted anyway."""
    left_out = set(leave_out)
    plain = {}
    for name in sorted(settings):
        if name.isupper() and name not in left_out:
            try:
                plain[name] = json.loads(json.dumps(settings[name], sort_keys=True))
            except (TypeError, ValueError):
                continue
    return json.dumps(plain, sort_keys=True)


# The installers themselves make nothing the site shows.
INSTALLERS = {"pip", "setuptools", "wheel"}


@lru_cache(maxsize=1)
def installed_packages() -> str:
    """The installed packages with their versions, the Python version and the zlib it compresses with (read once
    per process: the live preview rebuilds in one process, and packages are not installed under a running build)."""
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
                      if dist.metadata["Name"].lower() not in INSTALLERS)
    return "\n".join([f"Python {sys.version}", f"zlib {zlib.ZLIB_RUNTIME_VERSION}", *packages])


# path -> (size, modification time in ns, SHA-256 of the bytes): a process hashes each file once per change
# (the live preview rebuilds in one process; a build fingerprints the code three times).
_FILE_DIGESTS: dict[str, tuple[int, int, bytes]] = {}


def file_digest(path: Path) -> bytes:
    """The SHA-256 of a file's bytes, read again only when its size or time changed."""
    status = path.stat()
    remembered = _FILE_DIGESTS.get(str(path))
    if remembered and remembered[:2] == (status.st_size, status.st_mtime_ns):
        return remembered[2]
    digest = hashlib.sha256(path.read_bytes()).digest()
    _FILE_DIGESTS[str(path)] = (status.st_size, status.st_mtime_ns, digest)
    return digest


def files_fingerprint(project: Path, files: Iterable[Path]):
    """A SHA-256 fed with each file's path (below `project` when it is there) and the SHA-256 of its bytes, in
    the order given."""
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
        digest.update(name.encode() + b"\0" + file_digest(path) + b"\0")
    return digest


def code_files(project: Path, folders: Iterable[str], pattern: str = "*.py") -> list[Path]:
    """The files matching `pattern` below each folder, sorted; caches of Python's bytecode left out."""
    found = []
    for folder in folders:
        found += sorted(path for path in (project / folder).rglob(pattern)
                        if path.is_file() and "__pycache__" not in path.parts)
    return found


def registry_files(project: Path, settings) -> list[Path]:
    """The registries in data/ and the office registry the settings name (a test may name another)."""
    files = sorted((project / "data").glob("*.toml"))
    registry = settings.get("OFFICE_REGISTRY")
    if registry:
        files.append(Path(registry) if Path(registry).is_absolute() else project / registry)
    return files


def content_digest(data: bytes) -> str:
    """The SHA-256 of some bytes, as hex."""
    return hashlib.sha256(data).hexdigest()
