"""Whether output/ is a production build fit to deploy: not a preview, not made for localhost."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from sitelib.site_folders import PREVIEW_DRAFT_FOLDER

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
SITEMAP_LINE = re.compile(r"^Sitemap: (\S+)/sitemap\.xml$", re.M)


def deploy_problem(output: Path) -> str:
    """Why `output` must not be deployed, in Indonesian ("" when it may)."""
    if not (output / "index.html").is_file():
        return f"{output}/index.html tidak ada: jalankan `invoke publish` dulu."
    if (output / PREVIEW_DRAFT_FOLDER).exists():
        return (f"{output} berisi draf ({PREVIEW_DRAFT_FOLDER}/): itu hasil pratinjau (`invoke build`, `serve` "
                "atau `editor`), bukan `invoke publish`. Jalankan `invoke publish` dengan SITEURL situs.")
    robots = output / "robots.txt"
    found = SITEMAP_LINE.search(robots.read_text(encoding="utf-8")) if robots.is_file() else None
    address = urlsplit(found.group(1)) if found else None
    if address is None or address.scheme not in ("http", "https") or address.hostname in LOCAL_HOSTS:
        shown = found.group(1) if found else "tidak diketahui"
        return (f"{output} dibuat untuk alamat {shown}, bukan alamat situs: jalankan `invoke publish` "
                "dengan SITEURL=https://alamat-situs (di GitHub: variabel SITE_URL).")
    return ""
