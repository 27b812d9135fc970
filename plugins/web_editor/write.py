"""Writing /admin/: the page, its configuration, Decap CMS from npm and our scripts, from our own output."""

import json
import shutil
from pathlib import Path
from string import Template

from pelican.generators import ArticlesGenerator

from office_tags.site_registry import registry_for
from sitelib.errors import SiteConfigError
from sitelib.output import output_file
from sitelib.site_folders import WEB_EDITOR_FOLDER

from .config import editor_config
from .contract import CONFIG_FILE

ROOT = Path(__file__).resolve().parents[2]
EDITOR_FOLDER = ROOT / "web_editor"
OUR_SCRIPTS = EDITOR_FOLDER / "src"
PAGE_TEMPLATE = EDITOR_FOLDER / "admin.html"
OUTPUT_FOLDER = WEB_EDITOR_FOLDER


def bundle_folder() -> Path:
    return EDITOR_FOLDER / "node_modules" / "decap-cms" / "dist"


def bundle_files(folder: Path) -> list[Path]:
    """decap-cms.js and the chunks it loads on demand (no source maps, no second copy as cms.js)."""
    main = folder / "decap-cms.js"
    if not main.is_file():
        raise SiteConfigError(
            f"Editor web belum terpasang ({main} tidak ada). Jalankan `invoke setup-editor` "
            "(memasang Decap CMS dari npm sesuai web_editor/package-lock.json)."
        )
    return [main] + sorted(folder.glob("*.decap-cms.js"))


def content_security_policy(settings) -> str:
    """Only what the CMS needs: its own scripts, which compile their config schema at run time
    ('unsafe-eval', Decap's AJV), inline styles (it styles itself at run time), the GitHub
    API (or the local proxy) and pictures from the repository."""
    editor = settings["WEB_EDITOR"]
    connect = ["'self'", "blob:", "https://api.github.com"]
    if editor.get("local_backend"):
        connect.append(editor["local_backend"].split("/api/", 1)[0])
    images = ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"]
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src {' '.join(images)}; connect-src {' '.join(connect)}; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def write_admin(settings, categories: list[str], stylesheet_url: str, favicon_url: str, base_url: str, output_path: Path,
                preview_styles: tuple[str, ...] = ()) -> Path:
    """Write output/admin/ and return its folder. `preview_styles`: stylesheets the preview pane adds to
    the site's main one (the video placeholder's, which pages load only when they show a video)."""
    target = output_file(output_path, OUTPUT_FOLDER)
    target.mkdir(parents=True, exist_ok=True)
    for source in bundle_files(bundle_folder()) + sorted(OUR_SCRIPTS.glob("*.js")):
        shutil.copyfile(source, output_file(output_path, f"{OUTPUT_FOLDER}/{source.name}"))
    config = editor_config(settings, registry_for(settings), categories)
    config["site"]["preview_styles"] = list(preview_styles)
    output_file(output_path, f"{OUTPUT_FOLDER}/{CONFIG_FILE}").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    page = Template(PAGE_TEMPLATE.read_text(encoding="utf-8")).substitute(
        csp=content_security_policy(settings), site_name=settings["SITENAME"],
        stylesheet=stylesheet_url, favicon=favicon_url, site_url=settings["ABSOLUTE_SITEURL"], base=base_url,
        config=CONFIG_FILE,  # main.js reads the configuration's name here (it cannot come from the configuration)
    )
    output_file(output_path, f"{OUTPUT_FOLDER}/index.html").write_text(page, encoding="utf-8")
    return target


def article_categories(generators) -> list[str]:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            return [category.name for category, _ in generator.categories]
    return []
