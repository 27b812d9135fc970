"""Pelican plugin: videos and social posts from an address alone on its line (issue #19).

A paragraph that is only the address of a YouTube (watch, youtu.be,
shorts, embed, live) or Vimeo video becomes a privacy-first placeholder:
a local 16:9 box with a play button and a label (the link text, else the
link's title, else "Video YouTube"/"Video Vimeo"), and a plain link to the
video for readers without JavaScript. Nothing is requested from another
host until the reader presses play; then theme/static/js/video-embed.js puts
in the iframe from www.youtube-nocookie.com or player.vimeo.com, the only
frame hosts CONTENT_SECURITY_POLICY allows. Facebook, Instagram, X/Twitter,
TikTok and WordPress.tv addresses become link cards, with no script or
image from those networks. Runs right after content_checks sanitised the
body, so its markup (data attributes) is ours alone: any an editor wrote
was removed by the sanitiser.
"""

from pelican import signals

from sitelib.plugin_contracts import Handler, both, connect

from . import handlers

HANDLERS = (
    Handler(
        signals.content_object_init, handlers.add_embeds,
        provides=(*both("body"), *both("video_players")), needs=both("safe_body"),
    ),
)


def register():
    connect(HANDLERS)
