"""Which addresses are videos or social posts, and what each becomes: the provider table.

An address counts only when it is http(s), carries no user, password or
port, is written with URL characters only, its host is exactly one of the
provider's hosts (youtube.com.evil.test is not youtube.com) and its path
matches one of the provider's routes in full. A player's ID must also match
the provider's ID pattern: only such IDs are ever put into an iframe
address. YouTube and Vimeo become players (a local placeholder, the iframe
only once the reader presses play); the others become link cards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

PLAYER = "player"
CARD = "card"

# RFC 3986 characters only (and %XX escapes): no quotes, spaces, angle brackets or braces.
URL_CHARACTERS = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=:@/?#-]|%[0-9A-Fa-f]{2})+")
DURATION = re.compile(r"(?:(?P<h>\d{1,2})h)?(?:(?P<m>\d{1,4})m)?(?:(?P<s>\d{1,6})s?)?")


@dataclass(frozen=True)
class Route:
    """One shape of a provider's addresses: its path (matched in full) and where the ID is."""

    path: re.Pattern
    id_parameter: str = ""  # the ID is this query parameter (YouTube's /watch?v=), not the path's group "id"
    portrait: bool = False  # YouTube Shorts are 9:16


@dataclass(frozen=True)
class Embed:
    """A recognised address: its provider, the link readers follow, and a player's validated ID."""

    provider: Provider
    url: str  # where the link goes: the item on the provider's own site (https)
    video_id: str = ""
    player_url: str = ""  # the iframe address (players only), built from the validated ID
    portrait: bool = False

    @property
    def is_player(self) -> bool:
        return self.provider.kind == PLAYER


@dataclass(frozen=True, repr=False)
class Provider:
    key: str  # class names: "youtube"
    name: str  # shown to readers: "YouTube"
    kind: str  # PLAYER or CARD
    hosts: frozenset[str]
    routes: tuple[Route, ...]
    default_label: str  # when the editor gave no link text or caption
    id_pattern: re.Pattern | None = None  # players: what an ID may be
    # players: (path match, query parameters, fragment, ID) -> (link for readers, iframe address),
    # or None to refuse the address
    addresses: Callable[[re.Match, dict[str, list[str]], str, str], tuple[str, str] | None] | None = None

    def __repr__(self) -> str:
        return f"Provider({self.key!r})"

    def recognise(self, host: str, path: str, query: str, fragment: str) -> Embed | None:
        parameters = parse_qs(query, keep_blank_values=True)
        for route in self.routes:
            match = route.path.fullmatch(path)
            if not match:
                continue
            if self.kind == CARD:
                return Embed(self, f"https://{host}{path}" + (f"?{query}" if query else ""))
            if route.id_parameter:
                values = parameters.get(route.id_parameter, [])
                video_id = values[0] if len(values) == 1 else ""
            else:
                video_id = match.group("id")
            if not self.id_pattern.fullmatch(video_id):
                return None
            found = self.addresses(match, parameters, fragment, video_id)
            if found is None:
                return None
            link, player = found
            return Embed(self, link, video_id, player, route.portrait)
        return None


def seconds(value: str) -> int | None:
    """A start time as YouTube and Vimeo write it: "90", "90s", "1m30s", "1h2m3s"; None if it is not one."""
    match = DURATION.fullmatch(value) if value else None
    if not match or not any(match.groups()):
        return None
    hours, minutes, secs = (int(match.group(part) or 0) for part in "hms")
    return hours * 3600 + minutes * 60 + secs


def _start(parameters: dict[str, list[str]], names: tuple[str, ...]) -> int:
    for name in names:
        for value in parameters.get(name, []):
            found = seconds(value)
            if found:
                return found
    return 0


def youtube_addresses(match, parameters, fragment, video_id):
    start = _start(parameters, ("t", "start"))
    link = f"https://www.youtube.com/watch?v={video_id}" + (f"&t={start}s" if start else "")
    player = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1" + (f"&start={start}" if start else "")
    return link, player


VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")


