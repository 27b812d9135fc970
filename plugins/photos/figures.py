"""Turning the images of an article body into responsive pictures and captioned figures."""

from dataclasses import dataclass

from bs4 import BeautifulSoup

from .variants import Photo

SIZES = "(min-width: 48rem) 46rem, 100vw"


@dataclass(frozen=True)
class FeaturedPhoto:
    """An article's own photo: shown under the headline and used as og:image."""

    src: str  # the editor's reference, e.g. "{static}/images/manasik.jpg"
    alt: str
    caption: str
    photo: Photo


def picture(soup: BeautifulSoup, img, photo: Photo, base_url: str, lazy: bool):
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
        element.append(soup.new_tag("source", attrs={"type": mime, "srcset": photo.srcset(mime, base_url), "sizes": SIZES}))
    img.replace_with(element)
    element.append(img)
    return element


def responsive_body(html: str, photos, base_url: str) -> str:
    """Every local image gets variants; one standing alone with a title becomes a captioned figure.

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
    for img in soup.find_all("img"):
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
