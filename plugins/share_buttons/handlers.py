"""Signal receivers of the share plugin."""

from sitelib.content import content_by_generator

from . import networks, share_urls


def selected_networks(settings) -> list[networks.Network]:
    names = settings.get("SHARE_BUTTONS", networks.DEFAULT_SHARE_BUTTONS)
    return networks.select_networks(names, networks.load_registry())


def check_settings(pelican) -> None:
    """Fail before any content is read when SHARE_BUTTONS names an unknown network."""
    selected_networks(pelican.settings)


def add_share_buttons(generators) -> None:
    """The share bar's links on every article and page."""
    for generator, items in content_by_generator(generators):
        chosen = selected_networks(generator.settings)
        for content in items:
            content.share_buttons = share_urls.share_buttons(
                chosen, content.canonical_url, content.plain_title, content.plain_summary
            )
