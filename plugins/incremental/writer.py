"""Pelican's writer, keeping the pages whose template would read the same values as last time.

Pelican's Writer renders a page (`template.render(context)`) and then opens the file and writes it; pages of
a paginated list are rendered one by one inside `write_file`. The template is wrapped so that each render is
first asked of the build's selection: a kept page is linked in from the previous build and its render and
write are skipped (`content_written` is still sent, so the sitemap lists it as before).
"""

import os

from pelican.writers import Writer

from sitelib.build_selection import selection_for

from .tracking import recording_reads


class _Kept(str):
    """What a kept page "renders" to: nothing is written for it."""


KEPT = _Kept()


class _Discard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text):
        if text is not KEPT:
            raise RuntimeError("a kept page was rendered anyway")


class _SelectiveTemplate:
    def __init__(self, template, selection):
        self._template = template
        self._selection = selection

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, context):
        name, template = context["output_file"], self._template.name
        values = dict(context)
        if self._selection.keep_page(name, template, values):
            return KEPT
        with recording_reads() as reads:
            text = self._template.render(context)
        self._selection.page_rendered(name, template, reads, values)
        return text


class SelectiveWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.selection = selection_for(settings)
        self.selection.wait_for_folders()  # everything is written from here on

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _SelectiveTemplate(template, self.selection), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        name = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
        if self.selection.was_linked(name):
            if filename in self._written_files:
                super()._open_w(filename, encoding, override)  # the duplicate check Pelican makes (raises)
            self._written_files.add(filename)
            return _Discard()
        return super()._open_w(filename, encoding, override)
