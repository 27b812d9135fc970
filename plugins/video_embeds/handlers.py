"""Signal receivers of the video_embeds plugin."""

from pelican.contents import Article, Page

from .embed_paragraphs import embed_body


def add_embeds(content) -> None:
    """Turn the lone video and social addresses of a sanitised body into placeholders and link cards;
    `video_players` lists the videos, so only their pages load the player script."""
    if not isinstance(content, (Article, Page)) or not getattr(content, "source_path", None):
        return  # static files have no body
    content._content, embeds = embed_body(content._content)
    content.video_players = tuple(embed for embed in embeds if embed.is_player)
