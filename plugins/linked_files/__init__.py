"""Pelican plugin: documents, videos and audio files from content/, linked and shown (issue #19).

A `{static}` link to a PDF, DOC(X), XLS(X), PPT(X), ODT, ODS or ZIP below
content/dokumen/ points to the published copy and is followed by its type and
size ("PDF, 240 KB"); a paragraph that is only a link to a video or audio file
below content/media/ becomes `<video controls preload="none">` or `<audio …>`
(`file_markup`). What may be published is decided in `file_rules`, which
`invoke check` uses too; the files published items link to are copied
as they are (`write`). Runs after video_embeds and before photos, which turns
a video's poster photo into its published file.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.content_object_init, handlers.add_files,
        provides=(*both("body"), *both("linked_files")), needs=both("safe_body"),
    ),
    Handler(signals.article_writer_finalized, handlers.write_article_files, needs=("article.linked_files",)),
    Handler(signals.page_writer_finalized, handlers.write_page_files, needs=("page.linked_files",)),
)


def register():
    connect(HANDLERS)
