"""`invoke screenshots`: the README's pictures, taken from the showcase build in Debian's Chromium."""

from pathlib import Path

from .showcase import served_showcase

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "docs" / "gambar"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORTS = {"ponsel": (390, 844), "desktop": (1280, 800)}
SHOWN = ("beranda", "berita-foto", "kantor")


def take(folder: Path = FOLDER) -> list[Path]:
    """Write {page}-{viewport}.png for the home page, an article with a photo and an office page."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with served_showcase() as (base, pages), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for viewport, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for name in SHOWN:
                page.goto(f"{base}/{pages[name]}", wait_until="networkidle")
                target = folder / f"{name}-{viewport}.png"
                page.screenshot(path=str(target))
                written.append(target)
            page.close()
        browser.close()
    return written
