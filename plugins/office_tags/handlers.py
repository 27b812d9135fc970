"""Signal receivers of the office plugin: tags, listings, related news, office pages."""

import os
from dataclasses import replace

from sitelib.content import all_articles
from sitelib.errors import ContentError, metadata_line

from . import related, tagging, write
from .listings import index_groups, listings
from .registry import Registry
from .site_registry import registry_for


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


def write_pages(generator, writer) -> None:
    """/kantor/, each office's and residency's page and feed, once the articles are written."""
    write.write_pages(generator, writer)
