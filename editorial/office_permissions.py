"""Who may change what in a pull request: `data/editors.toml` against the files the pull request changes.

Run from a checkout of the base branch, with the base branch's code and data:
the pull request is read only as git data (editorial/pull_request.py), and
its files' headers with the parser the build uses (sitelib.metadata).

- Adding or changing an article needs its reporting office.
- Changing or deleting an article (or renaming it away) also needs the office
  it belonged to, at the merge base and on the base branch now.
- Adding a photo or other file to the content folder is free; changing or
  deleting one needs the office of every article on the base branch that uses it.
- Adding, changing or deleting a document, video or audio file in an office's
  folder (content/dokumen/OFFICE/, content/media/OFFICE/) needs that office:
  its address names the office.
- Adding, changing or deleting an office's old upload addresses
  (content/unggahan-lama/OFFICE.toml) needs that office: they say which file
  its old WordPress links open.
- Pages, code, data, workflows, settings, symbolic links and anything else
  need an admin (`role = "admin"` in data/editors.toml).
Offices in editors.toml are written as in articles: codes, names or region
codes (`jawa-tengah` = every office in the province, for Kanwil news editors).
"""

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

from content_checks.scan import rendered_body
from content_checks.source import SourceFile, parse_bytes
from old_addresses.old_uploads import OLD_UPLOADS_FOLDER
from sitelib.site_folders import DOCUMENT_FOLDER, MEDIA_FOLDER
from office_tags.registry import Office, Region, Registry
from sitelib.content_files import ARTICLE, content_folders, folder_kind, kind_of
from sitelib.errors import Finding
from sitelib.links import STATIC_PLACEHOLDERS, linked_file
from sitelib.registry_file import Key, read_toml, refuse_repeats, table_entries

from .pull_request import Change, FileVersion, Repository

ADMIN_ROLE = "admin"
HINT = (
    "Pilih kantor Anda sebagai Reporting_office, atau minta admin situs menambahkan kantor ini "
    "untuk akun Anda di data/editors.toml."
)
ADMIN_HINT = "Minta admin situs (role = \"admin\" di data/editors.toml) mengajukan atau menyetujui perubahan ini."


@dataclass(frozen=True)
class Editor:
    github: str  # account name, compared case-insensitively (GitHub does)
    name: str
    offices: frozenset[str]  # office codes
    admin: bool = False


EDITOR_KEYS = (
    Key("github", label="akun GitHub"), Key("name", required=False),
    Key("offices", list, required=False, items=str), Key("role", required=False, choices=(ADMIN_ROLE,)),
)


def _offices(entry, registry: Registry) -> set[str]:
    offices: set[str] = set()
    for name in entry.get("offices", []):
        found = registry.find(name)
        if isinstance(found, Office):
            offices.add(found.code)
        elif isinstance(found, Region):
            offices.update(office.code for office in registry.offices_in(found))
        else:
            raise entry.refuse(f"akun '{entry['github']}': kantor '{name}' tidak dikenal; lihat data/offices.toml.")
    return offices


def load_editors(path: Path, registry: Registry) -> dict[str, Editor]:
    """Editors by lowercase GitHub account (sitelib.registry_file checks the entries); an unknown office,
    role or a repeated account stops with a clear message."""
    entries = table_entries(read_toml(path), "editor", path, EDITOR_KEYS)
    refuse_repeats(entries, "github", "akun GitHub", key=str.lower)  # GitHub ignores case
    editors: dict[str, Editor] = {}
    for entry in entries:
        account, admin = entry["github"], entry.get("role") == ADMIN_ROLE
        offices = _offices(entry, registry)
        if not offices and not admin:
            raise entry.refuse(f"akun '{account}' belum diberi kantor (offices = [...]).")
        editors[account.lower()] = Editor(account, entry.get("name") or account, frozenset(offices), admin)
    return editors


@dataclass(frozen=True)
class Need:
    """What changing one file asks of the pull request's author: an office, or (office None) an admin."""

    path: str
    office: Office | None
    what: str  # why, in Indonesian: "berita ini milik Kankemenag Kab. Wonosobo"
    field: str = ""
    line: int | None = None


def reporting_office(data: bytes, path: str, registry: Registry) -> tuple[Office | None, SourceFile | None]:
    """The article's reporting office as the build reads it, or None when it has none we know."""
    source = parse_bytes(data, path)
    if not isinstance(source, SourceFile):
        return None, None
    found = registry.find(source.value("reporting_office"))
    return (found if isinstance(found, Office) else None), source


