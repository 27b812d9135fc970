"""A WordPress post's HTML as our Markdown body.

Handles both editors: classic content is stored without <p> (WordPress adds
paragraphs when it displays a post: a blank line starts one, a single line
break is a <br>), block-editor content carries <!-- wp:… --> comments.
Shortcodes: [caption] becomes our captioned photo; [embed]URL[/embed] and
embed blocks become the address alone on its line (the site shows a video
player or a link card there, plugins/video_embeds), [video] and [audio] and
video/audio blocks a visible link to the file; the others are removed (their
text kept); share buttons and "dibaca N kali" counters are dropped.
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
    embeds: list[str] = field(default_factory=list)  # addresses written alone on their line
    media_links: list[str] = field(default_factory=list)  # video and audio files written as links


# An address the body may carry alone on its line: http(s), no space, quote or angle bracket.
ADDRESS = re.compile(r"https?://[^\s\"'<>\[\]]+")
# Where a line of Markdown is written after conversion (markdownify would escape it): a marker, replaced last.
LINE_MARK = "WPIMPORTLINE{}X"
MEDIA_WORDS = {"video": "Video", "audio": "Audio"}


def _embed_line(address: str, label: str = "") -> str:
    """The Markdown line of an embed: `<address>`, or `[label](address)` when there is a label."""
    return f"[{markdown_alt(label)}]({address})" if label else f"<{address}>"


def _media_line(kind: str, address: str, label: str = "") -> str:
    name = label or address.rsplit("/", 1)[-1]
    return f"[{MEDIA_WORDS[kind]}: {markdown_alt(name)}]({address})"


class LineKeeper:
    """Markdown lines made before conversion, put in after it (so markdownify escapes nothing in them)."""

    def __init__(self):
        self.lines: list[str] = []

    def mark(self, line: str) -> str:
        self.lines.append(line)
        return LINE_MARK.format(len(self.lines) - 1)

    def restore(self, markdown: str) -> str:
        return re.sub(r"WPIMPORTLINE(\d+)X", lambda found: self.lines[int(found.group(1))], markdown)


def _shortcode_address(name: str, attributes: str, inner: str) -> str:
    """The address an [embed], [video] or [audio] shortcode names: its content, or src/mp4/mp3/… attribute."""
    found = ADDRESS.fullmatch(inner.strip())
    if found:
        return found.group(0)
    for match in re.finditer(r'(\w+)\s*=\s*["\']?(https?://[^"\'\s\]]+)', attributes):
        return match.group(2)
    return ""


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


def carry_media_shortcodes(html: str, report: BodyReport, keeper: LineKeeper) -> str:
    """[embed]URL[/embed] -> the address alone on its line; [video …]/[audio …] -> a link to the file."""
    def replaced(match: re.Match) -> str:
        name, attributes, inner = match.group(1), match.group(2), match.group(3) or ""
        address = _shortcode_address(name, attributes, inner)
        if not address:
            return match.group(0)  # removed with the other media shortcodes, and reported
        if name == "embed":
            report.embeds.append(address)
            line = _embed_line(address)
        else:
            report.media_links.append(address)
            line = _media_line(name, address)
        return f"\n\n<p>{keeper.mark(line)}</p>\n\n"

    return re.sub(r"\[(embed|video|audio)\b([^\]]*)\](?:(.*?)\[/\1\])?", replaced, html, flags=re.DOTALL)


def carry_media_blocks(soup: BeautifulSoup, report: BodyReport, keeper: LineKeeper) -> None:
    """Block-editor embeds (the address in the figure's wrapper, a caption), video and audio blocks."""
    for figure in soup.find_all("figure"):
        classes = figure.get("class") or []
        caption_tag = figure.find("figcaption")
        caption = one_line(caption_tag.get_text(" ", strip=True)) if caption_tag else ""
        line = ""
        if "wp-block-embed" in classes:
            found = ADDRESS.search(figure.get_text(" ", strip=True))
            if found:
                report.embeds.append(found.group(0))
                line = _embed_line(found.group(0), caption)
        for kind in ("video", "audio"):
            media = figure.find(kind)
            source = media and (media.get("src") or (media.find("source") or {}).get("src", ""))
            if not line and source and ADDRESS.fullmatch(source):
                report.media_links.append(source)
                line = _media_line(kind, source, caption)
        if line:
            paragraph = soup.new_tag("p")
            paragraph.string = keeper.mark(line)
            figure.replace_with(paragraph)


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
    keeper = LineKeeper()
    is_block_editor = "<!-- wp:" in html
    html = strip_shortcodes(carry_media_shortcodes(html, report, keeper), report)
    if not is_block_editor and "<p" not in html.lower():
        html = autop(html)
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    carry_media_blocks(soup, report, keeper)
    place_photos(soup, photos, title, report)
    drop_remnants(soup, report)
    markdown = BodyConverter(heading_style="ATX", bullets="-", strip=["span", "div", "figure"]).convert_soup(soup)
    markdown = keeper.restore(re.sub(r"\n{3,}", "\n\n", markdown).strip())
    return markdown + "\n", report
