"""Related news: other articles ranked by the offices and tags they share."""

import heapq
from collections import Counter, defaultdict

from sitelib.ordering import newest_first

RELATED_LIMIT = 4
# Candidates looked at per shared office or tag (the newest ones), so the
# cost stays bounded when an office has thousands of articles.
CANDIDATES_PER_KEY = 60


def related_keys(article) -> set:
    return {("office", office.code) for office in getattr(article, "offices", ())} | {
        ("tag", tag.slug) for tag in getattr(article, "tags", ())
    }


def index_by_key(articles) -> dict:
    """key -> articles having it, newest first (`articles` must be newest first)."""
    index = defaultdict(list)
    for article in articles:
        for key in related_keys(article):
            index[key].append(article)
    return index


def related_articles(article, index, limit=RELATED_LIMIT, per_key=CANDIDATES_PER_KEY) -> list:
    """Up to `limit` other articles, most shared offices and tags first, then in the site's article order."""
    scores: Counter = Counter()
    by_id = {}
    for key in related_keys(article):
        for candidate in index.get(key, ())[: per_key + 1]:
            if candidate is not article:
                scores[id(candidate)] += 1
                by_id[id(candidate)] = candidate
    # Ties in score go to the site's article order: newest first, then slug, then source file.
    best = heapq.nsmallest(limit, scores, key=lambda key: (-scores[key], newest_first(by_id[key])))
    return [by_id[key] for key in best]
