"""Planning, before anything is written: which photos change and to what name and size, the reference edits
that follow the renames, and the photos left alone because a reference cannot follow them.

Each photo is prepared to learn its new name and size; only a digest of the result is kept (writing.py
prepares it again and compares), so memory stays small however many photos there are.
"""

import hashlib
import os
from pathlib import Path

from photos.decoding import UnreadablePhoto, decodable_header
from photos.preparing import prepare_photo
from photos.problems import problem_of
from photos.standard import Standard, standard_for, standard_reasons
from sitelib.content_files import photo_files, scan_content

from .names import prepared_name
from .plan import PhotoChange, Plan
from .references import content_file_edits, may_name
from .report_lines import problem_line


def digest(data: bytes) -> str:
    """What a plan keeps of a prepared photo: its SHA-256."""
    return hashlib.sha256(data).hexdigest()


def plan_photo(photo: Path, standard: Standard, taken: set[str]) -> PhotoChange | None:
    """The change the photo needs, None when it meets the standard. Raises UnreadablePhoto."""
    if not standard_reasons(photo, standard):
        return None
    header = decodable_header(photo)
    prepared = prepare_photo(photo, standard)
    name = prepared_name(photo.name, prepared.suffix, taken)
    taken.add(name.casefold())
    return PhotoChange(
        photo, photo.parent / name, digest(prepared.data), header.file_bytes, len(prepared.data),
        (header.width, header.height), (prepared.width, prepared.height),
    )


def plan_photos(settings) -> Plan:
    """What every photo below the content folder needs, and the reference edits that follow the renames."""
    plan = Plan(standard_for(settings), Path(settings["PATH"]))
    taken: dict[Path, set[str]] = {}
    for photo in photo_files(settings):
        folder_names = taken.setdefault(photo.parent, {name.casefold() for name in os.listdir(photo.parent)})
        try:
            change = plan_photo(photo, plan.standard, folder_names)
        except UnreadablePhoto as error:
            plan.problems.append(problem_line(problem_of(photo, error)))
            plan.unreadable += 1
            continue
        if change is None:
            plan.meeting += 1
        else:
            plan.changes.append(change)
    plan_references(plan, settings)
    return plan


def plan_references(plan: Plan, settings) -> None:
    """The edits of every content file for the renamed photos. A photo one of whose references cannot
    follow it is blocked: left as it is, none of its references edited; then the rest is planned again."""
    if not plan.renames:
        return
    contents = [(item.path, item.path.read_bytes()) for item in scan_content(settings)[0]]
    while True:
        renames = plan.renames
        plan.files, blocked = {}, {}
        for path, data in contents:
            changes = [change for change in renames.values() if may_name(data, change)]
            if not changes:
                continue
            edits, lines = content_file_edits(path, data, changes, plan.root, settings)
            if edits is not None:
                plan.files[path] = edits
            for photo, line in lines:
                blocked.setdefault(photo, []).append(line)
        if not blocked:
            return
        for photo, lines in blocked.items():
            plan.blocked.add(photo)
            plan.problems += list(dict.fromkeys(lines))
