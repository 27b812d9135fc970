"""`invoke import-wordpress`: one office's export read, planned, written, and the report for the editor.

Everything that makes the whole import impossible (an unknown office, a
missing uploads folder, an unreadable export) is refused before any file is
written, with an Indonesian message. The export is read whole once before
planning (wxr.read_export) and again, post by post, while planning; every
file is written after planning, so an export that stops reading writes nothing.
"""

from pathlib import Path

from office_tags.registry import Office
from office_tags.site_registry import registry_for

from .importer import Importer, write
from .post_metadata import CategoryMap
from .report import format_import_report
from .wxr import WxrError, read_export

NEXT_STEPS = "Langkah berikutnya: jalankan `invoke check`, periksa beberapa berita di `invoke serve`, lalu commit."


class ImportRefused(Exception):
    """Nothing was imported (message in Indonesian)."""


def import_office_export(export: str | Path, office: str, uploads: str | Path | None, settings: dict, project: Path) -> str:
    """Import `export` as the office `office` (code or name) into the content; return the report.

    `uploads` is a copy of the site's wp-content/uploads (for photos), or None (or "") for none."""
    uploads_folder = Path(uploads) if uploads else None
    registry = registry_for(settings)
    found = registry.find(office)
    if not isinstance(found, Office):
        raise ImportRefused(f"Impor gagal: kantor '{office}' tidak dikenal; lihat data/offices.toml.")
    if uploads_folder is not None and not uploads_folder.is_dir():
        raise ImportRefused(f"Impor gagal: folder uploads '{uploads}' tidak ada.")
    try:
        wordpress = read_export(Path(export))
    except WxrError as error:
        raise ImportRefused(f"Impor gagal, tidak ada berkas yang ditulis: {error}") from None
    categories = CategoryMap.load(Path(project) / settings["WORDPRESS_CATEGORIES"], settings["DEFAULT_CATEGORY"])
    try:  # the export is read again, post by post; planning writes nothing
        plan = Importer(wordpress, found.code, uploads_folder, settings, registry, categories).plan()
    except WxrError as error:  # the file changed since it was first read
        raise ImportRefused(f"Impor gagal, tidak ada berkas yang ditulis: {error}") from None
    write(plan)
    return format_import_report(plan, found.code, Path(export).name, written=True) + "\n" + NEXT_STEPS
