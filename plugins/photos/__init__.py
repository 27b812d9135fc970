"""Pelican plugin: responsive photos.

Body images from {static} get WebP and original-format variants (480, 800,
1200 px, cached in cache/foto/), width and height, and lazy loading; an image
standing alone in its paragraph with a title ("![alt](src "caption")")
becomes a <figure> with <figcaption>. Metadata `Image`, `Image_alt`,
`Image_caption` give the article's featured photo (`featured_photo`), which
is also its og:image.
"""

from pelican import signals

from . import enrich


def register():
    signals.article_generator_finalized.connect(enrich.add_all)
    signals.article_writer_finalized.connect(enrich.write_variants)
