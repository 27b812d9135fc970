"""Settings for the local preview build (`invoke build`, `invoke serve`).

Production differences live in publishconf.py, which imports this file.
"""

import sys
from pathlib import Path

# Plugins use each other's pure modules (content_checks reads offices with
# office_tags), so the plugin folder is importable, not only loadable.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

SITENAME = "Media Center Kankemenag Jawa Tengah"
SITESUBTITLE = "Berita Seksi Penyelenggaraan Haji dan Umrah"
SITE_DESCRIPTION = (
    "Berita resmi Seksi Penyelenggaraan Haji dan Umrah (PHU) Kantor "
    "Kementerian Agama kabupaten dan kota di Jawa Tengah."
)
SITEURL = ""
RELATIVE_URLS = True
# Where the preview is served. Used wherever a page needs an absolute
# address even in preview: canonical links, feeds, robots.txt, the 404 page.
ABSOLUTE_SITEURL = "http://localhost:8000"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# Photos in content/images/ are never copied as they are: the photos plugin
# publishes clean, re-encoded variants of those the content references.
STATIC_PATHS = []
# The repository's photo standard (plugins/photos/standard.py): long edge in
# pixels. `invoke prepare-photos`, the web editor and the WordPress importer
# prepare photos to it; `invoke check` and the build refuse any other photo.
PHOTO_MAX_EDGE = 2048
OUTPUT_PATH = "output"
# Start from an empty output/ on every build, so no file of an earlier build
# (an old original photo, a renamed article) lingers in the preview.
DELETE_OUTPUT_DIRECTORY = True

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # never shown: the indonesian_dates plugin formats dates

# Articles and pages are Markdown files ending in .md, nothing else
# (sitelib/content_files.py decides which files are content, for the build
# and every check; any other file in the content folders is a GALAT). Every
# other reader Pelican has is switched off, so it reads exactly that set.
READERS = {extension: None for extension in ("rst", "html", "htm", "markdown", "mkd", "mdown")}

# Intrasite links are written {static}/…, {filename}/…, {tag}…: only the
# brace form. (Pelican also reads |static|…, which our checks need not know.)
# content_checks allows them only in a link's href and an image's src.
INTRASITE_LINK_REGEX = r"\{(?P<what>.*?)\}"

THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = []  # the site_assets plugin publishes them, minified and fingerprinted

PLUGIN_PATHS = ["plugins"]
# Listing PLUGINS turns off discovery of installed namespace plugins,
# so the sitemap plugin is named here too.
PLUGINS = [
    "incremental",
    "pelican.plugins.sitemap",
    "sitemap_dates",
    "stable_lists",
    "plain_text_metadata",
    "content_checks",
    "indonesian_dates",
    "office_tags",
    "video_embeds",
    "linked_files",
    "photos",
    "front_page",
    "page_identity",
    "share_buttons",
    "site_assets",
    "content_links",
    "structured_data",
    "reading_aids",
    "search_index",
    "web_editor",
    "old_addresses",
    "feeds",
    "precompression",
]

# The offices articles are tagged with (Offices, Host_office,
# Reporting_office): see the file for its format.
OFFICE_REGISTRY = "data/offices.toml"
# How `invoke import-wordpress` maps WordPress categories to ours.
WORDPRESS_CATEGORIES = "data/wordpress_categories.toml"
# Which GitHub accounts may publish for which offices (pull request check).
EDITOR_REGISTRY = "data/editors.toml"

# The web editor at /admin/ (plugins/web_editor). In preview it works on this
# checkout through the local proxy that `invoke editor` starts (decap-server);
# publishconf.py switches it to GitHub.
WEB_EDITOR = {"local_backend": "http://localhost:8081/api/v1"}

# The share bar: the seeds' six in the seeds' order, then "Salin tautan" and
# the phone's own share sheet (both only with JavaScript). Ids: see
# plugins/share_buttons/networks.toml.
SHARE_BUTTONS = [
    "facebook", "twitter", "telegram", "whatsapp", "email", "print",
    "copy-link", "native-share",
]
# Card images are for links shared from the public site: publish only.
SHARE_CARD_IMAGES = False

# WordPress-style permalinks: /2022/08/slug/ served as index.html.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
from sitelib.site_folders import PREVIEW_DRAFT_FOLDER  # noqa: E402

