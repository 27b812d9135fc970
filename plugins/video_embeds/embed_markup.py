"""The HTML of an embed: a video's local placeholder, or a link card. Every value is escaped.

A video is a <figure class="video-embed">: a 16:9 box (9:16 for YouTube
Shorts) drawn by the stylesheet, holding a plain link to the video, so a
reader without JavaScript can still watch it. theme/static/js/video-embed.js
turns the link into a "Putar video: …" button and, once pressed, the button
into the iframe named by `data-video-player` (youtube-nocookie.com or
player.vimeo.com, the only frame hosts the Content-Security-Policy allows).
Nothing is requested from another host before that. A social post is a
link card: the network's name, the label and the address, with no script
and no image from the network.
"""

from html import escape

from .providers import Embed

PLAY_TEXT = "Putar video:"  # the button's text before the label (video-embed.js writes it)


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attribute(value: str) -> str:
    return escape(value, quote=True)


def _caption(caption: str) -> str:
    return f"<figcaption>{_text(caption)}</figcaption>" if caption else ""


def player_html(embed: Embed, label: str, caption: str = "") -> str:
    """A video's placeholder: no request to the provider until the reader presses play."""
    shape = " video-portrait" if embed.portrait else ""
    return (
        f'<figure class="video-embed video-{embed.provider.key}{shape}" data-video-player="{_attribute(embed.player_url)}"'
        f' data-video-title="{_attribute(label)}" data-video-play="{_attribute(PLAY_TEXT)}">'
        f'<div class="video-frame">'
        f'<a class="video-facade" href="{_attribute(embed.url)}">'
        f'<span class="video-play-icon" aria-hidden="true"></span>'
        f'<span class="video-facade-text"><span class="video-facade-action">Tonton di {_text(embed.provider.name)}:</span> '
        f'<span class="video-facade-label">{_text(label)}</span></span>'
        f"</a></div>{_caption(caption)}</figure>"
    )


def card_html(embed: Embed, label: str, caption: str = "") -> str:
    """A social post as a plain link card."""
    shown = embed.url.removeprefix("https://").removeprefix("www.")
    return (
        f'<figure class="embed-card embed-card-{embed.provider.key}">'
        f'<a class="embed-card-link" href="{_attribute(embed.url)}">'
        f'<span class="embed-card-provider">{_text(embed.provider.name)}</span>'
        f'<span class="embed-card-title">{_text(label)}</span>'
        f'<span class="embed-card-address">{_text(shown)}</span>'
        f"</a>{_caption(caption)}</figure>"
    )


def embed_html(embed: Embed, label: str = "", caption: str = "") -> str:
    """The markup for `embed`, labelled by the link text, else the caption, else the provider's default.
    The caption is shown under it unless it already is the label."""
    label = " ".join(label.split()) or " ".join(caption.split()) or embed.provider.default_label
    caption = " ".join(caption.split())
    shown_caption = caption if caption != label else ""
    render = player_html if embed.is_player else card_html
    return render(embed, label, shown_caption)
