"""Reading time and the neighbouring articles."""

import math

WORDS_PER_MINUTE = 200
READING_TIME_TEXT = "{minutes} menit baca"


def reading_minutes(text: str) -> int:
    """Minutes to read `text` at 200 words a minute, at least one."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


def reading_time_text(text: str) -> str:
    """'3 menit baca'."""
    return READING_TIME_TEXT.format(minutes=reading_minutes(text))


def link_neighbours(articles) -> None:
    """`newer_article` and `older_article` on each of `articles` (newest first)."""
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
