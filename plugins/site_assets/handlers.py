"""Signal receivers of the assets plugin: the `asset_url` template function and writing the files."""

from sitelib.output import output_file

from .manifest import load_manifest, theme_static_dir


def add_template_function(generator) -> None:
    """`{{ asset_url("css/main.css") }}` -> "theme/css/main.3f2a9c1b.css" (looked up once per build)."""
    manifest = load_manifest(theme_static_dir(generator.settings))
    prefix = generator.settings["THEME_STATIC_DIR"]
    paths = {relative: f"{prefix}/{asset.published}" for relative, asset in manifest.items()}
    generator.env.globals["asset_url"] = paths.__getitem__


def write_assets(pelican) -> None:
    folder = pelican.settings["THEME_STATIC_DIR"]
    for asset in load_manifest(theme_static_dir(pelican.settings)).values():
        target = output_file(pelican.output_path, f"{folder}/{asset.published}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)
