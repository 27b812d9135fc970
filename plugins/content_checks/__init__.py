"""Pelican plugin: editorial gates inside every build.

Before Pelican reads any article, every content file is checked as `invoke
check` checks it (foreign files in the content folders, unknown or missing
fields, bad dates, HTML in titles, unknown offices, address clashes); any
error stops the build with the file, line, field and fix, in Indonesian.
Bodies are checked for missing images and links, the values that become
addresses are checked on what Pelican made of them, then bodies are
sanitised with nh3. Once everything is read, every item's address and old
address is checked against the others and the site's own pages.
"""

from pelican import signals

from . import build, messages


def register():
    messages.install()
    signals.article_generator_init.connect(build.check_before_reading)
    signals.content_object_init.connect(build.check_and_sanitize)
    signals.article_generator_finalized.connect(build.raise_article_body_errors)
    signals.page_generator_finalized.connect(build.check_addresses)
