"""Per office and per residency, the published articles that concern it."""

from dataclasses import dataclass

from .registry import Office, Region, Registry


@dataclass
class Listing:
    """An office or a region with its published articles, newest first."""

    item: Office | Region
    articles: list

    @property
    def count(self) -> int:
        return len(self.articles)


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


def index_groups(registry: Registry, office_listings) -> list:
    """(region, its offices' listings) for the regions offices belong to directly, in registry order."""
    groups = []
    for region in registry.regions.values():
        members = [office_listings[o.code] for o in registry.offices.values() if o.region is region]
        if members:
            groups.append((region, members))
    return groups
