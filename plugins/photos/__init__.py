"""Pelican plugin: photos, re-encoded clean and upright.

Every local photo an article or page references (`{static}`), in the body
or as its featured photo (`Image`, `Image_alt`, `Image_caption`, which is
also the og:image), is published only as variants we encode: 480, 800 and
1200 px in WebP and JPEG (PNG for PNGs and transparent photos), cached in
cache/foto/, upright, sRGB, with no EXIF, XMP or IPTC data. Originals are
never copied to the output; a link to a photo gets a clean full-size
variant. An image standing alone in its paragraph with a title
("![alt](src "caption")") becomes a <figure> with <figcaption>.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.article_generator_finalized, handlers.add_to_articles,
        provides=("article.featured_photo", "article.photo_variants", "article.body"), needs=("article.safe_body",),
    ),
    Handler(
        signals.page_generator_finalized, handlers.add_to_pages,
        provides=("page.featured_photo", "page.photo_variants", "page.body"), needs=("page.safe_body",),
    ),
    Handler(signals.article_writer_finalized, handlers.write_article_variants, needs=("article.photo_variants",)),
    Handler(signals.page_writer_finalized, handlers.write_page_variants, needs=("page.photo_variants",)),
)


def register():
    connect(HANDLERS)
