"""Related news: other articles ranked by the offices and tags they share, earlier news first.

The candidates are the articles published nearest before the article, per
office and tag it has; only when those give fewer than the limit do the
nearest ones after it fill the block. A new article is always the newest,
so it never enters an older article's block once that block is full: the
block of an article stays as it is while the site grows (a deploy after one
new article does not rewrite thousands of article pages).
"""

import bisect
import heapq
from collections import Counter, defaultdict

from sitelib.ordering import newest_first

RELATED_LIMIT = 4
# Candidates looked at per shared office or tag on each side of the article,
# so the cost stays bounded when an office has thousands of articles.
CANDIDATES_PER_KEY = 60


def related_keys(article) -> set:
    return {("office", office.code) for office in getattr(article, "offices", ())} | {
        ("tag", tag.slug) for tag in getattr(article, "tags", ())
    }


class KeyIndex:
    """key -> the places (in the site's order, newest first: 0 = newest) of the articles having it, and the
    articles by place."""

    def __init__(self, articles):
        self.articles = sorted(articles, key=newest_first)
        self.places = defaultdict(list)
        self.orders = defaultdict(list)
        for place, article in enumerate(self.articles):
            order = newest_first(article)
            for key in related_keys(article):
                self.places[key].append(place)
                self.orders[key].append(order)

    def around_all(self, article, keys, per_key: int) -> list[tuple[list[int], list[int]]]:
        """For each of `keys`: the places of the articles with it published before `article` (nearest first)
        and after it (nearest first). `article` itself need not be listed (a draft previewed beside the
        published articles)."""
        order = newest_first(article)
        return [self._around(article, key, order, per_key) for key in keys]

    def _around(self, article, key, order: tuple, per_key: int) -> tuple[list[int], list[int]]:
        places = self.places.get(key, [])
        position = bisect.bisect_left(self.orders.get(key, []), order)
        start = position + 1 if position < len(places) and self.articles[places[position]] is article else position
        return places[start:start + per_key], places[max(0, position - per_key):position][::-1]


def index_by_key(articles) -> KeyIndex:
    return KeyIndex(articles)


def related_articles(article, index: KeyIndex, limit=RELATED_LIMIT, per_key=CANDIDATES_PER_KEY) -> list:
    """Up to `limit` other articles: earlier ones by most shared offices and tags, then nearest in time;
    later ones sharing any office or tag, nearest first, only to fill the block (by nearness alone, so a new
    article, always the farthest, never takes a place)."""
    around = index.around_all(article, related_keys(article), per_key)
    before = Counter(place for earlier, _ in around for place in earlier)
    # Nearest in time: among earlier articles the newest (the smallest place), among later ones the oldest.
    chosen = heapq.nsmallest(limit, before, key=lambda place: (-before[place], place))
    if len(chosen) < limit:
        after = {place for _, later in around for place in later}
        chosen += heapq.nsmallest(limit - len(chosen), after, key=lambda place: -place)
    return [index.articles[place] for place in chosen]
