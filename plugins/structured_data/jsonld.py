"""schema.org data as JSON-LD: NewsArticle, BreadcrumbList, Organization."""

import json


def script_json(data) -> str:
    """JSON that is safe inside <script type="application/ld+json">: no '<', '>' or '&' as such."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organization(name: str, url: str, logo_url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": name,
        "url": url,
        "logo": {"@type": "ImageObject", "url": logo_url, "width": 512, "height": 512},
    }


def government_organization(office, site_url: str) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": office.name,
        "alternateName": office.short_name,
        "url": f"{site_url}/{office.url}",
        "parentOrganization": {"@type": "GovernmentOrganization", "name": office.institution.name},
    }


def news_article(*, headline, description, url, image_url, published, modified, section, keywords,
                 credit, reporting_office, offices, publisher, site_url) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": headline,
        "description": description,
        "image": [image_url] if image_url else [],
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": "id",
        "articleSection": section,
        "keywords": keywords,
        "publisher": publisher,
        "author": [government_organization(reporting_office, site_url)] if reporting_office else [
            {"@type": "Organization", "name": publisher["name"], "url": publisher["url"]}
        ],
        "about": [government_organization(office, site_url) for office in offices],
    }
    if credit:
        data["creditText"] = credit
    return data


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    """(name, absolute URL) from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
