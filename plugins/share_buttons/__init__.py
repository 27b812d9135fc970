"""Pelican plugin: the share bar and the link-preview data of every article and page.

Settings: SHARE_BUTTONS (network ids in order; see networks.toml),
SHARE_CARD_IMAGES (draw preview cards for articles, default True).
Each article and page gets `plain_title`, `plain_summary`, `canonical_url`
and `share_buttons`; articles also get `share_image` (the og:image).
"""

from pelican import signals

from . import enrich


def register():
    signals.initialized.connect(enrich.check_settings)
    signals.all_generators_finalized.connect(enrich.enrich_all)
    signals.article_writer_finalized.connect(enrich.write_cards)
