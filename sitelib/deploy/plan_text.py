"""A deploy plan as people read it, in Indonesian: what is uploaded and deleted, how many files and bytes."""

from babel.numbers import format_decimal

from .sync_plan import FILES, INDEXES, PAGES, PHASES, Plan
from .target import Target

PHASE_NAMES = {
    FILES: "berkas yang ditunjuk halaman (foto, aset, dokumen, indeks pencarian)",
    PAGES: "halaman",
    INDEXES: "umpan, peta situs, entri pencarian",
}


def size_text(size: int) -> str:
    if size < 1000 * 1000:
        return f"{format_decimal(round(size / 1000, 1), locale='id')} KB"
    return f"{format_decimal(round(size / 1000 / 1000, 1), locale='id')} MB"


def seconds_text(seconds: float) -> str:
    return f"{format_decimal(round(seconds, 1), locale='id')} detik"


def plan_summary(plan: Plan, target: Target) -> list[str]:
    where = f"s3://{target.bucket}/{target.prefix}"
    lines = [f"Tujuan: {where}",
             f"Unggah: {plan.upload_count} berkas ({size_text(plan.upload_bytes)}); "
             f"hapus: {len(plan.deletions)} objek ({size_text(plan.deletion_bytes)}); tidak berubah: {plan.unchanged}"]
    for number, phase in enumerate(PHASES, 1):
        files = plan.uploads[phase]
        lines.append(f"  {number}. {PHASE_NAMES[phase]}: {len(files)} ({size_text(sum(file.size for file in files))})")
    lines.append(f"  {len(PHASES) + 1}. hapus: {len(plan.deletions)}; berkas tak terpakai yang menunggu "
                 f"(masih bisa diminta halaman lama di cache): {len(plan.pending)}")
    return lines


def plan_listing(plan: Plan) -> list[str]:
    """Every file to upload, with its headers, and every object to delete (--dry-run)."""
    lines = []
    for phase in PHASES:
        for file in plan.uploads[phase]:
            headers = file.headers
            lines.append(f"unggah {file.relative} ({size_text(file.size)}; {headers.content_type}; {headers.cache_control})")
    lines += [f"hapus {item.relative}" for item in plan.deletions]
    return lines
