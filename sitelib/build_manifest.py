"""The manifest of a build: every output file, its SHA-256, and what it was made from.

Written by every production build as `.build-manifest.json` at the root of the output (so it is swapped in
with the site it describes) and read by the next build to keep what has not changed
(sitelib/build_selection.py). For each file:
- `sha256` of its bytes;
- `sig`, when a template or plugin made it from data: the signature of that data (sitelib/value_digest.py);
- `reads`, for a page rendered from a template: which of the template's variables it read (an index into
  `read_sets`, since thousands of pages read the same ones).
`fingerprint` is the build's code, templates, settings, registries and packages (build_selection.py);
`folders` holds the signatures of folders written whole (the search index's parts).
The file is plain sorted JSON without times, so two builds of the same content write the same manifest.
"""

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .output_folders import folders_of
from .site_folders import BUILD_EXPLANATION, BUILD_MANIFEST, BUILD_RECORDS

FORMAT = 1


@dataclass
class Manifest:
    fingerprint: str
    files: dict[str, dict] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        read_sets = sorted({tuple(entry["reads"]) for entry in self.files.values() if "reads" in entry})
        numbers = {reads: number for number, reads in enumerate(read_sets)}
        files = {}
        for name in sorted(self.files):
            entry = dict(self.files[name])
            if "reads" in entry:
                entry["reads"] = numbers[tuple(entry["reads"])]
            files[name] = entry
        return json.dumps({
            "format": FORMAT, "fingerprint": self.fingerprint, "read_sets": [list(reads) for reads in read_sets],
            "files": files, "folders": dict(sorted(self.folders.items())),
        }, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Manifest | None":
        """The manifest in `text`, or None when it is not one this code wrote (then the build is a full one)."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                return None
            read_sets = [tuple(reads) for reads in data["read_sets"]]
            files = {}
            for name, entry in data["files"].items():
                entry = dict(entry)
                if "reads" in entry:
                    entry["reads"] = read_sets[entry["reads"]]
                files[name] = entry
            return cls(str(data["fingerprint"]), files, dict(data.get("folders", {})))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None


def read_manifest(site: Path) -> Manifest | None:
    try:
        return Manifest.from_json((Path(site) / BUILD_MANIFEST).read_text(encoding="utf-8"))
    except OSError:
        return None


def write_manifest(site: Path, manifest: Manifest) -> None:
    (Path(site) / BUILD_MANIFEST).write_text(manifest.to_json(), encoding="utf-8")


def read_explanation(site: Path) -> dict[str, dict[str, str]]:
    """The variables' digests of each page of `site` (BUILD_EXPLAIN), {} when there are none."""
    try:
        data = json.loads((Path(site) / BUILD_EXPLANATION).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def write_explanation(site: Path, explanation: dict) -> None:
    (Path(site) / BUILD_EXPLANATION).write_text(json.dumps(explanation, sort_keys=True), encoding="utf-8")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site: Path) -> list[str]:
    """Every file below `site` as '/'-separated paths, sorted, the build's own records left out."""
    found = []
    for folder, _, names in os.walk(site):
        relative = Path(folder).relative_to(site)
        found += [(relative / name).as_posix() for name in names]
    return sorted(name for name in found if name not in BUILD_RECORDS)


def site_hashes(site: Path) -> dict[str, str]:
    """The SHA-256 of every file below `site` as it is now (the manifest left out)."""
    return {name: file_sha256(Path(site) / name) for name in site_files(Path(site))}


def site_folder_names(site: Path) -> set[str]:
    """Every folder below `site`, as '/'-separated paths."""
    return {Path(folder, name).relative_to(site).as_posix() for folder, names, _ in os.walk(site) for name in names}


def differing_files(site: Path, reference: Path) -> list[str]:
    """The files of `site` whose bytes differ from those of the full build in `reference`, or that only one of
    them has (a file one of them kept in the published storage counts as had, by its manifest), and the folders
    only one of them has (as "name/"); the manifests are compared whole (the same files with the same hashes,
    the same pages reading the same values)."""
    built, wanted = site_hashes(site), site_hashes(reference)
    published = {*absent_files(site), *absent_files(reference)}
    different = {name for name in built.keys() & wanted.keys() if built[name] != wanted[name]}
    different |= {name for name in built.keys() ^ wanted.keys() if name not in published}
    holding_published = set(folders_of(published))
    different |= {f"{name}/" for name in site_folder_names(site) ^ site_folder_names(reference)
                  if name not in holding_published}
    manifests = [(Path(folder) / BUILD_MANIFEST) for folder in (site, reference)]
    if any(not path.is_file() for path in manifests) or manifests[0].read_bytes() != manifests[1].read_bytes():
        different.add(BUILD_MANIFEST)
    return sorted(different)


def absent_files(site: Path) -> list[str]:
    """The files the manifest of `site` names that `site` does not hold (kept in the published storage by an
    incremental build with BUILD_REMOTE_FILES); [] when there is no manifest."""
    manifest = read_manifest(site)
    if manifest is None:
        return []
    return sorted(name for name in manifest.files if not (Path(site) / name).is_file())
