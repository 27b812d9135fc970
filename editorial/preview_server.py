"""The preview at http://localhost:8000: the built site served as it is, or rebuilt and reloaded on every save.

`invoke serve` serves the output folder; `invoke livereload` (and `invoke
editor`, beside its local proxy) rebuilds on every save of content, theme,
plugins or settings and refreshes the browser. With an article, only that
article and the fixed pages are built, into their own folder
(editorial/single_preview.py), so a save shows in about a second.
"""

import shlex
from collections.abc import Callable
from pathlib import Path

from editorial.single_preview import PREVIEW_FOLDER, pelican_options, preview_settings


def serve_folder(root: str | Path, host: str, port: int) -> None:
    """Serve `root` at http://host:port until interrupted (the port is reusable at once after)."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    class AddressReuseServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseServer(str(root), (host, port), ComplexHTTPRequestHandler)
    print(f"Situs tersedia di http://{host}:{port}/ (hentikan dengan Ctrl+C)", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def watched_files(settings: dict, settings_file: str, article: str | None = None) -> list[str]:
    """The glob patterns whose change rebuilds the preview: settings, content (or the one article), photos, theme, plugins."""
    theme = settings["THEME"]
    return [
        settings_file,
        article or f"{settings['PATH']}/**/*.md",
        f"{settings['PATH']}/images/**/*",
        f"{theme}/templates/**/*.html",
        f"{theme}/static/**/*",
        "plugins/**/*.py",
    ]


def preview_output(settings: dict, article: str | None = None) -> str:
    """Where the preview is built: the site's output folder, or the one-article preview's own."""
    return str(PREVIEW_FOLDER / "output") if article else settings["OUTPUT_PATH"]


def preview_arguments(settings: dict, settings_file: str, article: str | None = None) -> str:
    """Pelican's arguments for the preview build (the article's path checked anew at each build)."""
    if not article:
        return f"-s {settings_file}"
    options = pelican_options(preview_settings(Path(article), Path(settings["PATH"]), settings["ARTICLE_PATHS"]))
    return f"-s {settings_file} -o {preview_output(settings, article)} {shlex.join(options)}"


def serve_live(
    build: Callable[[str], None], settings: dict, settings_file: str, host: str, port: int, article: str | None = None
) -> None:
    """Build the preview with `build(pelican_arguments)`, serve it at http://host:port, and rebuild on every save."""
    from livereload import Server

    def rebuild() -> None:
        build(preview_arguments(settings, settings_file, article))

    rebuild()
    server = Server()
    for pattern in watched_files(settings, settings_file, article):
        server.watch(pattern, rebuild)
    server.serve(host=host, port=port, root=preview_output(settings, article))
