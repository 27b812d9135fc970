"""Signal receivers of the assets plugin: the `asset_url` template function and writing the files."""

from .manifest import load_manifest, theme_static_dir
from .write import write_asset_files


def add_template_function(generator) -> None:
    """`{{ asset_url("css/main.css") }}` -> "theme/css/main.3f2a9c1b.css" (looked up once per build)."""
    manifest = load_manifest(theme_static_dir(generator.settings))
    prefix = generator.settings["THEME_STATIC_DIR"]
    paths = {relative: f"{prefix}/{asset.published}" for relative, asset in manifest.items()}
    generator.env.globals["asset_url"] = paths.__getitem__


def write_assets(pelican) -> None:
    """Once the site is written: the theme's files under their fingerprinted names."""
    assets = load_manifest(theme_static_dir(pelican.settings)).values()
    write_asset_files(pelican.output_path, pelican.settings["THEME_STATIC_DIR"], assets)
