"""Pelican plugin: editorial gates inside every build.

Before Pelican reads any article, every file's metadata is checked
(unknown or missing fields, bad dates, HTML in titles, unknown offices,
duplicate addresses); any error stops the build with the file, line,
field and fix, in Indonesian. Bodies are checked for missing images and
links, then sanitised with nh3. `invoke check` runs the same rules.
"""

from pelican import signals

from . import build


def register():
    signals.article_generator_init.connect(build.check_before_reading)
    signals.content_object_init.connect(build.check_and_sanitize)
    signals.article_generator_finalized.connect(build.raise_article_body_errors)
    signals.page_generator_finalized.connect(build.raise_page_body_errors)
