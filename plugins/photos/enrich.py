"""Photos of Pelican articles: featured photo, responsive body images, writing variants."""

import shutil
from pathlib import Path

from sitelib.content import all_articles
from sitelib.links import linked_file

from .figures import FeaturedPhoto, responsive_body
from .variants import photo_variants

CACHE_FOLDER = "foto"


def photo_resolver(article, used: list):
    """`photo_for(src)` for this article: variants of a local image, recorded in `used`."""
    settings = article.settings
    root, cache = Path(settings["PATH"]), Path(settings["CACHE_PATH"]) / CACHE_FOLDER

    def photo_for(src: str):
        if not src.startswith(("{static}", "{attach}")):
            return None
        path = linked_file(src, Path(article.source_path).parent, root)
        if not path.is_file():
            return None  # content_checks reports it
        photo = photo_variants(path, cache)
        used.append(photo)
        return photo

    return photo_for


def add_photos(article) -> None:
    used: list = []
    photo_for = photo_resolver(article, used)
    image = article.metadata.get("image")
    photo = photo_for(image) if image else None
    article.featured_photo = photo and FeaturedPhoto(
        image, article.metadata.get("image_alt", ""), article.metadata.get("image_caption", ""), photo
    )
    article._content = responsive_body(article._content, photo_for, article.settings["SITEURL"])
    article.photos = used


def add_all(generator) -> None:
    for article in all_articles(generator):
        add_photos(article)


def write_variants(generator, writer) -> None:
    """Copy the variants of the published articles' photos into the output."""
    output = Path(generator.output_path)
    for article in all_articles(generator):
        if not article.save_as:
            continue
        for photo in getattr(article, "photos", ()):
            for variant in photo.variants:
                target = output / variant.published
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(variant.cached, target)