def photo_references(source: SourceFile, item_path: str, content_root: str, settings) -> set[str]:
    """Repository paths of the files an item's header (Image) and rendered body (image sources and
    link targets) reference with {static}/{attach}, found as the build finds them."""
    references = [source.value("image")]
    soup = BeautifulSoup(rendered_body(source, settings), "html.parser")
    references += [image.get("src", "") for image in soup.find_all("img")]
    references += [link.get("href", "") for link in soup.find_all("a")]
    folder, root = PurePosixPath(posixpath.dirname(item_path)), PurePosixPath(content_root)
    return {
        posixpath.normpath(str(linked_file(reference, folder, root)))
        for reference in references if reference.startswith(STATIC_PLACEHOLDERS)
    }


# What Markdown and HTML decode inside a reference: entities and backslash escapes.
DECODED_BY_THE_BUILD = ("&", "\\")


OLD_UPLOADS = "old_uploads"  # Review.kind of content/unggahan-lama/OFFICE.toml


class Review:
    """The needs of one pull request, read from the repository at `base` and `head`."""

    def __init__(self, repository: Repository, base: str, head: str, settings, registry: Registry):
        self.repository = repository
        self.base = repository.commit(base)
        self.head = repository.commit(head)
        # Content folders as git names them: relative to the repository.
        content = Path(os.path.relpath(Path(settings["PATH"]).resolve(), repository.folder.resolve())).as_posix()
        self.settings = {**settings, "PATH": content}
        self.registry = registry
        self.content_root = PurePosixPath(content)

    def kind(self, path: str) -> str:
        """ARTICLE, "media" (any other file of the content folder: photos), or "admin" (pages, code,
        data, settings, and any hidden file such as a .gitattributes that would rewrite others)."""
        if kind_of(path, self.settings) == ARTICLE:
            return ARTICLE
        if PurePosixPath(path).parent == self.content_root / OLD_UPLOADS_FOLDER and path.endswith(".toml"):
            return OLD_UPLOADS
        hidden = any(part.startswith(".") for part in PurePosixPath(path).parts)
        if not hidden and folder_kind(path, self.settings) is None and self.content_root in PurePosixPath(path).parents:
            return "media"
        return "admin"

    def _admin(self, version: FileVersion) -> Need:
        if not version.is_regular_file:
            what = "berkas ini bukan berkas biasa (tautan simbolik atau submodul)"
        elif folder_kind(version.path, self.settings) == "page":
            what = "halaman tetap hanya diubah oleh admin situs"
        elif folder_kind(version.path, self.settings):
            what = "berkas ini bukan berita .md"
        else:
            what = "kode, data, alur kerja dan setelan situs hanya diubah oleh admin situs"
        return Need(version.path, None, what)

    def _old_uploads_needs(self, version: FileVersion) -> list[Need]:
        """An office's old upload addresses: that office (the file's name is its code), else an admin."""
        code = PurePosixPath(version.path).stem
        office = self.registry.find(code)
        if not isinstance(office, Office) or office.code != code:
            return [Need(version.path, None, "nama berkas alamat lama unggahan bukan kode kantor")]
        return [Need(version.path, office, f"alamat lama unggahan milik {office.short_name}")]

    def _office_folder_needs(self, version: FileVersion) -> list[Need]:
        """A file in an office's document or media folder: that office (its address, /dokumen/OFFICE/…, names it)."""
        parts = PurePosixPath(version.path).relative_to(self.content_root).parts
        if len(parts) < 3 or parts[0] not in (DOCUMENT_FOLDER, MEDIA_FOLDER):
            return []
        office = self.registry.find(parts[1])
        if isinstance(office, Office) and office.code == parts[1]:
            return [Need(version.path, office, f"berkas di folder {office.short_name}")]
        return []

    def _article_needs(self, version: FileVersion, changed: bool) -> list[Need]:
        office, source = reporting_office(self.repository.blob(version.blob), version.path, self.registry)
        entry = source.meta.get("reporting_office") if source else None
        line = entry.line if entry else None
        if office is None:
            return [Need(version.path, None, "kantor peliput (Reporting_office) berita ini tidak bisa ditentukan", "Reporting_office", line)]
        what = f"berita ini milik {office.short_name}" if changed else ""
        return [Need(version.path, office, what, "Reporting_office", line)]

    def _media_needs(self, version: FileVersion) -> list[Need]:
        """The offices of the base branch's articles that use this file; an admin for a page that does."""
        needs = []
        name = PurePosixPath(version.path).name
        # Candidates: every text that names the file as typed ("%20" for a space, as Pelican reads
        # {static} links), and every text with an entity or a backslash escape, which Markdown and
        # HTML decode before the build reads the reference ("&#102;oto.jpg", "a\_b.jpg"). Each
        # candidate is then read as the build reads it.
        names = list(dict.fromkeys([name, name.replace(" ", "%20"), *DECODED_BY_THE_BUILD]))
        folders = [top.as_posix() for _, top in content_folders(self.settings)]
        for item in self.repository.files_containing(self.base, names, folders):
            kind = kind_of(item, self.settings)
            stored = self.repository.file_at(self.base, item)
            if stored is None or kind is None:
                continue
            office, source = reporting_office(self.repository.blob(stored.blob), item, self.registry)
            if source is None or version.path not in photo_references(source, item, str(self.content_root), self.settings):
                continue
            if kind == ARTICLE:
                what = f"foto ini dipakai berita {office.short_name if office else 'tanpa kantor peliput'} ({item})"
                needs.append(Need(version.path, office, what))
            else:
                needs.append(Need(version.path, None, f"foto ini dipakai halaman tetap ({item}), yang hanya diubah oleh admin situs"))
        return needs

    def _before_needs(self, before: FileVersion) -> list[Need]:
        """Changing or deleting what was there."""
        kind = self.kind(before.path)
        if kind == "admin" or not before.is_regular_file:
            return [self._admin(before)]
        if kind == "media":
            return self._media_needs(before) + self._office_folder_needs(before)
        if kind == OLD_UPLOADS:
            return self._old_uploads_needs(before)
        needs = self._article_needs(before, changed=True)
        now = self.repository.file_at(self.base, before.path)
        if now is not None and now.blob != before.blob and now.is_regular_file:
            needs += self._article_needs(now, changed=True)
        return needs

    def _after_needs(self, after: FileVersion) -> list[Need]:
        """Adding or writing what is there now."""
        kind = self.kind(after.path)
        if kind == "admin" or not after.is_regular_file:
            return [self._admin(after)]
        if kind == "media":
            return self._office_folder_needs(after)  # a new photo is free; a changed one is judged by what it was
        if kind == OLD_UPLOADS:
            return self._old_uploads_needs(after)
        return self._article_needs(after, changed=False)

    def needs(self) -> tuple[list[Change], list[Need]]:
        changes = self.repository.changes(self.base, self.head)
        found: list[Need] = []
        for change in changes:
            if change.before is not None:
                found += self._before_needs(change.before)
            if change.after is not None:
                found += self._after_needs(change.after)
        result, seen = [], set()
        for need in found:
            key = (need.path, need.office.code if need.office else None)
            if key not in seen:
                seen.add(key)
                result.append(need)
        return changes, result


