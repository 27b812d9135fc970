"""Pelican plugin: the share bar of every article and page.

Setting: SHARE_BUTTONS (network ids in order; see networks.toml). Each
article and page gets `share_buttons`, made from the plain title, summary
and canonical address the page_identity plugin gives it.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(signals.initialized, handlers.check_settings),
    Handler(
        signals.all_generators_finalized, handlers.add_share_buttons,
        provides=both("share_buttons"),
        needs=(*both("plain_title"), *both("plain_summary"), *both("canonical_url")),
    ),
)


def register():
    connect(HANDLERS)
