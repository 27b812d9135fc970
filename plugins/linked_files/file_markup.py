"""A body's links to local documents, videos and audio files, as the page shows them.

A link to a document (`[Daftar jemaah]({static}/dokumen/…/daftar.pdf)`)
points to the published file and is followed by its type and size:
"Daftar jemaah (PDF, 240 KB)". A paragraph that is only a link to a video or
audio file becomes a player that loads nothing before the reader presses
play (`preload="none"`), with the link inside it for browsers without the
format, and the link text as its caption:

    [Video: Manasik haji 2026]({static}/media/kab-kudus/2026/05/manasik.mp4)
    [![Manasik di halaman kantor]({static}/images/kab-kudus/2026/05/manasik.jpg)]({static}/media/kab-kudus/2026/05/manasik.mp4)

In the second form the photo is the video's poster: the element keeps its
`{static}` reference in `poster`, which the photos plugin (run next) turns
into the photo's published file. Every value is escaped.
"""

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from sitelib.file_kinds import AUDIO, VIDEO, FileKind, file_label, without_media_label
from sitelib.value_digest import NOT_SHOWN

INFO_CLASS = "file-info"
PLAYER_CLASS = "media-player"


@dataclass(frozen=True)
class LinkedFile:
    """A document, video or audio file of content/ a body links to."""

    path: Path = field(metadata=NOT_SHOWN)  # where it is in content/ (its bytes are the copy's own signature)
    kind: FileKind
    size: int
    published: str  # below the output folder, e.g. "dokumen/kab-kudus/2026/05/daftar.pdf"


def _lone_link(paragraph: Tag) -> Tag | None:
    parts = [part for part in paragraph.contents if not (isinstance(part, NavigableString) and not part.strip())]
    if len(parts) == 1 and isinstance(parts[0], Tag) and parts[0].name == "a":
        return parts[0]
    return None


def _poster(link: Tag) -> Tag | None:
    """The one image a player link holds (its poster), if that is all it holds besides spaces."""
    images = link.find_all("img")
    if len(images) == 1 and not link.get_text(strip=True):
        return images[0]
    return None


def player_html(linked: LinkedFile, url: str, link: Tag) -> str:
    """<figure> with <video> or <audio>, controls, preload="none", the link inside, the caption below."""
    poster = _poster(link)
    caption = without_media_label(poster.get("alt", "") if poster is not None else link.get_text(" ", strip=True))
    element = "video" if linked.kind.category == VIDEO else "audio"
    poster_attribute = f' poster="{escape(poster.get("src", ""))}"' if poster is not None and element == "video" else ""
    label = escape(caption or linked.path.name)
    fallback = f'<a href="{escape(url)}">{label}</a> ({escape(file_label(linked.kind, linked.size))})'
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="{PLAYER_CLASS} {PLAYER_CLASS}-{element}">'
        f'<{element} controls preload="none" src="{escape(url)}"{poster_attribute} aria-label="{label}">{fallback}</{element}>'
        f"{figcaption}</figure>"
    )


def linked_body(html: str, resolve, base_url: str) -> tuple[str, list[LinkedFile]]:
    """`html` with every link to a local document, video or audio file pointing to its published file.

    `resolve(href)` gives the LinkedFile a link names, or None for any other
    link. Returns the new HTML and the files used, in page order, each once.
    """
    if "{static}" not in html and "{attach}" not in html:
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    used: dict[Path, LinkedFile] = {}
    for link in soup.find_all("a", href=True):
        linked = resolve(link["href"])
        if linked is None:
            continue
        used.setdefault(linked.path, linked)
        fragment = link["href"].partition("#")[2]  # "#page=3" of a PDF stays
        url = f"{base_url}/{linked.published}" + (f"#{fragment}" if fragment else "")
        paragraph = link.parent
        if linked.kind.category in (VIDEO, AUDIO) and paragraph is not None and paragraph.name == "p" and _lone_link(paragraph) is link:
            paragraph.replace_with(BeautifulSoup(player_html(linked, url, link), "html.parser"))
            continue
        link["href"] = url
        info = soup.new_tag("span", attrs={"class": INFO_CLASS})
        info.string = f"({file_label(linked.kind, linked.size)})"
        link.insert_after(info)
        link.insert_after(NavigableString(" "))
    return str(soup), list(used.values())
