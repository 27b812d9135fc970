"""Planning and writing the import of one office's WordPress export.

The export is untrusted (issue #16). Everything is planned in memory first,
post by post; a post that cannot be imported (a date that is not a real date,
a file that would land outside content/, HTML nested too deep to convert) is
reported with the reason and skipped, and the rest is imported. Every value
written is one line (single_line.py), every photo comes from inside the
uploads folder and goes inside content/images/OFFICE/ (photos.py), and a post
whose address another item has gets WordPress's -2, -3, … suffix
(wp_unique_post_slug). Photos are written as the photo standard wants them
(photos.py). Existing files are never overwritten: a post whose old
address is already in the content, or whose file is already there with
exactly the text we would write (drafts have no old address), was imported
before.
"""

import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rich.progress import track

from content_checks.addresses import Claim, reserved_folders
from content_checks.fields import known_fields
from content_checks.rules import slug_problem
from content_checks.source import parse_source
from old_addresses.old_uploads import OLD_UPLOADS_FOLDER, old_address_problem, read_old_uploads, toml_text
from office_tags.mentions import mentioned_offices
from office_tags.registry import Registry
from photos.standard import standard_for
from plain_text_metadata.reader import render_body
from sitelib.article_files import article_path, header_date
from sitelib.content_files import CONTENT_EXTENSION
from sitelib.text import plain_text

from .html_body import BodyReport, stored_path, to_markdown
from .photos import Missing, PhotoSource, Refused, Upload, UploadChanged, resolves_inside
from .post_metadata import (
    DRAFT_STATUSES, PUBLISHED_STATUSES, CategoryMap, credit, old_path, old_path_refusal, our_slug, plain_title, summary,
    wordpress_date,
)
from .single_line import one_line
from .upload_files import FileSource, UploadedFile
from .site_addresses import Addresses, own_claims
from .wxr import Export, Item

SKIPPED_TYPES = {"attachment": "lampiran", "revision": "revisi", "nav_menu_item": "menu"}
# slug-2 … slug-999: more posts wanting one slug is a broken export, not a site.
LAST_SLUG_NUMBER = 999
MAX_PAGE_DEPTH = 10  # parent pages named in a child page's slug, at most
NO_STATIC_OLD_PATH = "alamat /?p=… atau beranda tidak bisa dialihkan situs statis"


class ItemRefused(Exception):
    """A post that is not imported: the reason (counted in the report) and a detail, in Indonesian."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


@dataclass
class CategoryChoice:
    category: str  # ours
    tags: list[str]  # WordPress categories that become tags
    wordpress: list[str]  # the post's WordPress category names
    unmapped: list[str]

    @property
    def use(self) -> list[tuple[str, str]]:
        """(WordPress category, ours or "tag") for the report's category mapping."""
        return [(name, "tag" if name in self.tags else self.category) for name in self.wordpress]


@dataclass
class Featured:
    values: dict[str, str] = field(default_factory=dict)  # Image, Image_alt, Image_caption
    photos: dict[Path, Upload] = field(default_factory=dict)  # target -> what is written there
    missing: str = ""  # the photo's URL when it is not in the uploads folder
    refused: tuple[str, str] | None = None  # (URL, why) when its path is refused
    carried: tuple[str, str] | None = None  # (URL on the old site, the file below content/ now holding it)


@dataclass
class Post:
    """What a WordPress post becomes, before its slug suffix and file are chosen; the plan's steps fill it in."""

    item: Item
    kind: str = ""  # "article" or "page"
    title: str = ""
    values: dict[str, str] = field(default_factory=dict)  # our metadata; Slug is the one WordPress gave
    body: str = ""
    body_report: BodyReport = field(default_factory=BodyReport)
    plain_body: str = ""  # the body's text, where credits and offices are found
    date: datetime | None = None  # articles only
    modified: datetime | None = None
    old_path: str = ""
    no_old_path: str = ""  # why a published post has no Old_path
    photos: dict[Path, Upload] = field(default_factory=dict)  # target -> what is written there
    files: dict[Path, UploadedFile] = field(default_factory=dict)  # documents, videos, audio: target -> upload
    old_uploads: dict[str, str] = field(default_factory=dict)  # old upload address -> file below content/
    offices: list[str] = field(default_factory=list)
    categories: CategoryChoice | None = None
    featured: Featured = field(default_factory=Featured)


