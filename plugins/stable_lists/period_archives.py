"""Monthly (and yearly, daily) archive lists made in one pass over the articles.

Pelican makes each period archive with `[a for a in articles if a in dates]`: a walk of the whole site for
every month, each step a search of that month's list. At 50,000 articles over ten years that is a scan of
every article for each of 120 months (about 25 seconds of every build, rendered pages or not). Here Pelican
makes the archives with no articles to filter, then one pass over the articles puts each into the archive its
date falls in: the same lists in the same order (an article equals only itself: Pelican's contents define no
equality).
"""

from pelican.generators import ArticlesGenerator


def period_archives(generator, sorted_articles, articles, settings) -> dict:
    """What `ArticlesGenerator._build_period_archives` returns, made without its quadratic membership test."""
    archives = ArticlesGenerator._build_period_archives(generator, sorted_articles, [], settings)
    for granularity in archives.values():
        listings_of = {}  # an article's id -> the lists of the archives whose dates hold it (one, from Pelican)
        for archive in granularity:
            for article in archive["dates"]:
                listings = listings_of.setdefault(id(article), [])
                if not listings or listings[-1] is not archive["articles"]:
                    listings.append(archive["articles"])
        for article in articles:
            for listing in listings_of.get(id(article), ()):
                listing.append(article)
    return archives


def use_fast_period_archives(generator) -> None:
    """This generator builds its period archives with `period_archives` (an attribute of the instance: Pelican's
    class is left as it is)."""
    generator._build_period_archives = lambda sorted_articles, articles, settings: period_archives(
        generator, sorted_articles, articles, settings)
