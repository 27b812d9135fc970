"""How an article's header writes its date and where its file goes, in one place.

`invoke new`, the WordPress import and the web editor all write `Date:` as
HEADER_DATE_FORMAT ("2022-08-23 15:00", wall time in the site's zone) and
put a new article's file in its reporting office's folder under the
articles folder, named OFFICE_FILE there ("kota-magelang/2022/2022-08-23-slug.md":
the office's code, then the year and day of that date). Each office's folder
is one collection of the web editor (plugins/web_editor/config.py), so a
collection holds one office's files. The editor's form of the same date
(dayjs/moment tokens) and its file-name template are made from these here,
so no other module spells either. Public addresses come from Date and Slug,
never from the file's place (pelicanconf ARTICLE_URL).
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from .content_files import CONTENT_EXTENSION

HEADER_DATE_FORMAT = "%Y-%m-%d %H:%M"  # strftime
# The strftime directives HEADER_DATE_FORMAT may use, as dayjs/moment (Decap's date fields) spell them.
EDITOR_TOKENS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "mm"}
# An article's file, relative to its office's folder: the date parts of its Date, then its slug.
OFFICE_FILE = "{year}/{year}-{month}-{day}-{slug}"
DATE_PARTS = {"year": "%Y", "month": "%m", "day": "%d"}
YEAR_FOLDER = re.compile(r"[0-9]{4}")


def editor_date_format(strftime_format: str = HEADER_DATE_FORMAT) -> str:
    """The dayjs/moment form of a strftime format ("%Y-%m-%d %H:%M" -> "YYYY-MM-DD HH:mm")."""
    def token(match: re.Match) -> str:
        if match.group() not in EDITOR_TOKENS:
            raise ValueError(f"Format tanggal {strftime_format!r}: {match.group()} belum dikenal editor web.")
        return EDITOR_TOKENS[match.group()]

    return re.sub(r"%.", token, strftime_format)


EDITOR_DATE_FORMAT = editor_date_format()


def header_date(moment: date) -> str:
    """The Date line's value for `moment` (already in the site's zone): '2022-08-23 15:00'."""
    return moment.strftime(HEADER_DATE_FORMAT)


def article_path(office: str, moment: date, slug: str) -> PurePosixPath:
    """The article's file relative to the articles folder: kota-magelang/2022/2022-08-23-slug.md for an
    article of Kankemenag Kota Magelang (its Reporting_office code) with a Date on 23 August 2022."""
    if not office or "/" in office or office.startswith("."):
        raise ValueError(f"kode kantor {office!r} tidak bisa menjadi nama folder.")
    parts = {name: moment.strftime(directive) for name, directive in DATE_PARTS.items()}
    return PurePosixPath(office, f"{OFFICE_FILE.format(slug=slug, **parts)}.{CONTENT_EXTENSION}")


def article_path_template(date_keys: dict[str, str], slug_key: str = "slug") -> str:
    """OFFICE_FILE as a Decap `path` template ("{{date_year}}/…-{{slug}}") inside an office's collection, with
    `date_keys` naming year, month and day (Decap adds the extension itself)."""
    return OFFICE_FILE.format(slug="{{%s}}" % slug_key, **{name: "{{%s}}" % date_keys[name] for name in DATE_PARTS})


@dataclass(frozen=True)
class Placement:
    """Where an article's file is, relative to the articles folder: its first folder (the office's, if any),
    its year folder (None unless the file is at OFFICE/YEAR/name.md) and how many folders deep it is."""

    office: str | None
    year: str | None
    depth: int


def placement(relative: PurePosixPath) -> Placement:
    """The office and year folders of an article's path relative to the articles folder."""
    parts = relative.parts
    year = parts[1] if len(parts) == 3 and YEAR_FOLDER.fullmatch(parts[1]) else None
    return Placement(parts[0] if len(parts) > 1 else None, year, len(parts) - 1)
