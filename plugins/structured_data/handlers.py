"""Signal receivers of the structured data plugin: JSON-LD on articles and the home page, the news sitemap."""


from pelican.generators import ArticlesGenerator

from site_assets.manifest import asset_path
from sitelib.content import all_articles

from . import jsonld, news_sitemap
from .write import write_news_sitemap_file

LOGO = "images/logo.png"


def publisher(settings) -> dict:
    site = settings["ABSOLUTE_SITEURL"]
    return jsonld.organization(settings["SITENAME"], f"{site}/", f"{site}/{asset_path(settings, LOGO)}")


def article_data(article, settings, publisher_data: dict) -> list[str]:
    site = settings["ABSOLUTE_SITEURL"]
    image = getattr(article, "share_image", None)
    news = jsonld.news_article(
        headline=article.plain_title,
        description=article.plain_summary,
        url=article.canonical_url,
        image_url=image.url if image else "",
        published=article.date_iso,
        modified=getattr(article, "modified_iso", article.date_iso),
        section=article.category.name,
        keywords=[tag.name for tag in getattr(article, "tags", ())],
        credit=", ".join(author.name for author in getattr(article, "authors", ())),
        reporting_office=getattr(article, "reporting_office", None),
        offices=getattr(article, "offices", ()),
        publisher=publisher_data,
        site_url=site,
    )
    trail = jsonld.breadcrumbs([
        ("Beranda", f"{site}/"),
        (article.category.name, f"{site}/{article.category.url}"),
        (article.plain_title, article.canonical_url),
    ])
    return [jsonld.script_json(news), jsonld.script_json(trail)]


def add_json_ld(generators) -> None:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            publisher_data = publisher(generator.settings)
            for article in all_articles(generator):
                article.json_ld = article_data(article, generator.settings, publisher_data)
            generator.context["site_json_ld"] = jsonld.script_json(publisher_data)


def write_news_sitemap(generator, writer) -> None:
    entries = [
        (article.canonical_url, article.plain_title, article.date_iso)
        for article in news_sitemap.recent(generator.articles)
    ]
    write_news_sitemap_file(generator.output_path, news_sitemap.news_sitemap(entries, generator.settings["SITENAME"]))
