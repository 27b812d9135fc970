"""Signal receiver of the front page plugin."""

from .selection import category_latest, lead_article


def add_front_page(generator) -> None:
    generator.context["lead_article"] = lead_article(generator.articles)
    generator.context["category_latest"] = category_latest(generator.categories)
    generator.context["menu_categories"] = [category for category, _ in generator.categories]
