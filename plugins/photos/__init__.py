"""Pelican plugin: photos, published light and clean (issue #18).

Every local photo an article or page references (`{static}`), in the body
or as its featured photo (`Image`, `Image_alt`, `Image_caption`), already
meets the repository's photo standard (`standard`; `invoke check` and the
build refuse any other). Readers get only variants made here from its pixels
(`variants`): WebP at the layout's widths (400, 800, 1200 px), AVIF too when
lighter at equal quality, and one fallback JPEG (PNG for transparent photos)
of at most 80 KB, which is also the og:image and what a link to the photo
opens; all of a photo's files within 200 KB. Originals are never copied to
the output. An image standing alone in its paragraph with a title
("![alt](src "caption")") becomes a <figure> with <figcaption>; a paragraph
of two or more photos, one a line, becomes a gallery (a list of figures).
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
