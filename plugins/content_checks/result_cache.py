"""`invoke check`'s results remembered per content file, so a check of a large archive redoes only what changed.

A file's findings are kept with
- the SHA-256 of its bytes,
- the fingerprint of everything that judges it: the code of plugins/ and sitelib/, pelicanconf.py, the
  registries in data/ and the one the settings name, the installed packages and their versions, and the plain
  settings of this run (`judging_fingerprint`),
- the files its checks looked at (photos, documents, linked articles: `Checking.consulted`), each with where it
  really is (a folder of photos moved out of content/ and linked back is another place) and the SHA-256 of its
  content, or that it is missing. Contents, not times: a fresh checkout in CI gives every file a new time.
  Hashes are remembered by size and time, so a file is read again only when those changed.
The findings are reused only when all three are the same now; anything else checks the file again. What
depends on several files at once (addresses claimed twice, photos and documents on their own, old upload
addresses) and on the clock is checked on every run, outside this cache.
"""

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from sitelib.code_fingerprint import code_files, content_digest, files_fingerprint, installed_packages, plain_settings, registry_files
from sitelib.errors import Finding

FORMAT = 1
JUDGING_FOLDERS = ("plugins", "sitelib")
JUDGING_FILES = ("pelicanconf.py",)


def judging_fingerprint(project: Path, settings) -> str:
    """One hash of the code, registries and settings that decide a file's findings."""
    files = [project / name for name in JUDGING_FILES] + code_files(project, JUDGING_FOLDERS)
    digest = files_fingerprint(project, files + registry_files(project, settings))
    digest.update(f"format {FORMAT}\n".encode())
    digest.update(installed_packages().encode())
    digest.update(plain_settings(settings).encode())
    return digest.hexdigest()


class FileStates:
    """Where each consulted file really is and the SHA-256 of its content, hashes remembered by size and time."""

    def __init__(self, known: dict[str, list]):
        self.known = known  # real path -> [size, mtime_ns, sha256]
        self.seen: dict[str, list] = {}

    def state(self, path: str) -> list[str | None]:
        """[real path, SHA-256 of the content or None when there is no such file]."""
        real = os.path.realpath(path)
        try:
            status = os.stat(real)
        except OSError:
            return [real, None]
        remembered = self.known.get(real)
        if remembered and remembered[:2] == [status.st_size, status.st_mtime_ns]:
            sha = remembered[2]
        else:
            sha = content_digest(Path(real).read_bytes()) if Path(real).is_file() else "not-a-file"
        self.seen[real] = [status.st_size, status.st_mtime_ns, sha]
        return [real, sha]


class ResultCache:
    """The remembered findings, read from and written to one JSON file."""

    def __init__(self, file: Path, fingerprint: str):
        self.file = file
        self.fingerprint = fingerprint
        self.kept: dict[str, dict] = {}
        self.reused = 0
        try:
            stored = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        self.entries = stored.get("files", {}) if stored.get("fingerprint") == fingerprint else {}
        self.states = FileStates(stored.get("hashes", {}) if isinstance(stored.get("hashes"), dict) else {})

    def findings(self, name: str, digest: str) -> list[Finding] | None:
        """The findings remembered for file `name` with content `digest`, if nothing they depend on changed."""
        entry = self.entries.get(name)
        if not entry or entry["digest"] != digest:
            return None
        if any(self.states.state(path) != state for path, state in entry["consulted"]):
            return None
        self.kept[name] = entry
        self.reused += 1
        return [Finding(**values) for values in entry["findings"]]

    def remember(self, name: str, digest: str, findings: list[Finding], consulted) -> None:
        self.kept[name] = {
            "digest": digest,
            "findings": [asdict(finding) for finding in findings],
            "consulted": sorted([path, self.states.state(path)] for path in set(map(str, consulted))),
        }

    def save(self) -> None:
        """Write what this run checked or reused (files that are gone are forgotten), atomically."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"fingerprint": self.fingerprint, "files": self.kept, "hashes": self.states.seen},
                          ensure_ascii=False, sort_keys=True)
        handle, temporary = tempfile.mkstemp(dir=self.file.parent, prefix=".hasil-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(data)
        os.replace(temporary, self.file)
