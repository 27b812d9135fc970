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
NEWS_SITEMAP = "news-sitemap.xml"  # structured_data
DOCUMENT_FOLDER = "dokumen"  # linked_files: PDF and office documents (content/dokumen/OFFICE/YYYY/MM/)
MEDIA_FOLDER = "media"  # linked_files: video and audio files (content/media/OFFICE/YYYY/MM/)

PLUGIN_FOLDERS = (
    OFFICE_URL, REGION_URL, PHOTO_VARIANT_FOLDER, SHARE_CARD_FOLDER, SEARCH_INDEX_FOLDER, WEB_EDITOR_FOLDER,
    DOCUMENT_FOLDER, MEDIA_FOLDER,
)
PLUGIN_FILES = (NEWS_SITEMAP,)
