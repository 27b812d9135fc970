"""Settings for the production build (`invoke publish`, used by CI)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The public address of the site. CI sets SITEURL to the GitHub Pages URL;
# the default lets a local production build be served by `invoke serve`.
SITEURL = os.environ.get("SITEURL", "http://localhost:8000").rstrip("/")
if not SITEURL:
    sys.exit("SITEURL kosong: isi alamat situs, misalnya SITEURL=https://media.kemenag-jateng.go.id "
             "(di GitHub, untuk penyimpanan S3: variabel repository SITE_URL).")
RELATIVE_URLS = False
ABSOLUTE_SITEURL = SITEURL
FEED_DOMAIN = SITEURL

SHARE_CARD_IMAGES = True
SEARCH_INDEX = True
# Drafts are previewed locally only; the public site never gets them.
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_PAGE_SAVE_AS = ""  # Pelican's default would publish draft pages at /drafts/pages/…
DRAFT_PAGE_URL = ""

# Gzip and brotli files beside every HTML, CSS, JS and XML file, so the host
# can serve them without compressing on each request (plugins/precompression).
# PRECOMPRESS=0 (the publishing workflow sets it): GitHub Pages and a CDN in front of object storage compress
# by themselves, and count .gz/.br copies as files of the site; a server of your own may serve them.
PRECOMPRESS = os.environ.get("PRECOMPRESS", "1") != "0"
# The production build keeps its own cache: Pelican drops a content cache
# made with other settings, so preview and production must not share one.
CACHE_PATH = "cache/produksi"

# Every production build writes the manifest of its output, and `invoke publish` builds only what changed
# since the last one (README: "Incremental publish"); the preview does neither.
INCREMENTAL_BUILD = True

# S3 hosting in CI (the workflow sets it): files of the previous build that are not in the restored output/
# (photo variants, cards, documents: kept out of the Actions cache) are in the bucket, and the incremental
# build keeps them there by the manifest (README: "Incremental publish").
BUILD_REMOTE_FILES = os.environ.get("BUILD_REMOTE_FILES", "0") == "1"

# The web editor signs in with GitHub and proposes changes as pull requests
# (README: "Editor web di GitHub"). GitHub Actions sets GITHUB_REPOSITORY;
# EDITOR_AUTH_URL is the address of the OAuth client for the login.
WEB_EDITOR = {
    "repository": os.environ.get("GITHUB_REPOSITORY", ""),
    "branch": "main",
    "auth_url": os.environ.get("EDITOR_AUTH_URL", ""),
}
