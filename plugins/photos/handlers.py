"""Signal receivers of the photos plugin: featured photo, responsive body images, writing variants."""

from sitelib.content import all_articles, all_pages

from .figures import FeaturedPhoto, responsive_body
from .resolver import PhotoResolver
from .write import write_variants


def add_photos(content) -> None:
    """Give `content` its photos: featured photo, responsive body images, full-size links."""
    photos = PhotoResolver(content)
    image = content.metadata.get("image")
    photo = photos.photo(image, "Image") if image else None
    content.featured_photo = photo and FeaturedPhoto(
        image, content.metadata.get("image_alt", ""), content.metadata.get("image_caption", ""), photo
    )
    content._content = responsive_body(content._content, photos, content.settings["SITEURL"])
    content.photo_variants = photos.used


def _add_to(items, generator) -> None:
    """Photos for every item. Pelican's static generator copies every file a {static} or {attach}
    link names, in any attribute, from anywhere on the machine: nothing of content/ is published
    that way (STATIC_PATHS is empty too), only the variants this plugin writes."""
    for item in items:
        add_photos(item)
    generator.context["static_links"].clear()


def add_to_articles(generator) -> None:
    _add_to(all_articles(generator), generator)


def add_to_pages(generator) -> None:
    _add_to(all_pages(generator), generator)


def write_article_variants(generator, writer) -> None:
    """Copy the variants of the published articles' photos into the output."""
    write_variants(all_articles(generator), generator.output_path)


def write_page_variants(generator, writer) -> None:
    write_variants(all_pages(generator), generator.output_path)
