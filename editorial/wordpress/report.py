"""The import report, in Indonesian: what was imported, skipped, found, refused and removed.

Everything in it comes from the planned files (a post that was skipped has no
line about its photos or categories). Text from the export is shown on one
line: a title holding a line break cannot add a line to the report.
"""

import os
from collections import Counter

from babel.numbers import format_decimal

from sitelib.site_folders import DOCUMENT_FOLDER, MEDIA_FOLDER

from .importer import Plan
from .single_line import without_control_characters


def _counted(counter: Counter) -> str:
    return ", ".join(f"{name} ×{count}" for name, count in counter.most_common())


def prepared_lines(plan: Plan) -> list[str]:
    """How many photos were prepared to the photo standard, and those whose name changed with their format."""
    uploads = plan.photos
    if not uploads:
        return []
    prepared = sum(upload.prepared for upload in uploads.values())
    edge = format_decimal(next(iter(uploads.values())).standard.max_edge, format="#,##0", locale="id")
    lines = [f"  - {prepared} disiapkan sesuai standar foto (JPEG tanpa metadata, paling besar {edge} piksel dan 1 MB), "
             f"{len(uploads) - prepared} sudah sesuai dan disalin apa adanya"]
    return lines + [f"  - nama berubah: {upload.path.name} → {os.path.relpath(target)}"
                    for target, upload in uploads.items() if target.name != upload.path.name]


def photo_lines(plan: Plan, office: str) -> list[str]:
    """Photos copied, missing from the uploads folder, refused (a path leading out), from other sites."""
    photos = [p for f in plan.files for p in f.body.photos]
    missing = [(f, src) for f in plan.files for src in f.body.missing_photos]
    refused = [(f, src, why) for f in plan.files for src, why in f.body.refused_photos]
    foreign = [(f, src) for f in plan.files for src in f.body.foreign_photos]
    lines = [f"Foto: {len(plan.photos)} berkas disalin ke content/images/{office}/ ({len(photos)} di badan berita), "
             f"{len(missing) + len(plan.missing_featured)} tidak ada di folder uploads, "
             f"{len(refused) + len(plan.refused_featured)} ditolak, {len(foreign)} dari situs lain "
             "(foto di badan berita yang tidak ada atau dari situs lain ditulis sebagai tautan, lihat di bawah)"]
    lines += prepared_lines(plan)
    lines += [f"  - foto utama tidak ada: {title}: {src}" for title, src in plan.missing_featured]
    lines += [f"  - ditolak: {os.path.relpath(f.path)}: {src} ({why}; dibuang dari berita)" for f, src, why in refused]
    lines += [f"  - foto utama ditolak: {title}: {src} ({why})" for title, src, why in plan.refused_featured]
    lines += [f"  - sudah ada berkas lain dengan nama sama, tidak ditimpa: {os.path.relpath(p)}" for p in plan.photo_conflicts]
    return lines


def gallery_lines(plan: Plan) -> list[str]:
    """Galleries written as a paragraph of photos (the site shows it as a gallery), and those left out."""
    galleries = [count for f in plan.files for count in f.body.galleries]
    lines = [f"Galeri: {len(galleries)} ({sum(galleries)} foto)"]
    lines += [f"  - galeri tanpa foto yang ditemukan, dibuang: {os.path.relpath(f.path)} ({f.body.empty_galleries}×)"
              for f in plan.files if f.body.empty_galleries]
    lines += [f"  - lampiran galeri tidak ada di ekspor: {os.path.relpath(f.path)}: id {', '.join(f.body.missing_attachments)}"
              for f in plan.files if f.body.missing_attachments]
    return lines


