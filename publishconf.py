"""Settings for the production build (`invoke publish`, used by CI)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The public address of the site. CI sets SITEURL to the GitHub Pages URL;
# the default lets a local production build be served by `invoke serve`.
SITEURL = os.environ.get("SITEURL", "http://localhost:8000").rstrip("/")
RELATIVE_URLS = False
ABSOLUTE_SITEURL = SITEURL
FEED_DOMAIN = SITEURL

DELETE_OUTPUT_DIRECTORY = True
# Drafts are previewed locally only; the public site never gets them.
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
LOAD_CONTENT_CACHE = False

# Gzip and brotli files beside every HTML, CSS, JS and XML file, so the host
# can serve them without compressing on each request.
PLUGINS = PLUGINS + ["pelican.plugins.precompress"]
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
