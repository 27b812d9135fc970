"""GitHub Pages serves at most 1 GB a site: a warning from 800 MB, a stop at 1 GB, naming the way out."""

import os
from pathlib import Path

from sitelib.build_manifest import absent_files

from .http_headers import is_published

PAGES_LIMIT = 1000 * 1000 * 1000
PAGES_WARNING = 800 * 1000 * 1000
SWITCH = ("Pindahkan situs ke penyimpanan S3 (Cloudflare R2, AWS S3, Backblaze B2, …): isi variabel repositori "
          "DEPLOY_TARGET dan rahasia AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (lihat README, \"Publishing\").")


def published_size(output: Path) -> int:
    """The bytes a Pages artifact of output/ holds (without .gz/.br copies)."""
    total = 0
    for folder, _, names in os.walk(output):
        for name in names:
            path = Path(folder) / name
            if not path.is_symlink() and is_published(name):
                total += path.stat().st_size
    return total


def incomplete(output: Path) -> str:
    """Why output/ cannot go to GitHub Pages whole ("" when it can): Pages takes the whole site each time, and
    an incremental build for S3 hosting keeps the files already published out of output/."""
    absent = absent_files(output)
    if not absent:
        return ""
    return (f"output/ tidak memuat {len(absent)} berkas situs (mis. {absent[0]}): itu build bertahap untuk "
            "penyimpanan S3 (BUILD_REMOTE_FILES). GitHub Pages perlu situs utuh: jalankan `invoke publish --full`.")


def pages_verdict(size: int) -> tuple[str, str]:
    """("ok" | "warning" | "stop", Indonesian message)."""
    megabytes = f"{size / 1000 / 1000:,.0f}".replace(",", ".")
    if size >= PAGES_LIMIT:
        return "stop", f"Situs {megabytes} MB, melewati batas GitHub Pages 1 GB: penerbitan dihentikan. {SWITCH}"
    if size >= PAGES_WARNING:
        return "warning", f"Situs {megabytes} MB, mendekati batas GitHub Pages 1 GB. {SWITCH}"
    return "ok", f"Situs {megabytes} MB (batas GitHub Pages 1 GB)."