def vimeo_addresses(match, parameters, fragment, video_id):
    """Unlisted videos carry a hash (vimeo.com/ID/HASH, player.vimeo.com/video/ID?h=HASH)."""
    hashes = [match.groupdict().get("hash") or ""] + parameters.get("h", [])
    secret = next((value for value in hashes if value), "")
    if secret and not VIMEO_HASH.fullmatch(secret):
        return None
    start = seconds(fragment[2:]) if fragment.startswith("t=") else None
    link = f"https://vimeo.com/{video_id}" + (f"/{secret}" if secret else "") + (f"#t={start}s" if start else "")
    player = (
        f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1" + (f"&h={secret}" if secret else "")
        + (f"#t={start}s" if start else "")
    )
    return link, player


def _routes(*paths: str, **options) -> tuple[Route, ...]:
    return tuple(Route(re.compile(path), **options) for path in paths)


PROVIDERS = (
    Provider(
        "youtube", "YouTube", PLAYER,
        frozenset({"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
                   "youtube-nocookie.com", "www.youtube-nocookie.com"}),
        (
            *_routes(r"/watch/?", id_parameter="v"),
            *_routes(r"/shorts/(?P<id>[^/]+)/?", portrait=True),
            *_routes(r"/(?:embed|live|v|e)/(?P<id>[^/]+)/?"),
        ),
        "Video YouTube", re.compile(r"[A-Za-z0-9_-]{11}"), youtube_addresses,
    ),
    Provider(
        "youtube", "YouTube", PLAYER, frozenset({"youtu.be", "www.youtu.be"}),
        _routes(r"/(?P<id>[^/]+)/?"),
        "Video YouTube", re.compile(r"[A-Za-z0-9_-]{11}"), youtube_addresses,
    ),
    Provider(
        "vimeo", "Vimeo", PLAYER, frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
        _routes(
            r"/(?P<id>\d+)(?:/(?P<hash>[0-9a-f]+))?/?",
            r"/video/(?P<id>\d+)/?",
            r"/channels/[A-Za-z0-9_-]+/(?P<id>\d+)/?",
            r"/groups/[A-Za-z0-9_-]+/videos/(?P<id>\d+)/?",
            r"/showcase/\d+/video/(?P<id>\d+)/?",
        ),
        "Video Vimeo", re.compile(r"[1-9][0-9]{0,11}"), vimeo_addresses,
    ),
    Provider(
        "facebook", "Facebook", CARD,
        frozenset({"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com", "fb.watch"}),
        _routes(r"/[^?#]+"),
        "Lihat kiriman di Facebook",
    ),
    Provider(
        "instagram", "Instagram", CARD, frozenset({"instagram.com", "www.instagram.com"}),
        _routes(r"/(?:[A-Za-z0-9_.]+/)?(?:p|reel|reels|tv)/[A-Za-z0-9_-]+/?"),
        "Lihat kiriman di Instagram",
    ),
    Provider(
        "x", "X (Twitter)", CARD,
        frozenset({"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"}),
        _routes(r"/(?:[A-Za-z0-9_]{1,15}|i(?:/web)?)/status(?:es)?/\d{1,20}(?:/(?:photo|video)/\d)?/?"),
        "Lihat kiriman di X (Twitter)",
    ),
    Provider(
        "tiktok", "TikTok", CARD, frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"}),
        _routes(r"/@[A-Za-z0-9_.]{1,30}/(?:video|photo)/\d{1,20}/?", r"/@[A-Za-z0-9_.]{1,30}/?", r"/t/[A-Za-z0-9]{5,12}/?"),
        "Lihat video di TikTok",
    ),
    Provider(
        "tiktok", "TikTok", CARD, frozenset({"vm.tiktok.com", "vt.tiktok.com"}),
        _routes(r"/[A-Za-z0-9]{5,12}/?"),
        "Lihat video di TikTok",
    ),
    Provider(
        "wordpress-tv", "WordPress.tv", CARD, frozenset({"wordpress.tv", "www.wordpress.tv"}),
        _routes(r"/\d{4}/\d{2}/\d{2}/[A-Za-z0-9_%-]+/?"),
        "Tonton di WordPress.tv",
    ),
)
BY_HOST = {host: provider for provider in PROVIDERS for host in provider.hosts}


def recognise(address: str) -> Embed | None:
    """The embed an address stands for, or None: unknown host, lookalike, bad ID or odd characters."""
    if not URL_CHARACTERS.fullmatch(address or ""):
        return None
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or port is not None or "@" in parts.netloc:
        return None
    host = parts.netloc.lower()
    provider = BY_HOST.get(host)
    if provider is None:
        return None
    return provider.recognise(host, parts.path, parts.query, parts.fragment)
