"""Signal receiver of the sitemap dates plugin."""

from pelican.generators import ArticlesGenerator
from pelican.plugins.sitemap import sitemap

from .newest import newest_change


def pin_undated_lastmod(generators) -> None:
    """Before anything is written: undated pages get the newest published article's moment."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            moment = newest_change(generator.articles)
            if moment is not None:
                sitemap.generator.now = moment
