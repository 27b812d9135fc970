"""Where the plugins publish their own pages and files below the output folder.

Defined once here: each plugin writes to its place, and the content checks
keep articles, pages and old addresses out of all of them.
"""

OFFICE_URL = "kantor/{code}/"  # office_tags: each office's page (and /kantor/ itself)
REGION_URL = "wilayah/{code}/"  # office_tags: each former residency's page
PHOTO_VARIANT_FOLDER = "images/varian"  # photos
SHARE_CARD_FOLDER = "kartu"  # page_identity: generated preview cards
SEARCH_INDEX_FOLDER = "pagefind"  # search_index
WEB_EDITOR_FOLDER = "admin"  # web_editor
PREVIEW_DRAFT_FOLDER = "draf"  # pelicanconf DRAFT_SAVE_AS: drafts in the preview only
NEWS_SITEMAP = "news-sitemap.xml"  # structured_data
BUILD_MANIFEST = ".build-manifest.json"  # incremental: what the last build wrote (never deployed)
BUILD_EXPLANATION = ".build-explanation.json"  # BUILD_EXPLAIN: each page's variables' digests (never deployed)
BUILD_RECORDS = (BUILD_MANIFEST, BUILD_EXPLANATION)  # the build's records about the site, not part of it
DOCUMENT_FOLDER = "dokumen"  # linked_files: PDF and office documents (content/dokumen/OFFICE/YYYY/MM/)
MEDIA_FOLDER = "media"  # linked_files: video and audio files (content/media/OFFICE/YYYY/MM/)

# An old WordPress upload address (plugins/old_addresses/old_uploads.py publishes imported files there too):
# /wp-content/uploads/…, /wp-content/blogs.dir/N/files/… or /files/…, optionally below one sub-site's folder.
OLD_UPLOAD_ADDRESS = r"/(?:[a-z0-9_-]+/)?(?:wp-content/uploads|wp-content/blogs\.dir/\d+/files|files)/(?P<below>[^?#\\]+)"

PLUGIN_FOLDERS = (
    OFFICE_URL, REGION_URL, PHOTO_VARIANT_FOLDER, SHARE_CARD_FOLDER, SEARCH_INDEX_FOLDER, WEB_EDITOR_FOLDER,
    DOCUMENT_FOLDER, MEDIA_FOLDER,
)
PLUGIN_FILES = (NEWS_SITEMAP, *BUILD_RECORDS)
