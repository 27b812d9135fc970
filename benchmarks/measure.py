"""Timing builds in child processes, and weighing a built page."""

import gzip
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup


@dataclass
class Timing:
    seconds: float
    peak_mb: float


@dataclass
class BuildFigures:
    label: str
    articles: int
    runs: list[Timing] = field(default_factory=list)
    pages: int = 0

    @property
    def median_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.median_seconds / self.articles

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    def as_dict(self) -> dict:
        return {**asdict(self), "median_seconds": self.median_seconds,
                "ms_per_article": self.ms_per_article, "peak_mb": self.peak_mb}


def timed(command: list[str], cwd: Path, env: dict | None = None) -> Timing:
    """Wall time and peak resident memory of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return Timing(seconds, usage.ru_maxrss / 1024)


def pelican_command(content: Path, settings: str, output: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-s", settings, "-o", str(output), "-q",
            "-e", f'CACHE_PATH="{cache}"']


def count_pages(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


def page_weight(output: Path, page: str, siteurl: str = "") -> dict:
    """HTML + the CSS and JS it loads: raw and gzip bytes, and the number of requests."""
    html_path = output / page / "index.html"
    html = html_path.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    files = [html_path]
    for element in soup.find_all("link", rel="stylesheet") + soup.find_all("script", src=True):
        url = element.get("href") or element.get("src")
        relative = url[len(siteurl):] if siteurl and url.startswith(siteurl) else url
        files.append((html_path.parent / relative).resolve() if not relative.startswith("/") else output / relative.lstrip("/"))
    images = [img for img in soup.find_all("img") if img.get("loading") != "lazy"]
    raw = sum(path.stat().st_size for path in files)
    compressed = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    return {"files": [str(p.relative_to(output)) for p in files], "raw_bytes": raw,
            "gzip_bytes": compressed, "requests": len(files) + len(images)}