@dataclass
class PlannedFile:
    post: Post
    path: Path
    text: str
    slug: str
    claims: list[Claim]  # the files below the output it will write

    @property
    def title(self) -> str:
        return self.post.title

    @property
    def kind(self) -> str:
        return self.post.kind

    @property
    def draft(self) -> bool:
        return "Status" in self.post.values

    @property
    def offices(self) -> list[str]:
        return self.post.offices

    @property
    def body(self) -> BodyReport:
        return self.post.body_report

    @property
    def old_path(self) -> str:
        return self.post.old_path

    @property
    def renamed(self) -> bool:
        return self.slug != self.post.values["Slug"]


@dataclass
class Plan:
    files: list[PlannedFile] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_posts: list[tuple[str, str]] = field(default_factory=list)  # (title, reason)
    photo_conflicts: list[str] = field(default_factory=list)

    old_uploads_file: Path | None = None  # content/unggahan-lama/OFFICE.toml, when written
    kept_old_uploads: list[str] = field(default_factory=list)  # addresses that file had for another file already
    old_uploads_unwritten: bool = False  # that file exists but does not read as TOML: left as it is

    @property
    def old_uploads(self) -> dict[str, str]:  # old upload address -> file below content/
        found: dict[str, str] = {}
        for planned in self.files:
            for old, stored in planned.post.old_uploads.items():
                found.setdefault(old, stored)
        return found

    @property
    def photos(self) -> dict[Path, Upload]:  # target -> what is written there
        return {target: source for planned in self.files for target, source in planned.post.photos.items()}

    @property
    def copied_files(self) -> dict[Path, UploadedFile]:  # documents, videos, audio: target -> upload
        return {target: source for planned in self.files for target, source in planned.post.files.items()}

    @property
    def unmapped_categories(self) -> Counter:
        return Counter(name for f in self.files if f.post.categories for name in f.post.categories.unmapped)

    @property
    def category_use(self) -> Counter:  # (WordPress category, ours) -> posts
        return Counter(use for f in self.files if f.post.categories for use in f.post.categories.use)

    @property
    def missing_featured(self) -> list[tuple[str, str]]:
        return [(f.title, f.post.featured.missing) for f in self.files if f.post.featured.missing]

    @property
    def refused_featured(self) -> list[tuple[str, str, str]]:
        return [(f.title, *f.post.featured.refused) for f in self.files if f.post.featured.refused]

    @property
    def no_old_path(self) -> list[str]:
        return [f"{f.title} ({f.post.item.link}): {f.post.no_old_path}" for f in self.files if f.post.no_old_path]


def metadata_text(values: dict[str, str], body: str) -> str:
    """Our file: fields in data/metadata_fields.toml's order (the order `invoke new` writes), blank line, body.

    Every value is made one line here, whatever the caller passed: no value from the export can add a header line.
    """
    cleaned = {name: one_line(value) for name, value in values.items()}
    lines = [f"{spec.name}: {cleaned[spec.name]}" for spec in known_fields().values() if cleaned.get(spec.name)]
    return "\n".join(lines) + "\n\n" + body


def checked_date(value: str, field_name: str) -> datetime | None:
    """The date of a WordPress field, None when empty; ItemRefused when it is not a real date."""
    try:
        return wordpress_date(value)
    except ValueError:
        raise ItemRefused("tanggal tidak sah", f"{field_name} “{one_line(value)[:40]}”") from None


def check_type_and_status(item: Item) -> None:
    """ItemRefused for what is not a post or page we import (attachments, menus, trash, …)."""
    if item.post_type in SKIPPED_TYPES:
        raise ItemRefused(SKIPPED_TYPES[item.post_type])
    if item.post_type not in ("post", "page"):
        raise ItemRefused(f"jenis {item.post_type}")
    if item.status not in DRAFT_STATUSES | PUBLISHED_STATUSES:
        raise ItemRefused(f"status {item.status or 'kosong'}")


