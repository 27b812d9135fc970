"""Writing the minified, fingerprinted theme files into output/."""

from sitelib.output import output_file


def write_asset_files(output_path: str, folder: str, assets) -> None:
    """Each asset at `folder`/its published name below `output_path`."""
    for asset in assets:
        target = output_file(output_path, f"{folder}/{asset.published}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)
