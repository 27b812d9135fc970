"""Which outputs an incremental build keeps from the previous build, and the manifest of what it made.

Pelican reads every article each time (its content cache makes that cheap) and the plugins enrich them all,
so everything a page could show is known. What is skipped is the expensive part: rendering pages and making
files whose inputs are the same as last time. For each output the previous build's manifest
(build_manifest.py) says from what it was made; when that is the same now, the previous file is hard-linked
into the new build's staging folder instead of being made again:

- a page rendered from a template is kept when the template variables it read last time have the same
  digests now (sitelib/value_digest.py). A template that takes another path now can only do so because a
  value it read differs, so the reads recorded last time are all that can matter;
- a file a plugin makes (photo variant, share card, document copy, redirect, search index part) is kept when
  the plugin's own signature of its inputs is the same (`keep_file`, `keep_folder`).

Anything else is made as in a full build. Every page is rendered when there is no previous output or manifest,
or the fingerprint differs (code, templates, settings, registries, installed packages, Python); files plugins
make are still kept by their signatures then, which name what they are made from. The clock needs no
special case: Pelican decides afresh which scheduled articles are due, and a page whose list gained one
renders again like any other.

Pelican's WRITE_SELECTED was the old way to render chosen outputs; Pelican 4.10 removed it (4.12 warns that
it "will have no effect"), so the selection is made here, in the writer.
"""

import hashlib
import os
import posixpath
import stat
import sys
from collections import Counter
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .build_manifest import (
    Manifest, file_sha256, read_explanation, read_manifest, site_files, write_explanation, write_manifest,
)
from .errors import SiteConfigError
from .output_folders import FolderMaker, folders_of, plain_name, remove_empty, unused_folders
from .code_fingerprint import code_files, files_fingerprint, installed_packages, plain_settings, registry_files
from .value_digest import Digester

PROJECT = Path(__file__).resolve().parents[1]
PREVIOUS_SETTING = "BUILD_PREVIOUS_OUTPUT"
# True when the previous build's files that are not in BUILD_PREVIOUS_OUTPUT are in the published storage
# (S3 hosting: CI keeps the pages between runs, not the photo variants, cards and documents; see README).
REMOTE_SETTING = "BUILD_REMOTE_FILES"
# True: render every page and index again, keeping only files by their signatures (`invoke verify-incremental`
# for S3 hosting, where a full build would need every photo on disk).
FRESH_PAGES_SETTING = "BUILD_FRESH_PAGES"
# The build's moment (plugins/incremental/clock.py): it decides which scheduled articles are due, like any time.
CLOCK_SETTING = "BUILD_NOW"
# True in the production build (publishconf.py): the manifest, the signatures and what may be kept. The preview
# has none of that work.
ENABLED_SETTING = "INCREMENTAL_BUILD"
# Settings that say where things are, when or how to build, not what is built.
LOCATION_SETTINGS = ("PATH", "OUTPUT_PATH", "CACHE_PATH", "THEME", "PLUGIN_PATHS", PREVIOUS_SETTING, REMOTE_SETTING,
                     FRESH_PAGES_SETTING, CLOCK_SETTING)
FINGERPRINT_FOLDERS = ("plugins", "sitelib", "theme")
FINGERPRINT_FILES = ("pelicanconf.py", "publishconf.py")
COMPRESSED = (".gz", ".br")
EXPLAIN = bool(os.environ.get("BUILD_EXPLAIN"))


def build_moment(settings) -> datetime | None:
    """The moment BUILD_NOW pins the build to (None: the real clock); it must say its time zone."""
    setting = settings.get(CLOCK_SETTING)
    if not setting:
        return None
    moment = datetime.fromisoformat(setting)
    if moment.tzinfo is None:
        raise SiteConfigError(f"{CLOCK_SETTING} {setting!r} perlu zona waktu, misalnya 2026-12-01T09:00+07:00.")
    return moment


def build_fingerprint(settings, project: Path = PROJECT) -> str:
    """Everything besides the content that decides the output: a change here means a full build."""
    files = [project / name for name in FINGERPRINT_FILES]
    files += code_files(project, FINGERPRINT_FOLDERS, "*")
    digest = files_fingerprint(project, files + registry_files(project, settings))
    digest.update(installed_packages().encode())
    digest.update(plain_settings(settings, LOCATION_SETTINGS).encode())
    return digest.hexdigest()


