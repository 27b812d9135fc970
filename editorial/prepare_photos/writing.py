"""Carrying out a plan: new-name photos, rewritten photos, edited content files, then the old names removed,
every file through the guarded writes of files.py. A photo is prepared again and written only when its
digest is the planned one (preparing is deterministic), so a photo changed in between is not overwritten."""

from pathlib import Path

from photos.decoding import UnreadablePhoto
from photos.preparing import prepare_photo
from photos.problems import PREPARE_COMMAND
from photos.standard import Standard
from sitelib.errors import ERROR, printable

from .files import WriteRefused, checked_place, create_file, replace_file
from .plan import FileEdits, PhotoChange, Plan
from .planning import digest
from .report_lines import Report, display, report

WRITE_FAILURES = {
    FileExistsError: "nama itu sudah dipakai berkas lain", PermissionError: "tidak ada izin menulis",
    FileNotFoundError: "berkas atau foldernya hilang",
}


def _prepared_again(change: PhotoChange, standard: Standard) -> bytes:
    try:
        data = prepare_photo(change.path, standard).data
    except UnreadablePhoto:
        data = b""
    if digest(data) != change.digest:
        raise WriteRefused(f"foto '{display(change.path)}' berubah sejak direncanakan")
    return data


def write_plan(plan: Plan) -> Report:
    """Write what the plan says: new-name photos, rewritten photos, edited content files, then remove the
    photos that were renamed. Nothing is written for a blocked photo; a failure is reported."""
    problems = list(plan.problems)
    done: list[PhotoChange] = []
    written_renames: set[Path] = set()
    for change in [change for change in plan.changes if change.path not in plan.blocked]:
        try:
            data = _prepared_again(change, plan.standard)
            if change.renamed:
                create_file(change.target, data, change.path, plan.root)
                written_renames.add(change.path)
            else:
                replace_file(change.path, data, plan.root)
        except (OSError, WriteRefused) as error:
            problems.append(_write_problem(change.target, error))
            continue
        done.append(change)
    failed_renames = {change.path for change in plan.changes if change.renamed and change.path not in written_renames}
    updated: dict[Path, int] = {}
    kept: set[Path] = set(failed_renames)  # renamed photos whose old file must stay: a reference still names it
    for path, planned in plan.files.items():
        edits = [edit for edit in planned.edits if edit.photo not in failed_renames]
        if not edits:
            continue
        try:
            if path.read_bytes() != planned.data:
                raise WriteRefused(f"berkas '{display(path)}' berubah sejak direncanakan")
            replace_file(path, FileEdits(path, planned.data, tuple(edits)).edited(), plan.root)
        except (OSError, WriteRefused) as error:
            problems.append(_write_problem(path, error))
            kept.update(edit.photo for edit in edits)
            continue
        for edit in edits:
            updated[edit.photo] = updated.get(edit.photo, 0) + 1
    for change in done:
        if change.renamed and change.path not in kept:
            try:
                checked_place(change.path, plan.root)
                change.path.unlink()
            except (OSError, WriteRefused) as error:
                problems.append(_write_problem(change.path, error))
    return report(plan, done, updated, problems)


def _write_problem(path: Path, error: Exception) -> str:
    if isinstance(error, WriteRefused):
        why = str(error)
    else:
        why = WRITE_FAILURES.get(type(error), f"galat sistem berkas nomor {getattr(error, 'errno', None)}")
    return printable(f"{ERROR}: '{display(path)}' tidak ditulis: {why}. Jalankan `{PREPARE_COMMAND}` lagi.")
