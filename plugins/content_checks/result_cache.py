"""Check results remembered per content file (`invoke check`'s, and the build's check of headers before reading),
so a check of a large archive redoes only what changed.

A file's findings are kept with
- the SHA-256 of its bytes,
- the fingerprint of everything that judges it: the code of plugins/ and sitelib/, pelicanconf.py, the
  registries in data/ and the one the settings name, the installed packages and their versions, and the plain
  settings of this run (`judging_fingerprint`),
- the files its checks looked at (photos, documents, linked articles: `Checking.consulted`), each with where it
  really is (a folder of photos moved out of content/ and linked back is another place) and the SHA-256 of its
  content, or that it is missing. Contents, not times: a fresh checkout in CI gives every file a new time.
  Hashes are remembered by size and time, so a file is read again only when those changed.
The findings are reused only when all three are the same now; anything else checks the file again. With them,
the addresses the file claims (before and after its date, `rules.TimedClaims`), so a file whose findings are
reused is not even parsed. What depends on several files at once (addresses claimed twice, photos and documents
on their own, old upload addresses) and on the clock is checked on every run, outside this cache.
The build's own check of headers before reading keeps its results in a file of its own (no bodies checked).
"""

import json
import os
import tempfile
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sitelib.build_selection import LOCATION_SETTINGS
from sitelib.code_fingerprint import code_files, content_digest, files_fingerprint, installed_packages, plain_settings, registry_files
from sitelib.errors import Finding

from .addresses import Claim
from .rules import TimedClaims

FORMAT = 2
JUDGING_FOLDERS = ("plugins", "sitelib")
JUDGING_FILES = ("pelicanconf.py",)


# Settings that say where a build writes and what it keeps, not how content is judged: a build into another
# folder, or an incremental one, reuses what the last one found. (PATH stays: findings name files below it.)
NOT_JUDGING = tuple(name for name in LOCATION_SETTINGS if name != "PATH")


def judging_fingerprint(project: Path, settings) -> str:
    """One hash of the code, registries and settings that decide a file's findings."""
    files = [project / name for name in JUDGING_FILES] + code_files(project, JUDGING_FOLDERS)
    digest = files_fingerprint(project, files + registry_files(project, settings))
    digest.update(f"format {FORMAT}\n".encode())
    digest.update(installed_packages().encode())
    digest.update(plain_settings(settings, NOT_JUDGING).encode())
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

    def remembered(self, name: str, digest: str) -> tuple[list[Finding], TimedClaims] | None:
        """The findings and claims remembered for file `name` with content `digest`, if nothing they depend on
        changed (an entry that cannot be read, from a damaged cache, counts as none)."""
        entry = self.entries.get(name)
        try:
            if not entry or entry["digest"] != digest:
                return None
            if any(self.states.state(path) != state for path, state in entry["consulted"]):
                return None
            claims = entry["claims"]
            result = [Finding(**values) for values in entry["findings"]], TimedClaims(
                datetime.fromisoformat(claims["date"]) if claims["date"] else None,
                [Claim(**values) for values in claims["before"]], [Claim(**values) for values in claims["after"]])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        self.kept[name] = entry
        self.reused += 1
        return result

    def remember(self, name: str, digest: str, findings: list[Finding], consulted, claims: TimedClaims) -> None:
        self.kept[name] = {
            "digest": digest,
            "findings": [asdict(finding) for finding in findings],
            "consulted": sorted([path, self.states.state(path)] for path in set(map(str, consulted))),
            "claims": {"date": claims.date.isoformat() if claims.date else None,
                       "before": [asdict(claim) for claim in claims.before],
                       "after": [asdict(claim) for claim in claims.after]},
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
