"""`invoke prepare-photos`: every photo under content/ brought to the photo standard (issue #18).

A photo that meets the standard (photos.standard) is left exactly as it is,
so a second run changes nothing. Any other photo is prepared
(photos.preparing) and written back in place; when its format changes (a
.heic, .webp or a PNG without transparency becomes a .jpg) it gets the new
name, the same stem with the new suffix or, when that name is taken, the
first free one of stem-2, stem-3, …, and every reference to it in the
articles and pages follows.

Everything is planned before anything is written. References are found as
the build finds them: the Image field and, in the rendered body, image
sources and link targets with {static} or {attach}, resolved as
sitelib.links resolves them. A reference is rewritten only where the file
writes it literally, and an edit is kept only when reading the file again
shows exactly that reference renamed and nothing else changed. A reference
the build decodes before it reads it (an HTML entity such as `&#46;`, a
backslash escape) is not guessed at: it is reported with its file and line,
and its photo is not changed at all.

Planning prepares each photo to learn its new name and size, and keeps only
a digest of the result: writing prepares it again (preparing is
deterministic) and writes it only when the digest is the same, so memory
stays small however many photos there are, and a photo changed in between
is not overwritten. Every write goes through a temporary file in the same
folder (os.replace for a rewrite, a hard link for a new name, which never
replaces a file), only inside the content folder, never through a symbolic
link.

The modules, one job each: names.py (the names of prepared photos),
plan.py (the plan as data), planning.py (making it), references.py
(finding and rewriting references), files.py (the guarded writes),
writing.py (carrying out the plan), report_lines.py (what is printed).
"""

from .planning import plan_photos
from .report_lines import Report
from .writing import write_plan


def prepare_all(settings) -> Report:
    """`invoke prepare-photos`: plan, then write."""
    return write_plan(plan_photos(settings))
