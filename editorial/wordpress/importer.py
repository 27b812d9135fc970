"""Planning and writing the import of one office's WordPress export.

Everything is planned in memory first; files are written only when the whole
export has been read. Existing files are never overwritten: a post whose old
address or new address is already in the content is skipped.
"""

import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import markdown
from rich.progress import track

from content_checks.fields import known_fields
from content_checks.rules import content_url
from content_checks.scan import source_files
from content_checks.source import MetaValue, SourceFile, read_source
from office_tags.mentions import mentioned_offices
from office_tags.registry import Registry
from sitelib.text import plain_text

from .html_body import BodyReport, PhotoSource, to_markdown
from .post_metadata import DRAFT_STATUSES, PUBLISHED_STATUSES, CategoryMap, credit, old_path, our_slug, plain_title, summary
from .wxr import Export, Item

SKIPPED_TYPES = {"attachment": "lampiran", "revision": "revisi", "nav_menu_item": "menu"}


@dataclass
class PlannedFile:
    path: Path
    text: str
    title: str
    kind: str  # "article" or "page"
    draft: bool
    offices: list[str]
    body: BodyReport
    old_path: str
    category: str
    wordpress_categories: list[str]


@dataclass
class Plan:
    files: list[PlannedFile] = field(default_factory=list)
    photos: dict[Path, Path] = field(default_factory=dict)  # target -> source
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_posts: list[tuple[str, str]] = field(default_factory=list)  # (title, reason)
    unmapped_categories: Counter = field(default_factory=Counter)
    category_use: Counter = field(default_factory=Counter)  # (WordPress category, ours) -> posts
    missing_featured: list[tuple[str, str]] = field(default_factory=list)
    no_old_path: list[str] = field(default_factory=list)
    photo_conflicts: list[str] = field(default_factory=list)


def metadata_text(values: dict[str, str], body: str) -> str:
    """Our file: fields in data/metadata_fields.toml's order (the order `invoke new` writes), blank line, body."""
    lines = [f"{field.name}: {values[field.name]}" for field in known_fields().values() if values.get(field.name)]
    return "\n".join(lines) + "\n\n" + body


def wib_minutes(value: str) -> str:
    """'2021-06-15 14:00:00' -> '2021-06-15 14:00'; '' for WordPress's empty date."""
    return "" if not value or value.startswith("0000") else value[:16]


