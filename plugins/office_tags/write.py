"""Writing /kantor/, each office's and region's page, and their Atom feeds."""

OFFICES_INDEX = "kantor/index.html"


def region_offices(region, office_listings) -> list[tuple]:
    """(office, whether it has news) for each office of `region`, in the registry's order: what a region's
    pages show of its offices (not their article lists, so a new article elsewhere leaves the pages as
    they are)."""
    return [(listing.item, bool(listing.count)) for listing in office_listings.values()
            if region.contains(listing.item.region)]


def write_pages(generator, writer) -> None:
    context = generator.context
    relative_urls = generator.settings["RELATIVE_URLS"]
    writer.write_file(
        OFFICES_INDEX, generator.get_template("offices"), context, relative_urls,
        template_name="offices", url="kantor/",
    )
    for kind, listings in (("office", context["office_listings"]), ("region", context["region_listings"])):
        template = generator.get_template(kind)
        for listing in listings.values():
            if not listing.articles:
                continue  # only offices and regions with news get pages
            item = listing.item
            extra = {"region_offices": region_offices(item, context["office_listings"])} if kind == "region" else {}
            writer.write_file(
                item.url + "index.html", template, context, relative_urls,
                paginated={"articles": listing.articles, "dates": listing.articles},
                template_name=kind, url=item.url, listing=listing, **{kind: item}, **extra,
            )
            writer.write_feed(
                listing.articles, context, item.feed_url,
                feed_title=getattr(item, "short_name", item.name),
            )
