"""How an article's header writes its date and where its file goes, in one place.

`invoke new`, the WordPress import and the web editor all write `Date:` as
HEADER_DATE_FORMAT ("2022-08-23 15:00", wall time in the site's zone) and
name a new article's file ARTICLE_FILE under the articles folder
("2022/2022-08-23-slug.md", the year and day of that date). The editor's
form of the same date (dayjs/moment tokens) and its file-name template are
made from these here, so no other module spells either.
"""

import re
from datetime import date
from pathlib import PurePosixPath

from .content_files import CONTENT_EXTENSION

HEADER_DATE_FORMAT = "%Y-%m-%d %H:%M"  # strftime
# The strftime directives HEADER_DATE_FORMAT may use, as dayjs/moment (Decap's date fields) spell them.
EDITOR_TOKENS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "mm"}
# An article's file, relative to the articles folder: the date parts of its Date, then its slug.
ARTICLE_FILE = "{year}/{year}-{month}-{day}-{slug}"
DATE_PARTS = {"year": "%Y", "month": "%m", "day": "%d"}


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


def article_path(moment: date, slug: str) -> PurePosixPath:
    """The article's file relative to the articles folder: 2022/2022-08-23-slug.md for a Date on 23 August 2022."""
    parts = {name: moment.strftime(directive) for name, directive in DATE_PARTS.items()}
    return PurePosixPath(f"{ARTICLE_FILE.format(slug=slug, **parts)}.{CONTENT_EXTENSION}")


def article_path_template(date_keys: dict[str, str], slug_key: str = "slug") -> str:
    """ARTICLE_FILE as a Decap `path` template ("{{date_year}}/…-{{slug}}"), with `date_keys` naming year,
    month and day (Decap adds the extension itself)."""
    return ARTICLE_FILE.format(slug="{{%s}}" % slug_key, **{name: "{{%s}}" % date_keys[name] for name in DATE_PARTS})
