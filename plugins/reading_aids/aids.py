"""Reading time and the neighbouring articles."""

import math

WORDS_PER_MINUTE = 200


def reading_minutes(text: str) -> int:
    """Minutes to read `text` at 200 words a minute, at least one."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


def link_neighbours(articles) -> None:
    """`newer_article` and `older_article` on each of `articles` (newest first)."""
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
