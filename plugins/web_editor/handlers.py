"""Pelican side of the web editor: write /admin/ once per build."""

from site_assets.manifest import asset_path

from .write import article_categories, write_admin


def write_editor(generators) -> None:
    settings = generators[0].settings
    site = settings["SITEURL"] or ".."  # absolute in production, relative to /admin/ in preview
    write_admin(
        settings, article_categories(generators),
        stylesheet_url=f"{site}/{asset_path(settings, 'css/main.css')}",
        favicon_url=f"{site}/{asset_path(settings, 'images/favicon.svg')}",
        base_url=f"{site}/admin",
        output_path=generators[0].output_path,
        preview_styles=(f"{site}/{asset_path(settings, 'css/video-embed.css')}",),
    )
