"""`invoke lighthouse`: Lighthouse (npm) in mobile mode on Debian's Chromium, on a served production build."""

import json
import os
import subprocess
from pathlib import Path

from .showcase import served_showcase

ROOT = Path(__file__).resolve().parents[1]
TOOL_DIR = ROOT / "benchmarks" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install() -> Path:
    binary = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOL_DIR, check=True,
                       env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    return binary


def scores(binary: Path, url: str) -> dict[str, int]:
    result = subprocess.run(
        [str(binary), url, "--output=json", "--output-path=stdout", "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse gagal untuk {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}


def run() -> dict[str, dict[str, int]]:
    """Scores of the home page, a seed article, an article with a photo and an office page (generated corpus)."""
    binary = install()
    with served_showcase() as (base, pages):
        return {name: scores(binary, f"{base}/{path}") for name, path in pages.items()}


def format_scores(results: dict[str, dict[str, int]]) -> str:
    lines = [f"{'halaman':<10}" + "".join(f"{name:>16}" for name in CATEGORIES)]
    for page, values in results.items():
        lines.append(f"{page:<10}" + "".join(f"{values[name]:>16}" for name in CATEGORIES))
    return "\n".join(lines)
