"""Writing /kantor/, each office's and region's page, and their Atom feeds."""

OFFICES_INDEX = "kantor/index.html"


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
            writer.write_file(
                item.url + "index.html", template, context, relative_urls,
                paginated={"articles": listing.articles, "dates": listing.articles},
                template_name=kind, url=item.url, listing=listing, **{kind: item},
            )
            writer.write_feed(
                listing.articles, context, item.feed_url,
                feed_title=getattr(item, "short_name", item.name),
            )
