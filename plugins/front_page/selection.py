"""Choosing the front page's lead story and the latest news per category."""

LATEST_PER_CATEGORY = 3


def lead_article(articles):
    """The newest article that has a featured photo (articles come newest first), or None."""
    return next((article for article in articles if getattr(article, "featured_photo", None)), None)


def category_latest(categories, count: int = LATEST_PER_CATEGORY):
    """(category, its newest `count` articles) for every category, largest first."""
    ranked = sorted(categories, key=lambda pair: (-len(pair[1]), pair[0].name))
    return [(category, articles[:count]) for category, articles in ranked]

