"""What a deploy does: output/ against the bucket, by content hash, in an order that never breaks a page.

Phases, each finished before the next starts:
1. files pages point to: photos and their variants, share cards, theme assets, documents, videos,
   Pagefind's index chunks, the web editor's scripts;
2. pages (*.html);
3. what points to pages: feeds, sitemaps, robots.txt, Pagefind's entry files, other JSON;
4. deletions: pages no file of output/ has any more at once (a withdrawn article goes now); other objects
   only GRACE seconds after a deploy first found them unused, because pages and Pagefind's entry files
   that still point at them stay in caches for up to 300 s (browser and CDN each): the next deploy that
   late enough (the hourly publish at the latest) deletes them. `pending` records when each was first
   found unused, in the object PENDING_KEY of the target.
Among the pages, new ones go before changed ones, so no page already online links to one not there yet.
A reader meanwhile sees old pages with old files or new pages with new files, never a page pointing at a file
that is not there yet or not any more; a deploy stopped at any point is completed by the next one, which
uploads what still differs.
"""

import hashlib
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from sitelib.build_manifest import absent_files

from .http_headers import Headers, headers_for, is_published

FILES, PAGES, INDEXES = "berkas", "halaman", "indeks"
PHASES = (FILES, PAGES, INDEXES)
INDEX_SUFFIXES = (".xml", ".txt", ".json")
GRACE = 900  # seconds an unused file stays: 2 × 300 s of caching, and a margin
PENDING_KEY = ".deploy/unused-since.json"  # below the target's prefix; never a file of output/ (dot folder)
PAGEFIND_ENTRY_FILES = ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "pagefind-highlight.js")


@dataclass(frozen=True)
class LocalFile:
    relative: str  # below output/, '/'-separated: the object's key below the target's prefix
    path: Path
    size: int
    md5: str

    @property
    def headers(self) -> Headers:
        return headers_for(self.relative)


@dataclass(frozen=True)
class RemoteObject:
    relative: str
    size: int
    etag: str  # without quotes; the MD5 of the content for objects uploaded in one part


@dataclass
class Plan:
    uploads: dict[str, list[LocalFile]] = field(default_factory=lambda: {phase: [] for phase in PHASES})
    deletions: list[RemoteObject] = field(default_factory=list)
    unchanged: int = 0
    pending: dict[str, float] = field(default_factory=dict)  # unused objects kept for now -> first found unused

    @property
    def upload_count(self) -> int:
        return sum(len(files) for files in self.uploads.values())

    @property
    def upload_bytes(self) -> int:
        return sum(file.size for files in self.uploads.values() for file in files)

    @property
    def deletion_bytes(self) -> int:
        return sum(item.size for item in self.deletions)


def phase_of(relative: str) -> str:
    name = posixpath.basename(relative)
    if name.endswith(".html"):
        return PAGES
    if name.endswith(INDEX_SUFFIXES) or (relative.startswith("pagefind/") and name in PAGEFIND_ENTRY_FILES):
        return INDEXES
    return FILES


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class OutputError(ValueError):
    """output/ holds something that cannot be published as it is (the message is Indonesian)."""


def local_files(output: Path) -> dict[str, LocalFile]:
    """Every file of output/ that is published (not the .gz/.br copies), by its key. A symbolic link stops the
    deploy: the build never makes one, and following it could publish a file from outside output/."""
    found = {}
    for folder, subfolders, names in os.walk(output):
        subfolders.sort()
        for name in sorted(names + [sub for sub in subfolders if (Path(folder) / sub).is_symlink()]):
            path = Path(folder) / name
            relative = path.relative_to(output).as_posix()
            if path.is_symlink():
                raise OutputError(f"{relative} di {output} adalah tautan simbolik; build tidak membuatnya. "
                                  "Jalankan `invoke publish` lagi dari awal.")
            if not path.is_file() or not is_published(relative):
                continue
            found[relative] = LocalFile(relative, path, path.stat().st_size, md5_of(path))
    return found


def kept_elsewhere(output: Path, local: dict[str, LocalFile]) -> frozenset[str]:
    """The published files output/'s build manifest names that output/ does not hold: an incremental build
    with BUILD_REMOTE_FILES kept them where they are published (README: "Incremental publish")."""
    return frozenset(name for name in absent_files(output) if is_published(name) and name not in local)


def make_plan(local: dict[str, LocalFile], remote: dict[str, RemoteObject], everything: bool = False,
              pending: dict[str, float] | None = None, now: float = 0.0, elsewhere: frozenset[str] = frozenset()) -> Plan:
    """Upload what is new or whose content differs (MD5 against the object's ETag); delete unused pages, and
    other unused objects found unused at least GRACE seconds before `now` (`pending`: key -> since when).
    `everything`: upload unchanged files too (after the header rules changed: only content is compared).
    `elsewhere`: files of the site an incremental build kept in the storage without having them in output/
    (its manifest names them): they stay, and must be there."""
    missing = sorted(name for name in elsewhere if name not in remote and name not in local)
    if missing:
        shown = ", ".join(missing[:5]) + (f" dan {len(missing) - 5} lainnya" if len(missing) > 5 else "")
        raise OutputError(f"{len(missing)} berkas situs tidak ada di output/ maupun di penyimpanan: {shown}. "
                          "Jalankan `invoke publish --full` lalu deploy lagi.")
    plan = Plan()
    for relative in sorted(local):
        file = local[relative]
        stored = remote.get(relative)
        if not everything and stored is not None and stored.etag == file.md5:
            plan.unchanged += 1
        else:
            plan.uploads[phase_of(relative)].append(file)
    plan.uploads[PAGES].sort(key=lambda file: (file.relative in remote, file.relative))
    pending = pending or {}
    for relative in sorted(remote):
        if relative in local or relative in elsewhere or relative == PENDING_KEY:
            continue
        since = pending.get(relative, now)
        if phase_of(relative) == PAGES or now - since >= GRACE:
            plan.deletions.append(remote[relative])
        else:
            plan.pending[relative] = since
    return plan