class Selection:
    """One build's decisions: what it keeps from `previous` (None: a full build) and the signatures it saw."""

    def __init__(self, output: Path, fingerprint: str, previous: Path | None = None,
                 old: Manifest | None = None, remote_files: bool = False, fresh_pages: bool = False):
        self.output = Path(output)
        self.previous = previous if old is not None else None
        self.old = old if self.previous is not None else Manifest(fingerprint)
        # Pages are kept only when the code, templates and settings are the same; a file a plugin makes is kept
        # by its own signature, which says what it is made from whatever the code (a photo's hash and the
        # variant's version in its name, a document's bytes, a redirect's HTML, a search part's pages and
        # Pagefind version), just as the caches reuse them by those names.
        self.same_code = self.previous is not None and self.old.fingerprint == fingerprint
        self.remote_files = remote_files and self.previous is not None
        self.fresh_pages = fresh_pages
        self.new = Manifest(fingerprint)
        self.digester = Digester()
        self.linked: set[str] = set()
        self.remote: set[str] = set()  # kept, but only in the published storage: not in this output
        self._elsewhere: dict[str, frozenset[str]] = {}
        self._plain_folders: dict[str, bool] = {}
        self._made_folders: set[str] = set()
        self._folder_maker: FolderMaker | None = None
        self.rendered = 0
        self.reasons: Counter[str] = Counter()
        self.explanation: dict[str, dict[str, str]] = {}
        self.old_explanation = read_explanation(self.previous) if EXPLAIN and self.previous else {}

    @property
    def incremental(self) -> bool:
        return self.previous is not None

    # Pages rendered from templates

    def variable_digests(self, reads, values: dict) -> dict[str, str]:
        return {name: self.digester.of(values[name]) if name in values else "-" for name in sorted(reads)}

    def page_signature(self, template: str, reads, values: dict) -> str:
        parts = [template, *(f"{name}={digest}" for name, digest in self.variable_digests(reads, values).items())]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def _explained(self, name: str, entry: dict, reads, values: dict) -> dict:
        """With BUILD_EXPLAIN set, each page's variables' digests are kept beside the manifest (EXPLANATION, not
        part of the site), and a page rendered again counts the variables that differ: `invoke publish` then
        prints why pages were rendered."""
        if EXPLAIN:
            self.explanation[name] = self.variable_digests(reads, values)
        return entry

    def _count_reasons(self, name: str, values: dict) -> None:
        old = self.old_explanation.get(name)
        if not EXPLAIN or old is None:
            self.reasons["(halaman baru)" if name not in self.old.files else "(tanpa rincian)"] += 1
            return
        now = self.variable_digests(old, values)
        for variable in [v for v in now if now[v] != old[v]] or ["(berkas lama hilang)"]:
            self.reasons[variable] += 1

    def keep_page(self, name: str, template: str, values: dict) -> bool:
        """Whether the page `name` (below the output) can stay as last built; if so, it is linked in."""
        entry = self.old.files.get(name)
        if not self.same_code or self.fresh_pages or not entry or "reads" not in entry:
            return False
        signature = self.page_signature(template, entry["reads"], values)
        if signature != entry.get("sig") or not self._link(name, remote_ok=False):
            return False
        self.new.files[name] = self._explained(name, {"sig": signature, "reads": tuple(entry["reads"])}, entry["reads"], values)
        return True

    def page_rendered(self, name: str, template: str, reads, values: dict) -> None:
        reads = tuple(sorted(reads))
        self.rendered += 1
        if self.same_code:
            self._count_reasons(name, values)
        self.new.files[name] = self._explained(
            name, {"sig": self.page_signature(template, reads, values), "reads": reads}, reads, values)

    # Files and folders plugins make

    def keep_file(self, name: str, signature: str) -> bool:
        """True when the file `name` was made from `signature` last time and is linked in as it is; False:
        the caller makes it. The signature is recorded either way."""
        self.new.files[name] = {"sig": signature}
        entry = self.old.files.get(name)
        return bool(self.incremental and entry and entry.get("sig") == signature and self._link(name))

    def made_before(self, name: str) -> bool:
        """Whether the last build made `name` from a signature (a plugin may then skip preparing it)."""
        return bool(self.incremental and "sig" in self.old.files.get(name, {}))

    def keep_folder(self, folder: str, signature: str) -> bool:
        """The same for a folder written whole: every file of it last time is linked in, or none is."""
        self.new.folders[folder] = signature
        if not self.incremental or self.fresh_pages or self.old.folders.get(folder) != signature:
            return False
        names = [name for name in self.old.files if name.startswith(f"{folder}/")]
        if not all((self.previous / name).is_file() for name in names):
            return False
        return all(self._link(name, remote_ok=False) for name in names)

    def _link(self, name: str, remote_ok: bool = True) -> bool:
        """Hard-link the previous build's file `name` (and its .gz/.br) into the output; False if it is gone.
        With remote files allowed, a file missing from the previous output is kept where it is published.
        (Tens of thousands of files at a large archive: one lstat per source, folders made once.)"""
        if name in self.linked:
            return True
        source = self._previous_file(name)
        if source is None:
            return False
        path, kind = source
        target = os.path.join(self.output, name)  # a plain relative name, checked above: it cannot leave the output
        if kind == "file":
            self._make_folder(posixpath.dirname(name))
            try:
                os.link(path, target, follow_symlinks=False)
            except FileExistsError:
                return False
        elif os.path.lexists(target):
            return False
        elif remote_ok and self.remote_files and kind == "missing" and "sha256" in self.old.files.get(name, {}):
            self.remote.add(name)
        else:
            return False
        self.linked.add(name)
        for sibling in (name + suffix for suffix in COMPRESSED if name + suffix in self.old.files):
            found = self._previous_file(sibling)
            if found is not None and found[1] == "file":
                self._make_folder(posixpath.dirname(sibling))  # its page may be kept only remotely
                try:
                    os.link(found[0], os.path.join(self.output, sibling), follow_symlinks=False)
                except FileExistsError:
                    continue
            elif name in self.remote:
                self.remote.add(sibling)
            else:
                continue
            self.linked.add(sibling)
        return True

    def make_folders_ahead(self) -> None:
        """In an incremental build with the previous build's code and settings (so the same addresses), have
        another process make the previous build's folders in the output now, while the build reads
        (sitelib/output_folders.py); once, after Pelican has emptied the output."""
        if self.same_code and self._folder_maker is None:
            os.makedirs(self.output, exist_ok=True)
            self._folder_maker = FolderMaker(self.output, folders_of(self.old.files))

    def wait_for_folders(self) -> None:
        """Before anything is written: every folder made ahead is there, and nothing more will be."""
        if self._folder_maker is not None:
            self._folder_maker.wait()

    def stop_making_folders(self) -> None:
        if self._folder_maker is not None:
            self._folder_maker.stop()

    def _remove_unused_folders(self, files) -> None:
        """The folders made ahead that hold none of this build's files go: the output a full build gives."""
        if self._folder_maker is not None:
            self._folder_maker.wait()
            remove_empty(self.output, unused_folders(self._folder_maker.folders, files))

    def _make_folder(self, folder: str) -> None:
        """`folder` below the output and the folders above it, each made (or found) once."""
        if folder in self._made_folders:
            return
        parent = posixpath.dirname(folder)
        if parent:
            self._make_folder(parent)
        else:
            os.makedirs(self.output, exist_ok=True)
        try:
            os.mkdir(os.path.join(self.output, folder))
        except FileExistsError:
            pass
        self._made_folders.add(folder)

    def _previous_file(self, name: str) -> tuple[str, str] | None:
        """The previous build's `name` and whether it is a "file", "missing" or "other"; None when that is not
        a plain name inside its folder (a manifest naming "../x", a symbolic link): nothing from elsewhere is
        ever linked into the output."""
        if not plain_name(name):
            return None  # "a/../b", "./a", "/a": never a name this code writes
        folder = posixpath.dirname(name)
        if folder and not self._plain_folder(folder):
            return None
        path = os.path.join(self.previous, name)
        try:
            mode = os.lstat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return path, "missing"
        if stat.S_ISLNK(mode):
            return None
        return path, "file" if stat.S_ISREG(mode) else "other"

    def _plain_folder(self, folder: str) -> bool:
        """Whether `folder` and every folder above it, below the previous output, is a real folder (not a
        symbolic link); remembered, since thousands of files share a few folders."""
        known = self._plain_folders.get(folder)
        if known is None:
            parent = posixpath.dirname(folder)
            path = self.previous / folder
            known = (not parent or self._plain_folder(parent)) and not path.is_symlink()
            self._plain_folders[folder] = known
        return known

    def was_linked(self, name: str) -> bool:
        return name in self.linked

    def fact(self, name: str, key: str):
        """What a plugin recorded last time about the file `name` under `key` (`note`), when this build linked
        the same file in and the code is the same (the plugin's judgement too); None otherwise (the plugin then
        reads the file)."""
        return self.old.files.get(name, {}).get(key) if self.same_code and name in self.linked else None

    def note(self, name: str, key: str, value) -> None:
        """Record a fact about the output file `name` in the manifest (plain JSON), for the next build's `fact`."""
        self.new.files.setdefault(name, {})[key] = value

    def published_elsewhere(self, folder: str) -> frozenset[str]:
        """The files below `folder` the last build published under names that say what they are (signature =
        name) and that are only in the published storage: a plugin need not make them again to keep them."""
        if not self.remote_files:
            return frozenset()
        if folder not in self._elsewhere:
            self._elsewhere[folder] = frozenset(
                name for name, entry in self.old.files.items()
                if name.startswith(f"{folder}/") and entry.get("sig") == name and not (self.previous / name).exists())
        return self._elsewhere[folder]

    def present(self, name: str) -> bool:
        """Whether the output has `name`, here or (kept) in the published storage."""
        return name in self.remote or (self.output / name).exists()

    def remote_sha256(self, name: str) -> str | None:
        """The SHA-256 of a file kept only in the published storage (None for any other file)."""
        return self.old.files[name]["sha256"] if name in self.remote else None

    # The new manifest

    def finish(self) -> Manifest:
        """The manifest of the output as it is now: linked files keep their recorded hash, others are read."""
        files = {}
        names = site_files(self.output)
        self._remove_unused_folders(names)
        for name in names:
            entry = dict(self.new.files.get(name, {}))
            old = self.old.files.get(name)
            if name in self.linked and old and "sha256" in old:
                entry["sha256"] = old["sha256"]
            else:
                entry["sha256"] = file_sha256(self.output / name)
            files[name] = entry
        for name in self.remote - files.keys():
            files[name] = {**self.new.files.get(name, {}), "sha256": self.old.files[name]["sha256"]}
        self.new.files = files
        write_manifest(self.output, self.new)
        if EXPLAIN:
            write_explanation(self.output, self.explanation)
            print(f"Build bertahap: {self.rendered} halaman dirender ({'bertahap' if self.same_code else 'penuh'}); "
                  f"sebabnya: {dict(self.reasons.most_common())}", file=sys.stderr)
        return self.new


