"""A WordPress post's HTML as our Markdown body.

Handles both editors: classic content is stored without <p> (WordPress adds
paragraphs when it displays a post: a blank line starts one, a single line
break is a <br>), block-editor content carries <!-- wp:… --> comments.
Shortcodes: [caption] becomes our captioned photo; [embed]URL[/embed] and
embed blocks become the address alone on its line (the site shows a video
player or a link card there, plugins/video_embeds), [video] and [audio] and
video/audio blocks a visible link to the file; galleries ([gallery] with its
attachments, gallery blocks, Jetpack's tiled galleries) a paragraph of photos,
one a line, which the site shows as a gallery (plugins/photos/figures.py); the
others are removed (their text kept); share buttons and "dibaca N kali"
counters are dropped.
Photos under the site's uploads URL are taken from the uploads folder
(photos.py refuses paths that lead out of it); anything else is reported,
never hot-linked or left broken. The alt text and caption of a photo are one
line each, whatever the export holds.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from html import unescape
from posixpath import splitext
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, Tag
from markdownify import MarkdownConverter

from sitelib.file_kinds import MEDIA_LABELS, file_kind
from sitelib.text import plain_text

from .photos import Found, Missing, PhotoSource, Refused, Upload
from .upload_files import FileSource, FoundFile, TooLarge, UploadedFile
from .single_line import one_line
from .wxr import Item

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
    galleries: list[int] = field(default_factory=list)  # photos of each gallery written
    empty_galleries: int = 0  # galleries none of whose photos was found: nothing written
    missing_attachments: list[str] = field(default_factory=list)  # gallery attachment IDs not in the export
    files: dict[Path, UploadedFile] = field(default_factory=dict)  # documents, videos, audio: target -> upload
    # What is not carried over but written as a visible link to its old address: (URL, why), in body order.
    kept_links: list[tuple[str, str]] = field(default_factory=list)
    # (URL on the old site, the file below content/ now holding it): its old address keeps working.
    carried: list[tuple[str, str]] = field(default_factory=list)


# An address the body may carry alone on its line: http(s), no space, quote or angle bracket.
ADDRESS = re.compile(r"https?://[^\s\"'<>\[\]]+")
# Where a line of Markdown is written after conversion (markdownify would escape it): a marker, replaced last.
LINE_MARK = "WPIMPORTLINE{}X"


def _embed_line(address: str, label: str = "") -> str:
    """The Markdown line of an embed: `<address>`, or `[label](address)` when there is a label."""
    return f"[{markdown_alt(label)}]({address})" if label else f"<{address}>"


def link_address(address: str) -> str:
    """An address as a Markdown link target: spaces and parentheses percent-encoded, so the link cannot end early."""
    return address.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def not_carried_reason(found) -> str:
    """Why a photo or file stays a link to its old address (Indonesian)."""
    if isinstance(found, TooLarge):
        return f"{found.reason}; unggah videonya ke YouTube lalu ganti tautan ini dengan alamat YouTube-nya"
    if isinstance(found, Refused):
        return found.reason
    return "dari situs lain" if found.foreign else "tidak ada di folder uploads"


def kept_address(address: str, reason: str, report: "BodyReport") -> str:
    """The old address of what cannot be carried over, as a link target; reported with why."""
    written = link_address(address)
    report.kept_links.append((written, reason))
    return written


def kept_link(address: str, text: str, found, report: "BodyReport") -> str:
    """`[text](address)`: what cannot be carried over stays visible, a link to its old address, and is reported."""
    return f"[{text}]({kept_address(address, not_carried_reason(found), report)})"


def stored_path(reference: str) -> str:
    """'images/kab-x/2021/06/a.jpg' for '{static}/images/kab-x/2021/06/a.jpg'."""
    return reference.removeprefix("{static}/")


def _media_line(kind: str, address: str, files: FileSource, report: "BodyReport", label: str = "",
                poster: str = "", photos: PhotoSource | None = None) -> str:
    """The Markdown line of a video or audio file: a link to its copy below content/media/ (with its poster photo
    inside when WordPress had one), or, when it cannot be copied, a visible link to its old address."""
    name = label or address.rsplit("/", 1)[-1]
    text = f"{MEDIA_LABELS[kind]}: {markdown_alt(name)}"
    found = files.find(address)
    if not isinstance(found, FoundFile):
        return kept_link(address, text, found, report)
    report.files[found.target] = found.upload
    report.carried.append((address, stored_path(found.reference)))
    poster_photo = _local_photo(poster, photos, report) if poster and photos is not None and ADDRESS.fullmatch(poster) else None
    if poster_photo is not None:
        report.photos.append(poster_photo.used)
        report.photo_files[poster_photo.used] = poster_photo.source
        return f"[![{text}]({photos.reference(poster_photo.used)})]({found.reference})"
    return f"[{text}]({found.reference})"


# [gallery …] (also closed, [gallery …][/gallery]); its attributes, quoted or not.
GALLERY_SHORTCODE = re.compile(r"\[gallery\b([^\]]*)\](?:\s*\[/gallery\])?", re.IGNORECASE)
SHORTCODE_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
QUOTE_LOOKALIKES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u2032": "'"})
# What WordPress's [gallery] shows of a post's attachments: images (the export has no MIME type: by the name).
GALLERY_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif", ".heic", ".heif"}
# HTML galleries: the gallery block (<figure class="wp-block-gallery"> of image blocks, or its older
# <ul class="blocks-gallery-grid">), Jetpack's tiled gallery (the shortcode's markup and its block), and
# [gallery] as WordPress displays it (<div class="gallery">, pasted from a page).
GALLERY_CLASSES = {"wp-block-gallery", "tiled-gallery", "wp-block-jetpack-tiled-gallery", "gallery"}
GALLERY_ITEMS = ("figure", "li", "dl")  # an image's own item in those, holding its caption
GALLERY_CAPTION_CLASSES = {"tiled-gallery-caption", "blocks-gallery-item__caption", "gallery-caption", "wp-caption-text"}
# Attributes holding the full photo in Jetpack's markup and the older gallery block, best first.
FULL_PHOTO_ATTRIBUTES = ("data-orig-file", "data-full-url", "data-url", "src")


@dataclass(frozen=True)
class GalleryPhoto:
    src: str
    alt: str
    caption: str


def image_markdown(alt: str, src: str, caption: str = "") -> str:
    """![alt](src "caption"): the alt and caption on one line, nothing in them can end the image early."""
    caption = one_line(caption)
    title_part = ' "%s"' % caption.replace('"', "\u201c") if caption else ""
    return f"![{markdown_alt(alt)}]({src}{title_part})"


def _filled_alt(alt: str, caption: str, title: str, report: "BodyReport") -> str:
    """An empty alt filled from the caption, else "Foto: TITLE" (both counted in the report)."""
    alt = alt.strip()
    if alt:
        return alt
    if caption:
        report.alt_from_caption += 1
        return caption
    report.alt_from_title += 1
    return f"Foto: {title}"


def _gallery_markdown(items: list[GalleryPhoto], photos: PhotoSource, title: str, report: "BodyReport") -> str:
    """The gallery as our Markdown: one image a line, in one paragraph; the photos found are copied as other body
    photos are, those not found reported (missing, refused, other site). "" when none was found."""
    lines, links = [], []
    for photo in items:
        found = _local_photo(photo.src, photos, report)
        if found is None:
            missing = photos.find(photo.src)
            if isinstance(missing, Missing) and ADDRESS.fullmatch(photo.src):
                links.append(kept_link(photo.src, f"Foto: {markdown_alt(one_line(photo.alt) or one_line(photo.caption) or title)}", missing, report))
            continue
        report.photos.append(found.used)
        report.photo_files[found.used] = found.source
        caption = one_line(photo.caption)
        lines.append(image_markdown(_filled_alt(one_line(photo.alt), caption, title, report), photos.reference(found.used), caption))
    if lines:
        report.galleries.append(len(lines))
    else:
        report.empty_galleries += 1
    return "\n\n".join(part for part in ("\n".join(lines), "\n".join(links)) if part)


def _shortcode_attributes(attributes: str) -> dict[str, str]:
    text = unescape(attributes).translate(QUOTE_LOOKALIKES)
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in SHORTCODE_ATTRIBUTE.finditer(text)}


def _is_image(attachment: Item) -> bool:
    return splitext(urlsplit(attachment.attachment_url).path)[1].lower() in GALLERY_SUFFIXES


def shortcode_gallery(attributes: str, attachments: Mapping[str, Item], post_id: str, report: "BodyReport") -> list[GalleryPhoto]:
    """The photos a [gallery] shows, as WordPress chooses them: `ids` (or `include`) in their order, else the
    image attachments of the post (or of the post `id` names) by ID (the export's menu order is not read), less
    `exclude`. An ID the export has no attachment for is reported."""
    values = _shortcode_attributes(attributes)
    ids = re.findall(r"\d+", values.get("ids") or values.get("include") or "")
    if not ids:
        parent = (re.findall(r"\d+", values.get("id", "")) or [post_id])[0]
        ids = sorted((key for key, attachment in attachments.items() if attachment.parent == parent), key=int)
    excluded = set(re.findall(r"\d+", values.get("exclude", "")))
    chosen = []
    for key in dict.fromkeys(ids):
        attachment = attachments.get(key)
        if key in excluded:
            continue
        if attachment is None:
            report.missing_attachments.append(key)
        elif _is_image(attachment):
            chosen.append(GalleryPhoto(attachment.attachment_url, attachment.meta.get("_wp_attachment_image_alt", ""),
                                       plain_text(attachment.excerpt)))
    return chosen


def carry_gallery_shortcodes(html: str, attachments: Mapping[str, Item], post_id: str, photos: PhotoSource, title: str,
                             report: "BodyReport", keeper: "LineKeeper") -> str:
    """[gallery …] -> its photos, one a line, in a paragraph of their own (nothing when none was found)."""
    def replaced(match: re.Match) -> str:
        markdown = _gallery_markdown(shortcode_gallery(match.group(1), attachments, post_id, report), photos, title, report)
        return f"\n\n<p>{keeper.mark(markdown)}</p>\n\n" if markdown else "\n\n"

    return GALLERY_SHORTCODE.sub(replaced, html)


def _classes(tag: Tag) -> set[str]:
    return set(tag.get("class") or [])


def _gallery_caption(item: Tag) -> str:
    """An image's caption in a gallery: its item's <figcaption>, or Jetpack's and WordPress's caption element."""
    for element in item.find_all(True):
        if element.name == "figcaption" or _classes(element) & GALLERY_CAPTION_CLASSES:
            return element.get_text(" ", strip=True)
    return ""


def html_gallery(container: Tag) -> tuple[list[GalleryPhoto], str]:
    """(the photos of a gallery block or tiled gallery, the gallery's own caption)."""
    items = []
    for image in container.find_all("img"):
        item = image.find_parent(GALLERY_ITEMS)
        inside = item is not None and any(parent is container for parent in item.parents)
        caption = _gallery_caption(item) if inside else ""
        if not caption:
            tiled_item = image.find_parent(class_="tiled-gallery-item")
            caption = _gallery_caption(tiled_item) if tiled_item is not None else ""
        src = next((image.get(name) for name in FULL_PHOTO_ATTRIBUTES if ADDRESS.fullmatch(image.get(name) or "")), "")
        items.append(GalleryPhoto(src or image.get("src", ""), image.get("alt") or "", caption))
    own = next((child for child in container.find_all("figcaption", recursive=False)), None)
    return items, own.get_text(" ", strip=True) if own is not None else ""


def _is_gallery(tag: Tag) -> bool:
    return bool(_classes(tag) & GALLERY_CLASSES) and tag.find("img") is not None


def carry_gallery_blocks(soup: BeautifulSoup, photos: PhotoSource, title: str, report: "BodyReport", keeper: "LineKeeper") -> None:
    """Gallery blocks and tiled galleries -> their photos, one a line, in a paragraph; the gallery's caption
    a paragraph after it."""
    for container in soup.find_all(_is_gallery):
        if any(_is_gallery(parent) for parent in container.parents):
            continue  # inside another gallery: carried with it
        items, caption = html_gallery(container)
        markdown = _gallery_markdown(items, photos, title, report)
        replacement = []
        if markdown:
            paragraph = soup.new_tag("p")
            paragraph.string = keeper.mark(markdown)
            replacement.append(paragraph)
        if caption:
            paragraph = soup.new_tag("p")
            paragraph.string = caption
            replacement.append(paragraph)
        if replacement:
            container.replace_with(*replacement)
        else:
            container.decompose()


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
    """The address an [embed], [video] or [audio] shortcode names: its content, or its src/mp4/mp3/… attribute
    (never its poster)."""
    found = ADDRESS.fullmatch(inner.strip())
    if found:
        return found.group(0)
    values = _shortcode_attributes(attributes)
    return next((value for key, value in values.items() if key != "poster" and ADDRESS.fullmatch(value)), "")


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


def carry_media_shortcodes(html: str, report: BodyReport, keeper: LineKeeper, files: FileSource, photos: PhotoSource) -> str:
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
            poster = _shortcode_attributes(attributes).get("poster", "")
            line = _media_line(name, address, files, report, poster=poster, photos=photos)
        return f"\n\n<p>{keeper.mark(line)}</p>\n\n"

    return re.sub(r"\[(embed|video|audio)\b([^\]]*)\](?:(.*?)\[/\1\])?", replaced, html, flags=re.DOTALL)


def carry_media_blocks(soup: BeautifulSoup, report: BodyReport, keeper: LineKeeper, files: FileSource, photos: PhotoSource) -> None:
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
                line = _media_line(kind, source, files, report, caption, poster=media.get("poster", ""), photos=photos)
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
    else:
        report.carried.append((src, stored_path(photos.reference(found.used))))
    return found if isinstance(found, Found) else None


def _clean_photo(soup: BeautifulSoup, image: Tag, reference: str, title: str, report: BodyReport) -> Tag:
    """<p><img src alt title></p>: an empty alt filled from the caption, else from the post's title."""
    figure = image.find_parent("figure")
    caption = figure.find("figcaption").get_text(" ", strip=True) if figure and figure.find("figcaption") else ""
    alt = _filled_alt(image.get("alt") or "", caption, title, report)
    clean = soup.new_tag("img", attrs={"src": reference, "alt": alt})
    if caption:
        clean["title"] = caption
    paragraph = soup.new_tag("p")
    paragraph.append(clean)
    return paragraph


def place_photos(soup: BeautifulSoup, photos: PhotoSource, title: str, report: BodyReport, keeper: LineKeeper) -> None:
    """Each photo found becomes our photo; one missing or on another site a visible link to it; a refused one is dropped."""
    for image in soup.find_all("img"):
        src = image.get("src", "")
        _keep_document_link(soup, image)
        found = _local_photo(src, photos, report)
        if found is None:
            missing = photos.find(src)
            holder = _photo_holder(image)
            if isinstance(missing, Missing) and ADDRESS.fullmatch(src):
                alt = one_line(image.get("alt") or "") or one_line(holder.get_text(" ", strip=True)) or title
                paragraph = soup.new_tag("p")
                paragraph.string = keeper.mark(kept_link(src, f"Foto: {markdown_alt(alt)}", missing, report))
                holder.replace_with(paragraph)
            else:
                holder.decompose()
            continue
        report.photos.append(found.used)
        report.photo_files[found.used] = found.source
        _photo_holder(image).replace_with(_clean_photo(soup, image, photos.reference(found.used), title, report))


def _keep_document_link(soup: BeautifulSoup, image: Tag) -> None:
    """A photo linking to a document (a PDF's cover as its link): the document keeps a link of its own, in a
    paragraph after the photo, since the photo becomes ours alone."""
    link = image.parent if image.parent is not None and image.parent.name == "a" else None
    href = link.get("href", "") if link is not None else ""
    if not href or file_kind(href) is None:
        return
    paragraph = soup.new_tag("p")
    document = soup.new_tag("a", attrs={"href": href})
    document.string = f"Dokumen: {unquote(urlsplit(href).path.rsplit('/', 1)[-1])}"
    paragraph.append(document)
    _photo_holder(image).insert_after(paragraph)


FILE_BUTTON_CLASSES = {"wp-block-file__button"}  # the file block's "Unduh" button: a second link to the same file


def place_files(soup: BeautifulSoup, files: FileSource, photos: PhotoSource, report: BodyReport) -> None:
    """Links to documents (and videos, audio, photos) in the uploads point to their copies below content/; one that
    cannot be copied keeps its old address and is reported. The file block's PDF viewer and button are dropped."""
    for element in soup.find_all(["object", "embed"]) + soup.find_all("a", class_=lambda c: c in FILE_BUTTON_CLASSES):
        element.decompose()
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if not ADDRESS.fullmatch(href) or link.find("img") is not None or photos.uploads_path(href) is None:
            continue  # not a file of the site's uploads (a photo link was placed with its photo)
        if not link.get_text(strip=True):  # invisible on WordPress: shown here, so what the report names is there
            link.string = unquote(urlsplit(href).path.rsplit("/", 1)[-1])
        if file_kind(href) is not None:
            found = files.find(href)
            if isinstance(found, FoundFile):
                report.files[found.target] = found.upload
                report.carried.append((href, stored_path(found.reference)))
                link["href"] = found.reference
            else:
                link["href"] = kept_address(href, not_carried_reason(found), report)
        elif splitext(urlsplit(href).path)[1].lower() in GALLERY_SUFFIXES:
            photo = _local_photo(href, photos, report)
            if photo is not None:
                report.photos.append(photo.used)
                report.photo_files[photo.used] = photo.source
                link["href"] = photos.reference(photo.used)
            else:
                link["href"] = kept_address(href, not_carried_reason(photos.find(href)), report)
        else:
            link["href"] = kept_address(href, "jenis berkas ini tidak diterbitkan situs", report)


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
        return image_markdown(el.attrs.get("alt", "") or "", el.attrs.get("src", ""), el.attrs.get("title", ""))


def markdown_alt(alt: str) -> str:
    """The alt text on one line, its brackets and backslashes escaped so that it cannot end the image early."""
    return re.sub(r"([\\\[\]])", r"\\\1", one_line(alt))


def to_markdown(html: str, photos: PhotoSource, title: str, *, attachments: Mapping[str, Item] | None = None,
                post_id: str = "", files: FileSource | None = None) -> tuple[str, BodyReport]:
    """The post's body as our Markdown, and what the conversion found. `attachments` (post ID -> attachment) and the
    post's own ID give the photos of a [gallery]; `files` finds documents, videos and audio files (one for the whole
    import, so a file linked twice is copied once)."""
    files = files or FileSource(photos)
    report = BodyReport()
    keeper = LineKeeper()
    is_block_editor = "<!-- wp:" in html
    # Whether WordPress adds the paragraphs (decided on the post's own HTML, before the shortcodes become <p>s).
    needs_paragraphs = not is_block_editor and "<p" not in html.lower()
    html = carry_gallery_shortcodes(html, attachments or {}, post_id, photos, title, report, keeper)
    html = strip_shortcodes(carry_media_shortcodes(html, report, keeper, files, photos), report)
    if needs_paragraphs:
        html = autop(html)
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    drop_remnants(soup, report)  # first: what is reported below is what the file keeps
    carry_media_blocks(soup, report, keeper, files, photos)
    carry_gallery_blocks(soup, photos, title, report, keeper)
    place_photos(soup, photos, title, report, keeper)
    place_files(soup, files, photos, report)
    markdown = BodyConverter(heading_style="ATX", bullets="-", strip=["span", "div", "figure"]).convert_soup(soup)
    markdown = keeper.restore(re.sub(r"\n{3,}", "\n\n", markdown).strip())
    return markdown + "\n", report
