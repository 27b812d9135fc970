"""Driving Debian's Chromium with Playwright; serving comes from sitelib.static_server."""

from sitelib.static_server import free_port, serve  # noqa: F401  (re-exported for the tests)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

# Sums every layout shift not caused by input, as Lighthouse's CLS does.
LAYOUT_SHIFT_SCRIPT = (
    "window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " { if (!e.hadRecentInput) window.__shift += e.value; } }).observe({type: 'layout-shift', buffered: true});"
)


def shift_while_photos_arrive_late(browser, url: str, viewport: dict, settle=None) -> float:
    """The layout shift of `url` when every photo variant arrives 400 ms after the text is laid out;
    `settle(page)` runs before measuring (scroll to the photos, wait for them)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(LAYOUT_SHIFT_SCRIPT)
    page = context.new_page()

    def slow_photo(route):
        page.wait_for_timeout(400)
        route.continue_()

    page.route("**/images/varian/**", slow_photo)
    page.goto(url, wait_until="load")
    if settle:
        settle(page)
    page.wait_for_timeout(300)
    shift = page.evaluate("window.__shift")
    context.close()
    return shift

