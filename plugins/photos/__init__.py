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

from . import enrich


def register():
    signals.article_generator_finalized.connect(enrich.add_to_articles)
    signals.page_generator_finalized.connect(enrich.add_to_pages)
    signals.article_writer_finalized.connect(enrich.write_article_variants)
    signals.page_writer_finalized.connect(enrich.write_page_variants)
