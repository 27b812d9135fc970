"""Turning the images of an article body into responsive pictures, captioned figures and galleries."""

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from .variants import Photo

SIZES = "(min-width: 48rem) 46rem, 100vw"
# A gallery cell (theme/static/css/main.css, .gallery): on phones half the column (the page's 1rem padding on
# each side and a .5rem gap: 50vw - 1.25rem), from 48rem a third of the 42rem article body (less two .5rem gaps).
GALLERY_SIZES = "(min-width: 48rem) 14rem, calc(50vw - 1.25rem)"
GALLERY_LABEL = "Galeri foto"  # the list's accessible name
GALLERY_MINIMUM = 2  # images in one paragraph that make a gallery


@dataclass(frozen=True)
class FeaturedPhoto:
    """An article's own photo: shown under the headline and used as og:image."""

    src: str  # the editor's reference, e.g. "{static}/images/manasik.jpg"
    alt: str
    caption: str
    photo: Photo


def picture(soup: BeautifulSoup, img, photo: Photo, base_url: str, lazy: bool, sizes: str = SIZES):
    """Wrap `img` in <picture> with a source per modern format and the single fallback file as src."""
    img["src"] = f"{base_url}/{photo.fallback.published}"
    img["width"], img["height"] = str(photo.width), str(photo.height)
    img.attrs.pop("srcset", None)
    img.attrs.pop("sizes", None)
    img["decoding"] = "async"
    if lazy:
        img["loading"] = "lazy"
    element = soup.new_tag("picture")
    for mime in photo.source_types:
        element.append(soup.new_tag("source", attrs={"type": mime, "srcset": photo.srcset(mime, base_url), "sizes": sizes}))
    img.replace_with(element)
    element.append(img)
    return element


def gallery_images(paragraph: Tag) -> list[Tag]:
    """The images of a paragraph that holds only images (two or more, between them white space or line
    breaks: one image a line in Markdown), else []."""
    images = []
    for node in paragraph.children:
        if isinstance(node, NavigableString):
            if node.strip():
                return []
        elif node.name == "img":
            images.append(node)
        elif node.name != "br":
            return []
    return images if len(images) >= GALLERY_MINIMUM else []


def gallery(soup: BeautifulSoup, paragraph: Tag, images: list[Tag], photos: list[Photo], base_url: str) -> None:
    """Replace `paragraph` with a list of figures named "Galeri foto": each photo a link to its full-size
    file (the fallback, so it opens without JavaScript and is reached by keyboard) around its picture, and
    its title, when it has one, as the figure's caption."""
    listing = soup.new_tag("ul", attrs={"class": "gallery", "aria-label": GALLERY_LABEL})
    for img, photo in zip(images, photos):
        caption = img.attrs.pop("title", "").strip()
        item = soup.new_tag("li", attrs={"class": "gallery-item"})
        figure = soup.new_tag("figure")
        link = soup.new_tag("a", attrs={"class": "gallery-link", "href": f"{base_url}/{photo.fallback.published}"})
        img.extract()
        link.append(img)
        figure.append(link)
        picture(soup, img, photo, base_url, lazy=True, sizes=GALLERY_SIZES)
        if caption:
            figcaption = soup.new_tag("figcaption")
            figcaption.string = caption
            figure.append(figcaption)
        item.append(figure)
        listing.append(item)
    paragraph.replace_with(listing)


def galleries(soup: BeautifulSoup, photos, base_url: str) -> bool:
    """Every paragraph of only local photos (two or more) made a gallery; whether there was one."""
    made = False
    for paragraph in soup.find_all("p"):
        images = gallery_images(paragraph)
        found = [photos.photo(img.get("src", "")) for img in images]
        if images and all(found):
            gallery(soup, paragraph, images, found, base_url)
            made = True
    return made


def responsive_body(html: str, photos, base_url: str) -> str:
    """Every local image gets variants; one standing alone with a title becomes a captioned figure, a
    paragraph of two or more (one a line in Markdown) a gallery.

    `photos.photo(src)` gives the Photo of an image reference and
    `photos.full_size(href)` the full-size variant a link points to; both
    give None for references they do not handle. No reference to an
    original file is left.
    """
    if "{static}" not in html and "{attach}" not in html:
        return html  # no local file referenced: nothing to parse
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for link in soup.find_all("a", href=True):
        full = photos.full_size(link["href"])
        if full is not None:
            link["href"] = f"{base_url}/{full.published}"
            changed = True
    for video in soup.find_all("video", poster=True):  # a video's poster photo (plugins/linked_files)
        full = photos.full_size(video["poster"])
        if full is not None:
            video["poster"] = f"{base_url}/{full.published}"
            changed = True
    changed = galleries(soup, photos, base_url) or changed
    for img in soup.find_all("img"):
        if img.parent is not None and img.parent.name == "picture":
            continue  # in a gallery already
        photo = photos.photo(img.get("src", ""))
        if photo is None:
            continue
        changed = True
        caption = img.attrs.pop("title", "").strip()
        parent = img.parent
        alone = parent is not None and parent.name == "p" and not parent.get_text(strip=True) and len(parent.find_all(True)) == 1
        element = picture(soup, img, photo, base_url, lazy=True)
        if alone and caption:
            figure = soup.new_tag("figure")
            parent.replace_with(figure)
            figure.append(element)
            figcaption = soup.new_tag("figcaption")
            figcaption.string = caption
            figure.append(figcaption)
    return str(soup) if changed else html