def tags_value(item: Item, extra_tags: list[str]) -> str:
    """The Tags field: the post's tags and the categories that became tags, one line each, no commas inside."""
    names = [name for domain, _, name in item.categories if domain == "post_tag"] + extra_tags
    cleaned = (one_line(name.replace(",", " ")) for name in names)
    return ", ".join(dict.fromkeys(name for name in cleaned if name))


def written_before(planned: PlannedFile) -> bool:
    """Whether the file is already there with exactly the text we would write."""
    try:
        return planned.path.is_file() and planned.path.read_bytes() == planned.text.encode("utf-8")
    except OSError:
        return False


class Importer:
    def __init__(self, export: Export, office: str, uploads: Path | None, settings, registry: Registry, categories: CategoryMap):
        self.export = export
        self.office = office
        self.settings = settings
        self.registry = registry
        self.categories = categories
        self.content = Path(settings["PATH"])
        self.photos = PhotoSource(export.uploads_urls, uploads, office, self.content, standard_for(settings))
        self.files = FileSource(self.photos)
        # The hosts whose addresses come here once the old domain points to this site (not WordPress.com's or a CDN's).
        self.own_hosts = {urlsplit(url).netloc.lower() for url in (export.site_url, export.blog_url) if url}
        self.attachments = export.attachments()
        self.now = datetime.now(timezone.utc)
        self.addresses = Addresses.of_content(settings, self.now)

    def plan(self, progress: bool = True) -> Plan:
        """Every item of the export, read from the file one at a time (wxr.Export.items); WxrError when the file
        no longer reads. Each planned post keeps its file's text but drops the HTML it came from (see `_release`)."""
        plan = Plan(old_uploads_file=self.content / OLD_UPLOADS_FOLDER / f"{self.office}.toml")
        count = self.export.count
        for item in track(self.export.items(), total=count, description="Membaca ekspor…", disable=not progress or count < 200):
            self.plan_item(item, plan)
        return plan

    def plan_item(self, item: Item, plan: Plan) -> None:
        """Plan the post's file, or report why it is skipped; the plan changes only for a post that is imported."""
        try:
            planned = self._placed(self._post(item))
        except ItemRefused as refused:
            return self._skip(plan, item, refused.reason, refused.detail)
        except Exception as error:  # noqa: BLE001 - one post the converters fail on must not stop the import
            return self._skip(plan, item, "galat tak terduga", f"{type(error).__name__}; laporkan ke pengembang")
        self.addresses.plan(planned.old_path, planned.path, planned.claims)
        self._plan_old_uploads(planned.post)
        plan.files.append(_release(planned))

    def _plan_old_uploads(self, post: Post) -> None:
        """The old upload addresses of the post's photos and files on the site's own domain: they keep working."""
        carried = [*post.body_report.carried, *([post.featured.carried] if post.featured.carried else [])]
        reserved = reserved_folders(self.settings)
        for url, stored in carried:
            parts = urlsplit(url)
            old = re.sub(r"/{2,}", "/", unquote(parts.path))
            if parts.netloc.lower() in self.own_hosts and not old_address_problem(old, reserved):
                post.old_uploads.setdefault(old, stored)

    def _skip(self, plan: Plan, item: Item, reason: str, detail: str = "") -> None:
        plan.skipped[reason] += 1
        if reason not in SKIPPED_TYPES.values():
            name = plain_title(item.title) or f"tulisan id {one_line(item.post_id)}"
            plan.skipped_posts.append((name, f"{reason}: {detail}" if detail else reason))

    def _post(self, item: Item) -> Post:
        """What the post becomes: the plan's steps, in order, each one job; the first refusal counts."""
        post = Post(item)
        for step in (
            self._check_type_and_status, self._read_title, self._read_dates, self._choose_old_address,
            self._convert_body, self._choose_slug, self._write_summary, self._mark_draft, self._import_body_photos,
        ):
            step(post)
        if post.kind == "article":  # pages have no date, category, credit, offices or featured photo
            for step in (
                self._write_dates, self._choose_categories_and_tags, self._choose_author, self._choose_offices,
                self._import_featured_photo,
            ):
                step(post)
        return post

    @staticmethod
    def _check_type_and_status(post: Post) -> None:
        check_type_and_status(post.item)
        post.kind = "article" if post.item.post_type == "post" else "page"

    @staticmethod
    def _read_title(post: Post) -> None:
        post.title = plain_title(post.item.title)
        if not post.title:
            raise ItemRefused("tanpa judul")
        post.values["Title"] = post.title

    @staticmethod
    def _read_dates(post: Post) -> None:
        """An article's date and modification date, both checked before any path is built from them."""
        if post.kind != "article":
            return
        item = post.item
        date, modified = checked_date(item.date, "wp:post_date"), checked_date(item.modified, "wp:post_modified")
        if date is None and modified is None:
            raise ItemRefused("tanpa tanggal")
        post.date, post.modified = date or modified, modified

    def _choose_old_address(self, post: Post) -> None:
        """Old_path, or why the published post has none; drafts have none."""
        post.old_path, post.no_old_path = self._old_address(post.item)
        post.values["Old_path"] = post.old_path

    def _old_address(self, item: Item) -> tuple[str, str]:
        if item.status not in PUBLISHED_STATUSES:
            return "", ""
        old = old_path(item.link, self.export.site_url)
        if old in self.addresses.planned_old_paths:
            raise ItemRefused("alamat lama sama dengan tulisan lain di ekspor ini", old)
        if old in self.addresses.old_paths:
            raise ItemRefused("sudah diimpor (alamat lama sama)")
        if not old:
            return "", NO_STATIC_OLD_PATH
        problem = old_path_refusal(old) or self.addresses.redirect_problem(old)
        return ("", problem) if problem else (old, "")

    def _convert_body(self, post: Post) -> None:
        try:
            post.body, post.body_report = to_markdown(post.item.content, self.photos, post.title, attachments=self.attachments,
                                                      post_id=post.item.post_id.strip(), files=self.files)
        except RecursionError:
            raise ItemRefused("isi terlalu bertingkat", "HTML bersarang terlalu dalam; salin isinya secara manual") from None
        post.plain_body = plain_text(render_body(post.body, self.settings))

    def _choose_slug(self, post: Post) -> None:
        """The slug WordPress gave, in our form (a taken one gets its -2, -3, … when the file is placed).
        A child page's slug is flat and carries its parents': "profil-struktur" for /profil/struktur/."""
        slug = our_slug(post.item.slug, post.title, self.settings, post.item.post_id)
        if not slug:
            raise ItemRefused("tanpa slug", "slug, judul dan ID tidak berisi huruf atau angka")
        if post.kind == "page":
            parents = self._parent_slugs(post.item.parent, post.item.post_id.strip())
            while parents and slug_problem("-".join([*parents, slug])):
                parents = parents[1:]  # too long for an address: the outermost parents are left out
            slug = "-".join([*parents, slug])
        post.values["Slug"] = slug

    def _parent_slugs(self, parent: str, own_id: str) -> list[str]:
        """The slugs of a page's parent pages in the export, outermost first (a loop or a missing parent ends it)."""
        found: list[str] = []
        seen: set[str] = {own_id}
        while parent and parent != "0" and parent in self.export.pages and parent not in seen and len(found) < MAX_PAGE_DEPTH:
            seen.add(parent)
            slug, parent = self.export.pages[parent]
            ours = our_slug(slug, "", self.settings)
            if ours:
                found.insert(0, ours)
        return found

    @staticmethod
    def _write_summary(post: Post) -> None:
        """The excerpt or the first sentence; for a post that is only a photo or a video, its title
        (every article needs a summary: `invoke check` refuses an empty one)."""
        post.values["Summary"] = summary(post.item.excerpt, post.plain_body) or post.title

    @staticmethod
    def _mark_draft(post: Post) -> None:
        if post.item.status in DRAFT_STATUSES:
            post.values["Status"] = "draft"

    def _import_body_photos(self, post: Post) -> None:
        post.photos.update(self.photos.copies(post.body_report.photo_files))
        post.files.update(post.body_report.files)

    @staticmethod
    def _write_dates(post: Post) -> None:
        post.values["Date"] = header_date(post.date)
        if post.modified and post.modified > post.date:
            post.values["Modified"] = header_date(post.modified)

    def _choose_categories_and_tags(self, post: Post) -> None:
        named = [(slug, one_line(name)) for domain, slug, name in post.item.categories if domain == "category"]
        named = [(slug, name) for slug, name in named if name]
        category, extra_tags, unmapped = self.categories.choose(named)
        post.categories = CategoryChoice(category, extra_tags, [name for _, name in named], unmapped)
        post.values["Category"] = category
        post.values["Tags"] = tags_value(post.item, extra_tags)

    def _choose_author(self, post: Post) -> None:
        """The credit at the end of the text, else the WordPress author's name or login, else "redaksi"."""
        item = post.item
        display_name = one_line(self.export.authors.get(item.author_login, ""))
        post.values["Author"] = credit(post.plain_body) or display_name or one_line(item.author_login) or "redaksi"

    def _choose_offices(self, post: Post) -> None:
        """The importing office, then every office the title or text names."""
        named = [office.code for office in mentioned_offices(f"{post.title}\n{post.plain_body}", self.registry)]
        post.offices = list(dict.fromkeys([self.office, *named]))
        post.values["Offices"] = ", ".join(post.offices)
        post.values["Reporting_office"] = self.office

    def _import_featured_photo(self, post: Post) -> None:
        post.featured = self._featured(post.item, post.title)
        post.values.update(post.featured.values)
        post.photos.update(post.featured.photos)

    def _featured(self, item: Item, title: str) -> Featured:
        attachment = self.attachments.get(item.meta.get("_thumbnail_id", ""))
        if attachment is None:
            return Featured()
        src = attachment.attachment_url
        found = self.photos.find(src)
        if isinstance(found, Refused):
            return Featured(refused=(src, found.reason))
        if isinstance(found, Missing):
            return Featured(missing=src)
        alt = one_line(attachment.meta.get("_wp_attachment_image_alt", "")) or plain_title(attachment.title) or f"Foto: {title}"
        reference = self.photos.reference(found.used)
        values = {"Image": reference, "Image_alt": alt, "Image_caption": plain_title(attachment.excerpt)}
        return Featured(values, self.photos.copies({found.used: found.source}), carried=(src, stored_path(reference)))

    def _placed(self, post: Post) -> PlannedFile:
        """The post's file at the first slug no other item has: WordPress's, then slug-2, slug-3, …"""
        wanted = post.values["Slug"]
        for number in range(1, LAST_SLUG_NUMBER + 1):
            planned = self._candidate(post, wanted if number == 1 else f"{wanted}-{number}")
            if written_before(planned):
                raise ItemRefused("sudah diimpor (berkas sama)")
            if not self.addresses.is_taken(planned.path, planned.claims):
                return planned
        raise ItemRefused("slug sudah dipakai terlalu banyak tulisan", wanted)

    def _candidate(self, post: Post, slug: str) -> PlannedFile:
        path = self._target(post, slug)
        values = {**post.values, "Slug": slug}
        text = metadata_text(values, post.body)
        source = parse_source(str(path), text)  # read back as check and build will read the file
        return PlannedFile(post, path, text, slug, own_claims(source, post.kind, self.settings, self.now))

    def _target(self, post: Post, slug: str) -> Path:
        """The file for the post with this slug; ItemRefused when it would resolve outside its content folder."""
        if post.kind == "article":
            folder = self.content / self.settings["ARTICLE_PATHS"][0]
            path = folder / article_path(self.office, post.date, slug)
        else:
            folder = self.content / self.settings["PAGE_PATHS"][0]
            path = folder / f"{slug}.{CONTENT_EXTENSION}"
        if not (resolves_inside(path, folder) and resolves_inside(path, self.content)):
            raise ItemRefused(f"berkas tujuan di luar folder {os.path.relpath(folder)}/", os.path.relpath(path))
        return path