DRAFT_URL = f"{PREVIEW_DRAFT_FOLDER}/{{slug}}/"
DRAFT_SAVE_AS = f"{PREVIEW_DRAFT_FOLDER}/{{slug}}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
# Years are sections of /arsip/ (#arsip-2022); each month has its own pages.
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
# Reporter/editor credits are shown on the article, but get no pages of their own.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# One total order, so two builds of the same content are identical: Pelican
# reads the files in no fixed order, and articles sharing a date and time
# (editors round to the hour) would swap places between builds. Newest
# first, then by slug, then by source file (sitelib/ordering.py, which the
# plugins use too); pages by file name as before, then by source file.
from sitelib.ordering import newest_first, page_order  # noqa: E402

ARTICLE_ORDER_BY = newest_first
PAGE_ORDER_BY = page_order

DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "404", "robots", "search"]
SEARCH_URL = "cari/"
SEARCH_SAVE_AS = "cari/index.html"
ROBOTS_SAVE_AS = "robots.txt"

# Articles dated in the future are held back (as drafts) until their time;
# the publishing workflow runs hourly so they go out on time.
WITH_FUTURE_DATES = False

# Every value is escaped for HTML unless a template marks it safe; only
# rendered bodies and summaries (sanitised by content_checks) are.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}

# Sent on every page as a meta tag: no inline scripts, nothing from other hosts,
# except the two video players a reader starts by pressing play (plugins/video_embeds).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
# The search page runs Pagefind's WebAssembly, which needs 'wasm-unsafe-eval'.
SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"
)
# The search index is built by the production build only (see publishconf).
SEARCH_INDEX = False

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "index": None, "tag": None, "category": None, "period_archives": None,
    "office": None, "region": None,
}
INDEX_URL = ""  # the home page is "/", never "/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

# Feeds: site-wide Atom and RSS under /feed/. Feed entries need absolute
# links even in preview.
FEED_DOMAIN = ABSOLUTE_SITEURL
FEED_ALL_ATOM = "feed/atom.xml"
FEED_ALL_RSS = "feed/rss.xml"
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = "kategori/{slug}/feed/atom.xml"
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 20

SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^robots\.txt$", r"^tag/$", r"^kategori/$", r"^draf/", r"^cari/", r"^admin/"],
    "priorities": {"articles": 0.8, "indexes": 1.0, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "hourly", "pages": "monthly"},
}

# Typogrify: curly quotes and apostrophes, "--" as an en dash (the dateline
# dash in "Wonosobo --"), "---" as an em dash. Left off: the small-caps
# wrapper (Indonesian news is full of acronyms: PHU, ASN, BPIH), the
# hanging-quote wrapper, and widont, whose non-breaking space would leak
# into feed titles and share texts (the CSS balances headlines instead).
# Our Markdown reader applies it (READER_TYPOGRIFY), so Pelican's reader cache
# keeps the result; Pelican's own pass (TYPOGRIFY) would run again on every
# cached article at every build (plugins/plain_text_metadata/typography.py).
TYPOGRIFY = False
READER_TYPOGRIFY = True
TYPOGRIFY_DASHES = "oldschool"
TYPOGRIFY_OMIT_FILTERS = ["caps", "initial_quotes", "widont"]

# Titles and summaries are plain text, not Markdown: shown exactly as typed
# (see plugins/plain_text_metadata).
FORMATTED_FIELDS = []

MARKDOWN = {
    "extension_configs": {
        # Quotes and dashes are typogrify's job, so no "smarty" here.
        "markdown.extensions.extra": {},
    },
    # What Pelican's Markdown reader would add to this dict itself (its configured extensions and `meta`, which
    # our reader leaves out again): written out, Pelican never changes the dict, so a second build in the same
    # process has the same settings (and the same fingerprint, sitelib/build_selection.py).
    "extensions": ["markdown.extensions.extra", "markdown.extensions.meta"],
    "output_format": "html5",
}

DEFAULT_CATEGORY = "Berita"
MENU_CATEGORIES = True
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = True

CACHE_PATH = "cache"
# Pelican's content cache (reader layer): unchanged articles are not parsed
# from Markdown again. (The generator layer would conflict with
# WITH_FUTURE_DATES = False.)
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
# A cached file is reused when its content is the same (SHA-256), not its time: a fresh checkout in CI gives
# every file a new time. The reader's own code is watched by plugins/plain_text_metadata/reader_cache.py.
# The same digests the build's check of headers computes: each file is hashed once per build
# (sitelib/file_stamps.py, plugins/incremental/cache_stamps.py).
from sitelib.file_stamps import STAMP_METHOD  # noqa: E402

CHECK_MODIFIED_METHOD = STAMP_METHOD
