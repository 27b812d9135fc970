"""Which template variables a render reads.

Jinja looks up every name a template uses in its context through `Context.resolve_or_missing` (also in
included and parent templates, which get a context of the same class). Recording those names while a page
renders gives exactly the variables that page depends on, whatever path through `{% if %}` it took: the
front page reads the office list, its archive pages do not, although both come from index.html.
Names in capitals are settings, part of the build's fingerprint, and are not recorded.
"""

from contextlib import contextmanager

from jinja2.runtime import Context

_recording: list[set[str]] = []


class ReadTrackingContext(Context):
    def resolve_or_missing(self, key):
        if _recording and not key.isupper():
            _recording[-1].add(key)
        return super().resolve_or_missing(key)


@contextmanager
def recording_reads():
    """Collect the names templates read inside the `with` block into the set it gives."""
    reads: set[str] = set()
    _recording.append(reads)
    try:
        yield reads
    finally:
        _recording.pop()
