"""Driving Debian's Chromium with Playwright; serving comes from sitelib.static_server."""

from sitelib.static_server import free_port, serve  # noqa: F401  (re-exported for the tests)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
