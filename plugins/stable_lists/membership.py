"""Lists of a category's, tag's or author's articles that answer `in` at once.

Pelican writes each category, tag and author page with
`dates = [article for article in self.dates if article in articles]`: a walk
of the whole list for every article of the site, per list. At 50,000 articles
a category of 20,000 is a billion comparisons, minutes of a publish that
renders tens of pages. An article equals only itself (Pelican's contents
define no equality), so the same answer comes from a set of identities.
"""


class MemberList(list):
    """A list of articles, `in` by identity from a set; not to be changed after it is made."""

    def __init__(self, articles=()):
        super().__init__(articles)
        self._members = frozenset(map(id, self))

    def __contains__(self, item) -> bool:
        return id(item) in self._members

    def _unchangeable(self, *args, **kwargs):
        raise TypeError("MemberList tidak boleh diubah setelah dibuat (plugins/stable_lists/membership.py).")

    append = extend = insert = remove = pop = clear = sort = reverse = _unchangeable
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _unchangeable

    def __reduce__(self):
        return MemberList, (list(self),)


def with_fast_membership(generator) -> None:
    """Each category's, tag's and author's list of articles as a MemberList: the tag dict and the category and
    author lists changed in place, the lists Pelican walks when it writes their pages. (The context's `tags` is
    a list of pairs Pelican made before: it keeps plain lists, which templates only iterate.)"""
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = MemberList(articles)
    for listing in (generator.categories, generator.authors):
        listing[:] = [(name, MemberList(articles)) for name, articles in listing]
