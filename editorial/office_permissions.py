"""Who may publish for which office: `data/editors.toml` against a pull request's articles.

A pull request that adds or changes an article whose `Reporting_office` is
not one of its author's offices fails, with a finding on that file and line.
Offices are written as in articles: codes, names or region codes
(`jawa-tengah` = every office in the province, for Kanwil editors).
"""

import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from content_checks.source import SourceFile, read_source
from office_tags.registry import Office, Region, Registry
from sitelib.errors import Finding, SiteConfigError

HINT = (
    "Pilih kantor Anda sebagai Reporting_office, atau minta admin situs menambahkan kantor ini "
    "untuk akun Anda di data/editors.toml."
)


@dataclass(frozen=True)
class Editor:
    github: str  # account name, compared case-insensitively (GitHub does)
    name: str
    offices: frozenset[str]  # office codes


def load_editors(path: Path, registry: Registry) -> dict[str, Editor]:
    """Editors by lowercase GitHub account; an unknown office or a repeated account stops with a clear message."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SiteConfigError(f"{path}: tidak bisa dibaca: {error}") from error
    editors: dict[str, Editor] = {}
    for number, entry in enumerate(data.get("editor", []), start=1):
        account = str(entry.get("github", "")).strip()
        if not account:
            raise SiteConfigError(f"{path}: editor ke-{number} tidak punya github (nama akun GitHub).")
        if account.lower() in editors:
            raise SiteConfigError(f"{path}: akun GitHub '{account}' tercantum dua kali.")
        offices: set[str] = set()
        for name in entry.get("offices", []):
            found = registry.find(name)
            if isinstance(found, Office):
                offices.add(found.code)
            elif isinstance(found, Region):
                offices.update(office.code for office in registry.offices_in(found))
            else:
                raise SiteConfigError(f"{path}: akun '{account}': kantor '{name}' tidak dikenal; lihat data/offices.toml.")
        if not offices:
            raise SiteConfigError(f"{path}: akun '{account}' belum diberi kantor (offices = [...]).")
        editors[account.lower()] = Editor(account, str(entry.get("name", account)), frozenset(offices))
    return editors


def permission_findings(sources: list[SourceFile], author: str, editors: dict[str, Editor], registry: Registry) -> list[Finding]:
    """A finding for each article whose reporting office `author` may not write for."""
    editor = editors.get(author.lower())
    findings = []
    for source in sources:
        entry = source.meta.get("reporting_office")
        if entry is None:
            continue  # a missing field is `invoke check`'s finding
        office = registry.find(entry.value)
        shown = office.short_name if isinstance(office, Office) else entry.value
        if editor is None:
            message = f"akun GitHub '{author}' tidak terdaftar sebagai penulis di data/editors.toml, jadi tidak boleh menerbitkan berita {shown}."
        elif not isinstance(office, Office) or office.code not in editor.offices:
            message = f"akun GitHub '{author}' tidak terdaftar menulis untuk {shown}."
        else:
            continue
        findings.append(Finding(source.path, entry.name, message, entry.line, hint=HINT))
    return findings


def changed_articles(base: str, articles_folder: str, cwd: Path) -> list[Path]:
    """Article files added or changed since the merge base with `base` (git)."""
    listed = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", articles_folder],
        cwd=cwd, capture_output=True, text=True, check=True,
    ).stdout
    return [cwd / line for line in listed.splitlines() if line.endswith(".md")]


def check_pull_request(paths: list[Path], author: str, editors_path: Path, registry: Registry, root: Path) -> list[Finding]:
    sources = []
    for path in paths:
        source = read_source(path, str(path.relative_to(root)))
        if isinstance(source, SourceFile):
            sources.append(source)  # an unreadable file is `invoke check`'s finding
    return permission_findings(sources, author, load_editors(editors_path, registry), registry)
