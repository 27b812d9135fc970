"""What the office plugin does with Pelican's articles: tags, listings, related news."""

import os
from dataclasses import dataclass, replace

from sitelib.content import all_articles
from sitelib.errors import ContentError, metadata_line

from . import related, tagging
from .registry import Office, Region, Registry, load_registry

DEFAULT_REGISTRY = "data/offices.toml"


@dataclass
class Listing:
    """An office or a region with its published articles, newest first."""

    item: Office | Region
    articles: list

    @property
    def count(self) -> int:
        return len(self.articles)


def registry_for(settings) -> Registry:
    return load_registry(settings.get("OFFICE_REGISTRY", DEFAULT_REGISTRY))


def check_registry(pelican) -> None:
    """Fail before any content is read when the registry is broken."""
    registry_for(pelican.settings)


def tag_article(article, registry: Registry) -> list:
    """Put the resolved offices on `article`; return the findings if any are wrong."""
    path = os.path.relpath(article.source_path)
    resolved, findings = tagging.resolve_offices(article.metadata, registry, path)
    article.office_tags = resolved.tags
    article.offices = resolved.offices
    article.host_office = resolved.host
    article.reporting_office = resolved.reporting
    return [replace(f, line=metadata_line(article.source_path, f.field)) for f in findings]


def listings(articles, registry: Registry):
    """Per office and per residency, the published articles that concern it."""
    offices = {code: Listing(office, []) for code, office in registry.offices.items()}
    # Residencies get pages; the province's would repeat the home page.
    regions = {code: Listing(region, []) for code, region in registry.regions.items() if region.parent}
    for article in articles:
        for office in article.offices:
            offices[office.code].articles.append(article)
        for listing in regions.values():
            if any(listing.item.contains(office.region) for office in article.offices):
                listing.articles.append(article)
    return offices, regions


def index_groups(registry: Registry, office_listings) -> list[tuple[Region, list[Listing]]]:
    """Offices grouped by the region they belong to directly, in registry order."""
    groups = []
    for region in registry.regions.values():
        members = [office_listings[o.code] for o in registry.offices.values() if o.region is region]
        if members:
            groups.append((region, members))
    return groups


def tag_all(generator) -> None:
    """Resolve every article's offices, stop on any error, then build listings and related news."""
    registry = registry_for(generator.settings)
    items = all_articles(generator)
    findings = [finding for article in items for finding in tag_article(article, registry)]
    if findings:
        raise ContentError(findings)

    office_listings, region_listings = listings(generator.articles, registry)
    generator.context["office_listings"] = office_listings
    generator.context["region_listings"] = region_listings
    generator.context["office_groups"] = index_groups(registry, office_listings)

    index = related.index_by_key(generator.articles)
    for article in items:
        article.related_articles = related.related_articles(article, index)
