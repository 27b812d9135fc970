"""Which articles each page of a list holds, when pages are numbered from the oldest article.

A list of N articles, newest first, P to a page. Its front page (the list's
own address) shows the newest P. Its archive pages `halaman/1/`,
`halaman/2/`, … hold fixed blocks counted from the oldest article: page 1
the first P articles ever, page 2 the next P, and so on; the last page (K)
holds what is left, 1 to P articles. A new article changes the front page
and page K only (and page K−1's link to a new page K when K was full), so a
deploy after one article touches a few pages of each list instead of every
page of it. Positions are indexes into the newest-first list.
"""

from math import ceil


def archive_count(count: int, per_page: int) -> int:
    """K: the number of archive pages; none while the front page holds every article."""
    return 0 if count <= per_page else ceil(count / per_page)


def archive_slice(count: int, per_page: int, number: int) -> slice:
    """The newest-first positions of archive page `number` (1 = the oldest articles)."""
    return slice(max(0, count - number * per_page), count - (number - 1) * per_page)


def archive_of(count: int, per_page: int, position: int) -> int:
    """The archive page holding the article at newest-first `position`."""
    return (count - 1 - position) // per_page + 1


def front_older_archive(count: int, per_page: int) -> int | None:
    """Where the front page's "older" link goes: the archive page of the newest article the front does not show."""
    return archive_of(count, per_page, per_page) if count > per_page else None
