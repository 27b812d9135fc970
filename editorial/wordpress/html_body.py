"""A WordPress post's HTML as our Markdown body.

Handles both editors: classic content is stored without <p> (WordPress adds
paragraphs when it displays a post: a blank line starts one, a single line
break is a <br>), block-editor content carries <!-- wp:… --> comments.
Shortcodes: [caption] becomes our captioned photo, the others are removed
(their text kept); share buttons and "dibaca N kali" counters are dropped.
Photos under the site's uploads URL are taken from the uploads folder
(photos.py refuses paths that lead out of it); anything else is reported,
never hot-linked or left broken. The alt text and caption of a photo are one
line each, whatever the export holds.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Tag
from markdownify import MarkdownConverter

from .photos import Found, Missing, PhotoSource, Refused, Upload
from .single_line import one_line

BLOCK_TAGS = ("p", "div", "figure", "ul", "ol", "li", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "[caption")
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]")
# Media shortcodes: what they enclose is a URL or IDs, not text.
MEDIA_SHORTCODES = {"embed", "gallery", "video", "audio", "playlist"}
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL)
REMNANTS = re.compile(
    r"^(?:(?:dibaca|dilihat)\s*:?\s*\d[\d.]*\s*(?:kali|x)?|(?:share|bagikan)(?: this| ke)?\s*:?|facebook|twitter|telegram|"
    r"whatsapp|email|e-mail|print|cetak|like this:?|suka ini:?|(?:related|terkait)\s*:?)$",
    re.IGNORECASE,
)


@dataclass
class BodyReport:
    shortcodes: list[str] = field(default_factory=list)
    remnants: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)  # uploads paths used
    photo_files: dict[str, Upload] = field(default_factory=dict)  # uploads path -> what is written for it
    missing_photos: list[str] = field(default_factory=list)
    refused_photos: list[tuple[str, str]] = field(default_factory=list)  # (src, why), photos.py's reasons
    foreign_photos: list[str] = field(default_factory=list)
    alt_from_caption: int = 0
    alt_from_title: int = 0


def autop(html: str) -> str:
    """WordPress's wpautop, simplified: blank lines separate paragraphs, single line breaks are <br>."""
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", html.replace("\r\n", "\n").strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.lower().startswith(tuple(f"<{tag}" if not tag.startswith("[") else tag for tag in BLOCK_TAGS)):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + re.sub(r"\s*\n\s*", "<br />\n", chunk) + "</p>")
    return "\n".join(paragraphs)


def _caption_to_figure(match: re.Match) -> str:
    """[caption …]<img …> Text[/caption] -> <figure><img …><figcaption>Text</figcaption></figure>."""
    inner = match.group(2)
    soup = BeautifulSoup(inner, "html.parser")
    image = soup.find("img")
    if image is None:
        return inner
    holder = image.parent if image.parent is not None and image.parent.name == "a" else image
    holder.extract()
    caption = soup.get_text(" ", strip=True)
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def strip_shortcodes(html: str, report: BodyReport) -> str:
    html = CAPTION.sub(_caption_to_figure, html)
    for name in MEDIA_SHORTCODES:
        html, count = re.subn(rf"\[{name}\b[^\]]*\].*?\[/{name}\]", "", html, flags=re.DOTALL)
        report.shortcodes += [name] * count

    def drop(match: re.Match) -> str:
        closing, name, attributes = match.groups()
        is_shortcode = name in MEDIA_SHORTCODES or "=" in attributes or f"[/{name}]" in html or closing
        if not is_shortcode:
            return match.group(0)  # "[1]", "[sic]": text, not a shortcode
        if not closing:
            report.shortcodes.append(name)
        return ""

    return SHORTCODE.sub(drop, html)


def _photo_holder(image: Tag) -> Tag:
    """What a photo stands for in the HTML: its <figure>, the link around it, or the <img> itself."""
    wrapper = image.parent if image.parent is not None and image.parent.name == "a" else None
    return image.find_parent("figure") or wrapper or image


def _local_photo(src: str, photos: PhotoSource, report: BodyReport) -> Found | None:
    """The photo's file in the uploads folder (PhotoSource.find); a missing, refused or foreign photo is reported and None."""
    found = photos.find(src)
    if isinstance(found, Refused):
        report.refused_photos.append((src, found.reason))
    elif isinstance(found, Missing):
        (report.foreign_photos if found.foreign else report.missing_photos).append(src)
    return found if isinstance(found, Found) else None


def _clean_photo(soup: BeautifulSoup, image: Tag, reference: str, title: str, report: BodyReport) -> Tag:
    """<p><img src alt title></p>: an empty alt filled from the caption, else from the post's title."""
    figure = image.find_parent("figure")
    caption = figure.find("figcaption").get_text(" ", strip=True) if figure and figure.find("figcaption") else ""
    alt = (image.get("alt") or "").strip()
    if not alt:
        if caption:
            alt, report.alt_from_caption = caption, report.alt_from_caption + 1
        else:
            alt, report.alt_from_title = f"Foto: {title}", report.alt_from_title + 1
    clean = soup.new_tag("img", attrs={"src": reference, "alt": alt})
    if caption:
        clean["title"] = caption
    paragraph = soup.new_tag("p")
    paragraph.append(clean)
    return paragraph


def place_photos(soup: BeautifulSoup, photos: PhotoSource, title: str, report: BodyReport) -> None:
    for image in soup.find_all("img"):
        found = _local_photo(image.get("src", ""), photos, report)
        if found is None:
            _photo_holder(image).decompose()
            continue
        report.photos.append(found.used)
        report.photo_files[found.used] = found.source
        _photo_holder(image).replace_with(_clean_photo(soup, image, photos.reference(found.used), title, report))


def drop_remnants(soup: BeautifulSoup, report: BodyReport) -> None:
    for block in soup.find_all(["p", "div", "li", "h3", "h4", "span"]):
        if block.find("img"):
            continue
        text = " ".join(block.get_text(" ").split())
        if text and REMNANTS.match(text):
            report.remnants.append(text)
            block.decompose()


class BodyConverter(MarkdownConverter):
    """markdownify with our image syntax: ![alt](src "caption") (the caption as Markdown title)."""

    def convert_img(self, el, text, parent_tags):
        title = one_line(el.attrs.get("title", ""))
        title_part = ' "%s"' % title.replace('"', "“") if title else ""
        return f"![{markdown_alt(el.attrs.get('alt', '') or '')}]({el.attrs.get('src', '')}{title_part})"


def markdown_alt(alt: str) -> str:
    """The alt text on one line, its brackets and backslashes escaped so that it cannot end the image early."""
    return re.sub(r"([\\\[\]])", r"\\\1", one_line(alt))


def to_markdown(html: str, photos: PhotoSource, title: str) -> tuple[str, BodyReport]:
    report = BodyReport()
    is_block_editor = "<!-- wp:" in html
    html = strip_shortcodes(html, report)
    if not is_block_editor and "<p" not in html.lower():
        html = autop(html)
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    place_photos(soup, photos, title, report)
    drop_remnants(soup, report)
    markdown = BodyConverter(heading_style="ATX", bullets="-", strip=["span", "div", "figure"]).convert_soup(soup)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return markdown + "\n", report
