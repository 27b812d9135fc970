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

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers, messages

HANDLERS = (
    Handler(signals.initialized, handlers.forget_unfinished_memos),
    Handler(signals.article_generator_init, handlers.check_before_reading),
    Handler(signals.content_object_init, handlers.check_and_sanitize, provides=(*both("safe_body"), *both("body_errors"))),
    Handler(signals.article_generator_finalized, handlers.raise_article_body_errors, needs=("article.body_errors",)),
    Handler(signals.page_generator_finalized, handlers.check_addresses, needs=("page.body_errors",)),
)


def register():
    messages.install_messages()
    connect(HANDLERS)