class Importer:
    def __init__(self, export: Export, office: str, uploads: Path | None, settings, registry: Registry, categories: CategoryMap):
        self.export = export
        self.office = office
        self.settings = settings
        self.registry = registry
        self.categories = categories
        self.content = Path(settings["PATH"])
        self.photos = PhotoSource(sorted({export.uploads_url, f"{export.blog_url}/wp-content/uploads/"}), uploads, office)
        self.attachments = export.attachments()
        self.now = datetime.now(timezone.utc)
        self.known_old_paths, self.known_urls = self._existing()

    def _existing(self) -> tuple[dict[str, str], dict[str, str]]:
        """Old addresses and new addresses of the content already there."""
        old_paths, urls = {}, {}
        for path, kind in source_files(self.settings):
            source = read_source(path, str(path))
            if not isinstance(source, SourceFile):
                continue
            if source.value("old_path"):
                old_paths[source.value("old_path")] = str(path)
            url = content_url(source, kind, self.settings, self.now)
            if url:
                urls[url] = str(path)
        return old_paths, urls

    def _skip(self, plan: Plan, item: Item, reason: str) -> None:
        plan.skipped[reason] += 1
        if reason not in SKIPPED_TYPES.values():
            plan.skipped_posts.append((plain_title(item.title) or item.post_id, reason))

    def _featured(self, item: Item, plan: Plan, title: str) -> dict[str, str]:
        attachment = self.attachments.get(item.meta.get("_thumbnail_id", ""))
        if attachment is None:
            return {}
        uploads_path = self.photos.uploads_path(attachment.attachment_url)
        found = self.photos.local_file(uploads_path) if uploads_path else None
        if found is None:
            plan.missing_featured.append((title, attachment.attachment_url))
            return {}
        source, used = found
        plan.photos[self.content / "images" / self.office / used] = source
        alt = attachment.meta.get("_wp_attachment_image_alt", "").strip() or plain_title(attachment.title) or f"Foto: {title}"
        caption = plain_title(attachment.excerpt)
        return {"Image": self.photos.reference(used), "Image_alt": alt, "Image_caption": caption}

    def plan_item(self, item: Item, plan: Plan) -> None:
        if item.post_type in SKIPPED_TYPES:
            return self._skip(plan, item, SKIPPED_TYPES[item.post_type])
        if item.post_type not in ("post", "page"):
            return self._skip(plan, item, f"jenis {item.post_type}")
        if item.status not in DRAFT_STATUSES | PUBLISHED_STATUSES:
            return self._skip(plan, item, f"status {item.status or 'kosong'}")
        title = plain_title(item.title)
        if not title:
            return self._skip(plan, item, "tanpa judul")
        kind = "article" if item.post_type == "post" else "page"
        old = old_path(item.link, self.export.site_url) if item.status in PUBLISHED_STATUSES else ""
        if old in self.known_old_paths:
            return self._skip(plan, item, "sudah diimpor (alamat lama sama)")
        body, body_report = to_markdown(item.content, self.photos, title)
        for used in body_report.photos:
            plan.photos[self.content / "images" / self.office / used] = self.photos.local_file(used)[0]
        slug = our_slug(item.slug, title, self.settings["SLUG_REGEX_SUBSTITUTIONS"])
        plain_body = plain_text(body_to_html(body))
        values = {"Title": title, "Slug": slug, "Summary": summary(item.excerpt, plain_body)}
        if item.status in DRAFT_STATUSES:
            values["Status"] = "draft"
        if old:
            values["Old_path"] = old
        elif item.status in PUBLISHED_STATUSES:
            plan.no_old_path.append(f"{title} ({item.link})")
        offices, category, wordpress_categories = [], "", []
        if kind == "article":
            date = wib_minutes(item.date) or wib_minutes(item.modified)
            if not date:
                return self._skip(plan, item, "tanpa tanggal")
            values["Date"] = date
            modified = wib_minutes(item.modified)
            if modified and modified > date:
                values["Modified"] = modified
            categories = [(slug_, name) for domain, slug_, name in item.categories if domain == "category"]
            category, extra_tags, unmapped = self.categories.choose(categories)
            wordpress_categories = [name for _, name in categories]
            for name in unmapped:
                plan.unmapped_categories[name] += 1
            for name in wordpress_categories:
                plan.category_use[(name, category if name not in extra_tags else "tag")] += 1
            tags = [name for domain, _, name in item.categories if domain == "post_tag"] + extra_tags
            values["Category"] = category
            values["Tags"] = ", ".join(dict.fromkeys(tag.replace(",", " ") for tag in tags))
            values["Author"] = credit(plain_body) or self.export.authors.get(item.author_login, "") or item.author_login or "redaksi"
            named = [office.code for office in mentioned_offices(f"{title}\n{plain_body}", self.registry)]
            offices = list(dict.fromkeys([self.office, *named]))
            values["Offices"] = ", ".join(offices)
            values["Reporting_office"] = self.office
            values.update(self._featured(item, plan, title))
            target = self.content / self.settings["ARTICLE_PATHS"][0] / date[:4] / f"{date[:10]}-{slug}.md"
        else:
            target = self.content / self.settings["PAGE_PATHS"][0] / f"{slug}.md"
        file_text = metadata_text(values, body)
        url = content_url(SourceFile(str(target), file_text, _meta(values), body), kind, self.settings, self.now)
        if target.exists() or (url and url in self.known_urls):
            return self._skip(plan, item, "sudah ada (alamat baru sama)")
        if url:
            self.known_urls[url] = str(target)
        if old:
            self.known_old_paths[old] = str(target)
        plan.files.append(PlannedFile(target, file_text, title, kind, "Status" in values, offices, body_report, old,
                                      category, wordpress_categories))

    def plan(self, progress: bool = True) -> Plan:
        plan = Plan()
        items = self.export.items
        for item in track(items, description="Membaca ekspor…", disable=not progress or len(items) < 200):
            self.plan_item(item, plan)
        return plan


def _meta(values: dict[str, str]) -> dict[str, MetaValue]:
    return {key.lower(): MetaValue(key, value, 0) for key, value in values.items()}


def body_to_html(markdown_body: str) -> str:
    """The body as Pelican will render it (for the text the offices and credit are found in)."""
    return markdown.markdown(markdown_body, extensions=["markdown.extensions.extra"], output_format="html5")


def write(plan: Plan) -> list[Path]:
    """Write the planned files and copy the photos; never overwrite. Returns what was written."""
    written = []
    for target, source in plan.photos.items():
        if target.exists():
            if target.read_bytes() != Path(source).read_bytes():
                plan.photo_conflicts.append(str(target))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    for planned in plan.files:
        planned.path.parent.mkdir(parents=True, exist_ok=True)
        with open(planned.path, "x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
            handle.write(planned.text)
        written.append(planned.path)
    return written