def permission_findings(needs: list[Need], author: str, editors: dict[str, Editor]) -> list[Finding]:
    """A finding for every need the author does not meet."""
    editor = editors.get(author.lower())
    if editor is not None and editor.admin:
        return []
    findings = []
    for need in needs:
        if editor is None:
            lack, hint = f"akun GitHub '{author}' tidak terdaftar sebagai penulis di data/editors.toml", HINT
        elif need.office is None:
            lack, hint = f"akun GitHub '{author}' bukan admin situs", ADMIN_HINT
        elif need.office.code not in editor.offices:
            lack, hint = f"akun GitHub '{author}' tidak terdaftar menulis untuk {need.office.short_name}", HINT
        else:
            continue
        message = f"{need.what}; {lack}." if need.what else f"{lack}."
        findings.append(Finding(need.path, need.field, message, need.line, hint=hint))
    return findings


def check_pull_request(repository_folder: Path, base: str, head: str, author: str, settings, registry: Registry,
                       editors_path: Path) -> tuple[list[Change], list[Finding]]:
    """The changes of head since its merge base with base, and the findings against `author`."""
    editors = load_editors(editors_path, registry)
    changes, needs = Review(Repository(repository_folder), base, head, settings, registry).needs()
    return changes, permission_findings(needs, author, editors)

