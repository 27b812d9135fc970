"""What the editor's body components share with the build: documents, galleries, videos and social posts.

Sent in the configuration's `site` section (contract.site_contract) and read by
web_editor/src/body-components.js, documents.js and embed-preview.js, which
spell none of it:

- `documents`: the folder documents go to (sitelib.site_folders.DOCUMENT_FOLDER
  below content/) and how the body links it ({static}/dokumen/…), the endings
  the site publishes as documents with their labels, media types and first
  bytes (sitelib.file_kinds, the signatures as JavaScript regular expressions
  over the bytes read as Latin-1), the largest file (MAX_FILE_BYTES) and the
  file picker's `accept`;
- `gallery`: how many photos make one (plugins/photos) and the list's name;
- `embeds`: the provider table of plugins/video_embeds (hosts, routes, ID
  patterns, labels) as JavaScript regular expressions, and the markup the site
  gives a video placeholder and a link card (embed_markup.py rendered with a
  slot for every value), so the preview pane shows what the page shows, with
  no iframe and nothing from another host.
"""

import re
from types import SimpleNamespace

from bs4 import BeautifulSoup

from linked_files.file_markup import INFO_CLASS
from photos.figures import GALLERY_LABEL, GALLERY_MINIMUM, gallery
from sitelib.errors import SiteConfigError
from sitelib.file_kinds import DOCUMENT, FILE_KINDS, HEAD_BYTES, MAX_FILE_BYTES, size_text
from sitelib.site_folders import DOCUMENT_FOLDER
from sitelib.slug_regex_js import js_regex
from video_embeds.embed_markup import card_html, player_html
from video_embeds.providers import PLAYER, PROVIDERS, URL_CHARACTERS, Embed

from .preview_header import SLOT_MARKS, slot


def javascript_pattern(pattern: str, flags: int, where: str) -> dict:
    """{source, flags} of a JavaScript RegExp (without the global flag) matching what Python's matches."""
    try:
        found = js_regex(pattern, flags)
    except SiteConfigError:
        raise SiteConfigError(f"Pola '{pattern}' ({where}) tidak bisa dipakai editor web: tidak ada padanannya di JavaScript.") from None
    return {"source": found["source"], "flags": found["flags"].replace("g", "")}


def signature_pattern(signature: re.Pattern) -> dict:
    """A file's first bytes as a JavaScript RegExp over those bytes read as Latin-1 (one character a byte)."""
    return javascript_pattern(signature.pattern.decode("latin-1"), signature.flags & re.DOTALL, "sitelib.file_kinds")


def document_kinds() -> list[dict]:
    return [
        {"suffix": kind.suffix, "label": kind.label, "type": kind.media_type,
         "signatures": [signature_pattern(signature) for signature in kind.signatures]}
        for kind in FILE_KINDS.values() if kind.category == DOCUMENT
    ]


# A document's stored name ends with this many hex digits of its SHA-256 ("daftar-jemaah-3f2a9c1b.pdf"): two
# documents with one name in one office's month never overwrite each other, and saving the same file again
# gives the same name.
NAME_DIGEST_LENGTH = 8


def documents_contract(content: str) -> dict:
    """Where documents go (`folder`, as the repository names it) and how the body links them (`public_folder`)."""
    kinds = document_kinds()
    return {
        "folder": f"{content}/{DOCUMENT_FOLDER}",
        "public_folder": "{static}/" + DOCUMENT_FOLDER,
        "kinds": kinds,
        "max_bytes": MAX_FILE_BYTES,
        "max_text": size_text(MAX_FILE_BYTES),
        "head_bytes": HEAD_BYTES,
        "name_digest": NAME_DIGEST_LENGTH,
        "accept": ",".join([kind["suffix"] for kind in kinds] + sorted({kind["type"] for kind in kinds})),
        "info_class": INFO_CLASS,  # the type and size after a document link on the page (plugins/linked_files)
    }


class StandInGalleryPhoto:
    """A gallery photo as photos.figures reads it, its file a slot; no variants (the preview shows the upload)."""

    source_types = ()
    width, height = slot("width"), slot("height")
    fallback = SimpleNamespace(published=slot("src"))


def gallery_markup() -> str:
    """The site's gallery (photos.figures.gallery) of one photo whose values are slots: src, alt, caption.
    The preview repeats its one item for every photo."""
    soup = BeautifulSoup(f'<p><img alt="{slot("alt")}" src="" title="{slot("caption")}"></p>', "html.parser")
    gallery(soup, soup.p, [soup.img], [StandInGalleryPhoto()], "")
    # The site's addresses are SITEURL + "/" + the file; the preview's is the upload's own address.
    return str(soup).replace(f"/{slot('src')}", slot("src"))


def gallery_contract() -> dict:
    return {"minimum": GALLERY_MINIMUM, "label": GALLERY_LABEL, "markup": gallery_markup()}


def provider_contract(provider) -> dict:
    where = f"video_embeds.providers, {provider.name}"
    return {
        "key": provider.key,
        "name": provider.name,
        "player": provider.kind == PLAYER,
        "hosts": sorted(provider.hosts),
        "routes": [{"path": javascript_pattern(route.path.pattern, route.path.flags & re.IGNORECASE, where),
                    "id_parameter": route.id_parameter, "portrait": route.portrait} for route in provider.routes],
        "id_pattern": javascript_pattern(provider.id_pattern.pattern, 0, where) if provider.id_pattern else None,
        "default_label": provider.default_label,
    }


def markup(provider, portrait: bool) -> str:
    """The site's markup for `provider`'s embeds with slots for the link, the label and the caption."""
    embed = Embed(provider, slot("url"), portrait=portrait)
    render = player_html if embed.is_player else card_html
    return render(embed, slot("label"), slot("caption"))


def embeds_contract() -> dict:
    """The provider table (first provider of a key gives its markup) and the slot marks of the markup."""
    templates = {}
    for provider in PROVIDERS:
        templates.setdefault(provider.key, {"landscape": markup(provider, False), "portrait": markup(provider, True)})
    return {
        "url_characters": javascript_pattern(URL_CHARACTERS.pattern, 0, "video_embeds.providers"),
        "providers": [provider_contract(provider) for provider in PROVIDERS],
        "templates": templates,
        "slot_marks": list(SLOT_MARKS),
    }


def body_components_contract(content: str) -> dict:
    return {"documents": documents_contract(content), "gallery": gallery_contract(), "embeds": embeds_contract()}
