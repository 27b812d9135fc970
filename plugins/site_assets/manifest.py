"""Theme assets, minified and named by their content so they can be cached forever."""

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {
    ".css": lambda text: rcssmin.cssmin(text),
    ".js": lambda text: rjsmin.jsmin(text),
}


@dataclass(frozen=True)
class Asset:
    source: str  # path below the theme's static folder: "css/main.css"
    published: str  # fingerprinted path: "css/main.3f2a9c1b.css"
    data: bytes


def minified(path: Path) -> bytes:
    minify = MINIFIERS.get(path.suffix)
    data = path.read_bytes()
    return minify(data.decode("utf-8")).encode("utf-8") if minify else data


def fingerprinted(relative: str, data: bytes) -> str:
    path = Path(relative)
    digest = hashlib.sha256(data).hexdigest()[:10]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def _signature(static_dir: Path):
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(static_dir.rglob("*")) if p.is_file())


@lru_cache(maxsize=4)
def _manifest(static_dir: str, signature) -> dict[str, Asset]:
    root = Path(static_dir)
    assets = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            relative = path.relative_to(root).as_posix()
            data = minified(path)
            assets[relative] = Asset(relative, fingerprinted(relative, data), data)
    return assets


def load_manifest(static_dir: Path) -> dict[str, Asset]:
    """Every file of `static_dir`, read again only when one changes."""
    return _manifest(str(static_dir), _signature(static_dir))


def theme_static_dir(settings) -> Path:
    return Path(settings["THEME"]) / "static"


def asset_path(settings, relative: str) -> str:
    """Where the asset is published, below the site root: "theme/css/main.3f2a9c1b.css"."""
    return f"{settings['THEME_STATIC_DIR']}/{load_manifest(theme_static_dir(settings))[relative].published}"