def line_of(text: str, needle: str) -> int:
    """The first line of a planned file holding `needle` (1-based); 0 when none does."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 0


def kept_link_lines(plan: Plan) -> list[str]:
    """Everything not carried over but written as a visible link to its old address, with file and line."""
    kept = [(f, url, why) for f in plan.files for url, why in f.body.kept_links]
    lines = [f"Tidak terbawa, ditulis sebagai tautan yang terlihat ke alamat lamanya: {len(kept)}"]
    return lines + [f"  - {os.path.relpath(f.path)}:{line_of(f.text, url)}: {url} ({why})" for f, url, why in kept]


def file_lines(plan: Plan, office: str) -> list[str]:
    """Documents, videos and audio files copied, and the old upload addresses that keep working."""
    copied = plan.copied_files
    documents = sum(target.relative_to(plan.old_uploads_file.parent.parent).parts[0] == DOCUMENT_FOLDER for target in copied) \
        if plan.old_uploads_file else 0
    lines = [f"Dokumen disalin ke content/{DOCUMENT_FOLDER}/{office}/: {documents}; "
             f"video dan audio disalin ke content/{MEDIA_FOLDER}/{office}/: {len(copied) - documents}"]
    where = os.path.relpath(plan.old_uploads_file) if plan.old_uploads_file else ""
    working = len(set(plan.old_uploads) - set(plan.kept_old_uploads))
    lines.append(f"Alamat lama unggahan (foto dan berkas) yang tetap berfungsi: {working} ({where})")
    lines += [f"  - sudah ada untuk berkas lain, tidak diubah: {old}" for old in plan.kept_old_uploads]
    if plan.old_uploads_unwritten:
        lines.append(f"  - {where} tidak bisa dibaca (TOML rusak), jadi tidak diubah: perbaiki berkasnya lalu jalankan impor lagi")
    return lines


def slug_lines(plan: Plan) -> list[str]:
    """Posts whose slug another item had: they got WordPress's -2, -3, …"""
    renamed = [f for f in plan.files if f.renamed]
    lines = [f"Slug sudah dipakai, diberi akhiran -2, -3, … seperti di WordPress: {len(renamed)}"]
    return lines + [f"  - {os.path.relpath(f.path)}: {f.post.values['Slug']} → {f.slug}" for f in renamed]


def format_import_report(plan: Plan, office: str, export_name: str, written: bool) -> str:
    articles = [f for f in plan.files if f.kind == "article"]
    pages = [f for f in plan.files if f.kind == "page"]
    lines = [
        f"Impor WordPress {export_name} untuk kantor {office}" + ("" if written else " (tidak ada yang ditulis)"),
        f"Berita diimpor: {len(articles)} (draf: {sum(f.draft for f in articles)})",
        f"Halaman diimpor: {len(pages)} (draf: {sum(f.draft for f in pages)})",
        f"Dilewati: {_counted(plan.skipped) or 'tidak ada'}",
    ]
    lines += [f"  - {title}: {reason}" for title, reason in plan.skipped_posts]
    lines += photo_lines(plan, office) + slug_lines(plan)
    alt_caption = sum(f.body.alt_from_caption for f in plan.files)
    alt_title = sum(f.body.alt_from_title for f in plan.files)
    if alt_caption or alt_title:
        lines.append(f"Teks alternatif foto kosong di WordPress: {alt_caption} diisi dari keterangan foto, "
                     f"{alt_title} dari judul berita (periksa dan perbaiki bila perlu)")
    embeds = [(f, address) for f in plan.files for address in f.body.embeds]
    lines.append(f"Video dan kiriman media sosial, ditulis sebagai alamat di barisnya sendiri: {len(embeds)}")
    lines += file_lines(plan, office) + kept_link_lines(plan) + gallery_lines(plan)
    shortcodes = Counter(name for f in plan.files for name in f.body.shortcodes)
    lines.append(f"Shortcode dibuang: {_counted(shortcodes) or 'tidak ada'} ([caption] menjadi foto berketerangan)")
    remnants = Counter(text for f in plan.files for text in f.body.remnants)
    lines.append(f"Sisa tombol bagikan / penghitung dibaca dibuang: {_counted(remnants) or 'tidak ada'}")
    lines.append("Pemetaan kategori (data/wordpress_categories.toml):")
    for (name, ours), count in sorted(plan.category_use.items()):
        target = "menjadi tag" if ours == "tag" else f"→ {ours}"
        unmapped = " (tidak dipetakan: dipakai apa adanya; tambahkan di data/wordpress_categories.toml)" if name in plan.unmapped_categories else ""
        lines.append(f"  - {name} {target}: {count} berita{unmapped}")
    lines.append(f"Alamat lama dialihkan: {sum(bool(f.old_path) for f in plan.files)}")
    lines += [f"  - tanpa alamat yang bisa dialihkan: {entry}" for entry in plan.no_old_path]
    lines.append("Kantor per berita:")
    lines += [f"  - {os.path.relpath(f.path)}: {', '.join(f.offices)}" for f in articles]
    return "\n".join(without_control_characters(line) for line in lines)
