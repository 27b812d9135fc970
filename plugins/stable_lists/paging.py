"""Pelican's Paginator and Page with pages numbered from the oldest article (see blocks.py).

Pelican's writer makes one Paginator per paginated list and writes pages
1 … num_pages in turn. Here page 1 is the front page and pages 2 … K+1 are
the archive pages K … 1 (newest block first); each page knows its archive
number (`archive`, None on the front page) and its neighbours for the
templates: `newer` (towards the front page) and `older`.
"""

from pelican.paginator import Page, Paginator

from .blocks import archive_count, archive_slice, front_older_archive


class StablePaginator(Paginator):
    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0  # fixed blocks: a short last block is a page of its own

    @property
    def archive_pages(self) -> int:
        return archive_count(self.count, self.per_page)

    @property
    def num_pages(self) -> int:
        return 1 + self.archive_pages

    def page(self, number: int) -> "StablePage":
        """Page `number` in Pelican's writing order: 1 the front page, then the archive pages newest first."""
        if number == 1:
            return StablePage(self.name, self.url, self.object_list[:self.per_page], 1, self, self.settings, None)
        archive = self.archive_pages - (number - 2)
        items = self.object_list[archive_slice(self.count, self.per_page, archive)]
        return StablePage(self.name, self.url, items, number, self, self.settings, archive)

    def archive_page(self, archive: int) -> "StablePage":
        return self.page(self.archive_pages - archive + 2)


class StablePage(Page):
    def __init__(self, name, url, object_list, number, paginator, settings, archive):
        super().__init__(name, url, object_list, number, paginator, settings)
        self.archive = archive

    @property
    def newer(self) -> "StablePage | None":
        if self.archive is None:
            return None
        if self.archive == self.paginator.archive_pages:
            return self.paginator.page(1)
        return self.paginator.archive_page(self.archive + 1)

    @property
    def older(self) -> "StablePage | None":
        if self.archive is None:
            target = front_older_archive(self.paginator.count, self.paginator.per_page)
        else:
            target = self.archive - 1 or None
        return self.paginator.archive_page(target) if target else None

    def _from_settings(self, key):
        """The front page at the list's address; archive page k at the pattern for pages from 2, with k."""
        if self.archive is None:
            return super()._from_settings(key)
        rules = [rule for rule in self.settings["PAGINATION_PATTERNS"] if rule.min_page > 1]
        value = getattr(rules[-1], key).format(
            save_as=self.full_name, url=self.base_url, name=self.name, base_name=self.base_name,
            extension=self.extension, number=self.archive,
        )
        return value[1:] if value.startswith("/") else value

    def __digest__(self) -> tuple:
        """What a template can show of this page (sitelib/value_digest.py): its place, its articles and its
        neighbours' addresses; not the paginator, whose list holds every article of the list, nor Pelican's
        page number, which counts the archive pages from the newest."""
        newer, older = self.newer, self.older
        return (self.name, self.archive, self.url, self.save_as, self.object_list,
                newer.url if newer else None, older.url if older else None)

    url = property(lambda self: self._from_settings("URL"))
    save_as = property(lambda self: self._from_settings("SAVE_AS"))
