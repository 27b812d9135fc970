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
from collections import defaultdict

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
    """key -> the articles having it in the site's order (newest first) with their sort keys, and each
    article's place in that order."""

    def __init__(self, articles):
        self.lists = defaultdict(list)
        self.orders = defaultdict(list)
        self.rank = {}  # id -> place in the site's order (0 = newest)
        for article in sorted(articles, key=newest_first):
            self.rank[id(article)] = len(self.rank)
            for key in related_keys(article):
                self.lists[key].append(article)
                self.orders[key].append(newest_first(article))

    def around(self, article, key, per_key: int) -> tuple[list, list]:
        """The articles with `key` published before `article` (nearest first) and after it (nearest first).
        `article` itself need not be listed (a draft previewed beside the published articles)."""
        listed = self.lists.get(key, [])
        position = bisect.bisect_left(self.orders.get(key, []), newest_first(article))
        start = position + 1 if position < len(listed) and listed[position] is article else position
        return listed[start:start + per_key], listed[max(0, position - per_key):position][::-1]


def index_by_key(articles) -> KeyIndex:
    return KeyIndex(articles)


def related_articles(article, index: KeyIndex, limit=RELATED_LIMIT, per_key=CANDIDATES_PER_KEY) -> list:
    """Up to `limit` other articles: earlier ones by most shared offices and tags, then nearest in time;
    later ones sharing any office or tag, nearest first, only to fill the block (by nearness alone, so a new
    article, always the farthest, never takes a place)."""
    before, after, by_id = {}, {}, {}
    for key in related_keys(article):
        for scores, candidates in zip((before, after), index.around(article, key, per_key)):
            for candidate in candidates:
                scores[id(candidate)] = scores.get(id(candidate), 0) + 1
                by_id[id(candidate)] = candidate
    # Nearest in time: among earlier articles the newest, among later ones the oldest.
    chosen = heapq.nsmallest(limit, before, key=lambda key: (-before[key], index.rank[key]))
    chosen += heapq.nsmallest(limit - len(chosen), after, key=lambda key: -index.rank[key])
    return [by_id[key] for key in chosen]
