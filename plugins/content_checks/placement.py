"""Where an article's file belongs: its reporting office's folder and the year of its Date.

The web editor shows one collection per office folder (plugins/web_editor/config.py),
so an article outside its office's folder is missing from the editor, and one in
another office's folder would be listed to that office. `invoke check` and the build
say so here; `invoke move-articles` (editorial/article_folders.py) moves files to
where `article_home` says. The public address never depends on the file's place.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from office_tags.registry import Office, Registry
from sitelib.article_files import placement
from sitelib.errors import ERROR, WARNING, Finding

from .rules import parse_date, publishable_date
from .source import SourceFile

MOVE_TASK = "invoke move-articles"


@dataclass(frozen=True)
class Home:
    """The folders an article belongs in, below the articles folder: its office's code and the year of its Date."""

    office: str
    year: str

    def folder(self) -> PurePosixPath:
        return PurePosixPath(self.office, self.year)


def reporting_office(source: SourceFile, registry: Registry) -> Office | None:
    """The office Reporting_office names (by code, name or alias); None when it names none (rules.office_findings
    reports that)."""
    found = registry.find(source.value("reporting_office"))
    return found if isinstance(found, Office) else None


def article_home(source: SourceFile, registry: Registry, timezone: str) -> Home | None:
    """Where the article belongs, or None when its Reporting_office or Date cannot tell (other rules report those)."""
    office = reporting_office(source, registry)
    value = source.value("date")
    if office is None or not value:
        return None
    try:
        moment = parse_date(value, timezone)
    except (ValueError, OverflowError):
        return None
    if not publishable_date(moment, timezone):
        return None
    return Home(office.code, f"{moment.astimezone(ZoneInfo(timezone)).year:04d}")


def placement_findings(source: SourceFile, relative: PurePosixPath, articles: str, registry: Registry,
                       timezone: str) -> list[Finding]:
    """What is wrong with where an article's file is. `relative`: its path below the articles folder, which
    `articles` names as the editor sees it (content/articles).

    In another office's folder is a GALAT (that office's editors would see and edit it); anywhere else but
    OFFICE/YEAR/ a PERINGATAN: the article publishes, but is missing from its office's collection in the web
    editor (outside the office's folder, or more than two folders below it: the collection lists two levels),
    or listed where its year is not."""
    home = article_home(source, registry, timezone)
    if home is None:
        return []
    place = placement(relative)
    move = f"Pindahkan berkasnya ke {articles}/{home.folder().as_posix()}/ dengan `{MOVE_TASK}` (alamat berita tidak berubah)"
    if place.office != home.office and place.office in registry.offices:
        return [_at(source, "reporting_office", "Reporting_office",
                    f"berkas ini ada di folder kantor '{place.office}', tetapi kantor peliputnya '{home.office}'.",
                    f"{move}, atau perbaiki Reporting_office.", ERROR)]
    if place.office != home.office or place.depth > 2:
        return [Finding(source.path, "", "berkas berita ini tidak ada di folder kantor peliputnya (atau terlalu dalam di "
                        "bawahnya), jadi tidak tampil di editor web.", severity=WARNING, hint=f"{move}.")]
    if place.year is None:
        return [Finding(source.path, "", f"berkas berita ini tidak di folder tahunnya ({home.year}) di folder kantornya.",
                        severity=WARNING, hint=f"{move}.")]
    if place.year != home.year:
        return [_at(source, "date", "Date", f"tanggal berita tahun {home.year}, tetapi berkasnya di folder tahun {place.year}.",
                    f"{move}.", WARNING)]
    return []


def _at(source: SourceFile, key: str, field: str, message: str, hint: str, severity: str) -> Finding:
    """A finding on a header field, at its line when the file has it."""
    entry = source.meta.get(key)
    return Finding(source.path, entry.name if entry else field, message, entry.line if entry else None,
                   severity=severity, hint=hint)