_ACTIVE: dict[str, Selection] = {}


def start_selection(settings) -> Selection:
    """The selection of the build Pelican is starting into OUTPUT_PATH, from BUILD_PREVIOUS_OUTPUT if set."""
    output = Path(settings["OUTPUT_PATH"]).resolve()
    previous_setting = settings.get(PREVIOUS_SETTING) or ""
    previous = Path(previous_setting).resolve() if previous_setting else None
    if previous == output:
        previous = None  # never link a folder's files into itself
    abandon_selection(output)
    old = read_manifest(previous) if previous else None
    selection = Selection(output, build_fingerprint(settings), previous, old, bool(settings.get(REMOTE_SETTING)),
                          bool(settings.get(FRESH_PAGES_SETTING)))
    _ACTIVE[str(output)] = selection
    return selection


def selection_for(settings) -> Selection:
    """The selection of the build writing into the settings' OUTPUT_PATH (a full one when none was started, or
    for settings that name no output: a check, a tool)."""
    return selection_at(settings.get("OUTPUT_PATH") or os.devnull)


def selection_at(output_path) -> Selection:
    """The selection of the build writing into `output_path`; for a build that keeps nothing (a preview, a
    check), one that keeps nothing and is not remembered."""
    output = _resolved(str(output_path))
    return _ACTIVE.get(output) or Selection(Path(output), "")


def end_selection(settings) -> Selection | None:
    return _ACTIVE.pop(_resolved(settings["OUTPUT_PATH"]), None)


def abandon_selection(output_path) -> None:
    """The build into `output_path` stopped (or another starts there): nothing of it writes there any more."""
    selection = _ACTIVE.pop(_resolved(str(output_path)), None)
    if selection is not None:
        selection.stop_making_folders()


@lru_cache(maxsize=64)
def _resolved(path: str) -> str:
    """An output folder's real path, the key of its selection (asked for every article: resolved once)."""
    return str(Path(path).resolve())