def _release(planned: PlannedFile) -> PlannedFile:
    """The planned file without what only planning used: the post's HTML, excerpt and body text (its file's text
    holds the body). What the plan holds per post is then its file's text, its metadata and its report lines."""
    planned.post.item.content = planned.post.item.excerpt = ""
    planned.post.body = planned.post.plain_body = ""
    return planned


WRITE_FAILURES = {
    FileExistsError: "berkas dengan nama itu sudah ada", PermissionError: "tidak ada izin menulis",
    UploadChanged: "foto di folder uploads berubah selama impor; jalankan impor lagi",
}


def write(plan: Plan) -> list[Path]:
    """Write each planned file with its photos; never overwrite. A file that cannot be written is
    reported and skipped, and the photos copied for it are removed. Returns what was written."""
    written = []
    for planned in list(plan.files):
        try:
            written += _write_planned(planned, plan)
        except OSError as error:
            plan.files.remove(planned)
            plan.skipped["gagal ditulis"] += 1
            why = WRITE_FAILURES.get(type(error), f"galat sistem berkas nomor {error.errno}")
            plan.skipped_posts.append((planned.title, f"gagal ditulis: {why}: {os.path.relpath(planned.path)}"))
    return written + write_old_uploads(plan)


def write_old_uploads(plan: Plan) -> list[Path]:
    """Add the written posts' old upload addresses to content/unggahan-lama/OFFICE.toml (kept entries win)."""
    if not plan.old_uploads or plan.old_uploads_file is None:
        return []
    path = plan.old_uploads_file
    content = path.parent.parent
    entries, problems = read_old_uploads(content)
    if any(problem_path == path for problem_path, _ in problems):
        plan.old_uploads_unwritten = True  # a hand-edited file that no longer reads: never replaced
        return []
    existing = {entry.old_path: entry.stored for entry in entries if entry.source == path}
    # Every office's old domain points to this one site: an address another office's file has is theirs.
    elsewhere = {entry.old_path: entry.stored for entry in entries if entry.source != path}
    merged = dict(existing)
    for old, stored in plan.old_uploads.items():
        taken = existing.get(old) or elsewhere.get(old)
        if taken and taken != stored:
            plan.kept_old_uploads.append(old)
        elif not taken and (content / stored).is_file():
            merged[old] = stored
    if merged == existing or not resolves_inside(path, content):
        return []
    path.parent.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".baru", dir=path.parent)  # a new file
    with os.fdopen(handle, "w", encoding="utf-8") as written:
        written.write(toml_text(merged))
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)  # replaces a symlink itself, never what it points to
    return [path]


def _write_planned(planned: PlannedFile, plan: Plan) -> list[Path]:
    copied = []
    try:
        for target, source in [*planned.post.photos.items(), *planned.post.files.items()]:
            if _copy_photo(target, source, plan):
                copied.append(target)
        planned.path.parent.mkdir(parents=True, exist_ok=True)
        with open(planned.path, "x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
            handle.write(planned.text)
    except OSError:
        for target in copied:
            target.unlink(missing_ok=True)
        raise
    return copied + [planned.path]


def _copy_photo(target: Path, source: Upload | UploadedFile, plan: Plan) -> bool:
    """Write a photo (the upload, or its prepared photo) or a file unless a file is there already (a different one
    is reported). Whether it was written."""
    data = source.data()
    if os.path.lexists(target):
        if not target.is_file() or target.read_bytes() != data:
            plan.photo_conflicts.append(str(target))
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as copy:  # "x": never through a symlink put there
        try:
            copy.write(data)
        except OSError:
            target.unlink()  # ours, half written
            raise
    return True
