"""The rules for a rendered article or page body: images, links, placeholders, invisible characters.

Pelican rewrites an intrasite placeholder ({static}, {filename}, …) in any
attribute whose name ends in href, src, cite, data, poster, action or
content, even inside another attribute's value, and its static generator
would copy the file it names from anywhere on the machine. Here a
placeholder is allowed only where the site handles it: a link's href
({filename}, {static}, {attach}, {tag}, {category}, {index}) and an image's
src ({static}, {attach}); the photos plugin publishes clean variants of
those, and nothing else is ever copied.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer

from sitelib.content_files import is_content_file
from sitelib.errors import ERROR, WARNING, Finding
from sitelib.links import CONTENT_PLACEHOLDER, MISSING, STATIC_PLACEHOLDERS, link_problem

from linked_files.file_rules import FileProblem, links_a_file, resolve_link

from .rules import Checking, link_file_problem, photo_findings
from .source import SourceFile

# Where a placeholder may stand, and which ones: (tag, attribute) -> names.
PLACEHOLDER_PLACES = {
    ("a", "href"): {"filename", "static", "attach", "tag", "category", "index"},
    ("img", "src"): {"static", "attach"},
}
# Every name Pelican replaces; any other is a typo ({Static}) Pelican would stop the build on.
PELICAN_PLACEHOLDERS = {"filename", "static", "attach", "tag", "category", "author", "index"}
PLACEHOLDER_HINT = (
    "Tulis {static}/images/… hanya di gambar ![alt](…) dan tautan [teks](…); {filename}/…, {tag}…, "
    "{category}… dan {index} hanya di tautan."
)
# A brace, as written or as a character reference: where a placeholder may be once attributes are decoded.
BRACE = re.compile(r"[{}]|&(?:#0*12[35]|#[xX]0*7[bBdD]|[lr]brace|[lr]cub);?")
# Pelican's older placeholder form (|static|…), which our setting no longer reads: a broken link.
OLD_PLACEHOLDER = re.compile(r"\|[a-z]+\|")
# Invisible control characters (a line break from Word is U+000B); tab and line ends are text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Where WordPress keeps uploads: a site's /wp-content/uploads/ (or a network site's /files/), WordPress.com's hosts.
FOREIGN_UPLOAD = re.compile(r"(?i)^(?:https?:)?//(?:[^/?#]+\.files\.wordpress\.com/|[^/?#]+/(?:[^?#]*/)?(?:wp-content/uploads|wp-content/blogs\.dir)/)")
FOREIGN_UPLOAD_HINT = (
    "Unduh berkasnya, simpan di content/dokumen/KODE-KANTOR/TAHUN/BULAN/ (foto di content/images/), lalu tautkan "
    "dengan {static}/dokumen/…; `invoke import-wordpress` melakukannya untuk arsip kantor sendiri."
)


def foreign_upload_hint(href: str) -> str:
    """The fix for a link to a file in another site's WordPress uploads (a document posted there), or ''."""
    return FOREIGN_UPLOAD_HINT if FOREIGN_UPLOAD.match(href.strip()) else ""


def content_link_findings(href: str, checking: Checking, source_dir: Path) -> tuple[str, str] | None:
    """(message, hint) when a `{filename}` link does not lead to one of the site's articles or pages."""
    path = checking.locate(href, source_dir)
    problem = link_problem(path, checking.content_root)
    if problem == MISSING:
        return f"tautan '{href}' menuju berkas yang tidak ada.", "Periksa nama berkas tujuan di folder content/."
    if problem:
        return link_file_problem(problem, href, "tautan")
    if not is_content_file(path, checking.settings):
        return (f"tautan '{href}' menuju berkas yang bukan berita atau halaman.",
                "{filename} hanya untuk berkas .md di content/articles atau content/pages; untuk foto tulis {static}/images/….")
    return None


def placeholder_problems(html: str, placeholder: re.Pattern) -> list[tuple[str, str]]:
    """(message, the text to find its line by) for every placeholder outside its places, or unknown.

    Attribute values are read decoded, so a brace written as a character reference (&#123;filename}) counts
    (Pelican would leave it as it is, a broken address); a body with no brace written either way is not parsed."""
    if not BRACE.search(html):
        return []
    problems = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for attribute, value in element.attrs.items():
            for text in value if isinstance(value, list) else [value]:
                for match in placeholder.finditer(text):
                    allowed = PLACEHOLDER_PLACES.get((element.name, attribute), set())
                    name = match.group("what")
                    if name in allowed and text.startswith(match.group(0)):
                        continue
                    where = f"atribut {attribute} pada <{element.name}>"
                    if name in PELICAN_PLACEHOLDERS:
                        message = f"penanda '{match.group(0)}' tidak boleh dipakai di {where}."
                    else:
                        message = f"penanda '{match.group(0)}' tidak dikenal (di {where})."
                    problems.append((message, match.group(0)))
    return problems


def control_character_problems(html: str) -> list[str]:
    """The invisible control characters in a body, as 'U+000B'."""
    return sorted({f"U+{ord(found):04X}" for found in CONTROL_CHARACTERS.findall(html)})


def body_findings(source_path: str, html: str, source: SourceFile | None, checking: Checking, source_dir: Path) -> list[Finding]:
    """Images, internal links and placeholders of a rendered body; invisible characters; scripts the sanitiser will drop."""
    findings = []

    def add(message, needle, severity=ERROR, hint=""):
        line = source.line_of(needle) if source and needle else None
        findings.append(Finding(source_path, "", message, line, severity=severity, hint=hint))

    characters = control_character_problems(html)
    if characters:
        add(f"badan berita berisi karakter kendali tak terlihat ({', '.join(characters)}).",
            chr(int(characters[0][2:], 16)), hint="Hapus karakter itu (sering terbawa dari Word): ketik ulang barisnya.")
    for message, needle in placeholder_problems(html, re.compile(checking.settings["INTRASITE_LINK_REGEX"])):
        add(message, needle, hint=PLACEHOLDER_HINT)
    if not any(marker in html for marker in ("<img", "<a ", "<script", "<iframe")):
        return findings  # most bodies: nothing more to look at, no parsing

    def add_photo_problems(reference, what):
        for severity, message, hint in photo_findings(reference, checking, source_dir, what):
            add(message, reference, severity=severity, hint=hint)

    soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer(["img", "a", "script", "iframe"]))
    for image in soup.find_all("img"):
        src = image.get("src", "")
        if not image.get("alt", "").strip():
            add(f"gambar '{src}' tidak punya teks alternatif (alt).", src,
                hint="Tulis keterangan isi gambar: ![Kepala Kankemenag membuka rakor]({static}/images/foto.jpg).")
        if re.match(r"(https?:)?//", src):
            add(f"gambar '{src}' diambil dari situs lain.", src,
                hint="Simpan gambar di content/images/ lalu tulis {static}/images/nama-berkas.jpg.")
        elif src.startswith(STATIC_PLACEHOLDERS):
            add_photo_problems(src, "gambar")
        elif not src.startswith("data:") and not src.startswith("{"):
            add(f"gambar '{src}' ditulis tanpa {{static}}, sehingga akan rusak di situs.", src,
                hint="Tulis {static}/images/nama-berkas.jpg.")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if OLD_PLACEHOLDER.match(href):
            add(f"tautan '{href}' memakai penanda bentuk lama, yang tidak dibaca situs ini.", href,
                hint="Tulis dengan kurung kurawal, misalnya {static}/images/foto.jpg atau {filename}/articles/….")
        elif href.startswith(CONTENT_PLACEHOLDER):
            problem = content_link_findings(href, checking, source_dir)
            if problem:
                add(problem[0], href, hint=problem[1])
        elif href.startswith(STATIC_PLACEHOLDERS) and links_a_file(href):
            checking.locate(href, source_dir)
            linked = resolve_link(href, source_dir, checking.content_root)  # a document, video or audio file
            if isinstance(linked, FileProblem):
                add(linked.message, href, hint=linked.hint)
        elif href.startswith(STATIC_PLACEHOLDERS):
            add_photo_problems(href, "tautan")  # published as the photo's clean full-size variant
        elif (hint := foreign_upload_hint(href)):
            add(f"tautan '{href}' menuju berkas unggahan di situs lain; tautan itu mati bila situs itu berubah atau tutup.",
                href, severity=WARNING, hint=hint)
        if href.strip().lower().startswith("javascript:"):
            add("tautan javascript: akan dibuang.", "javascript:", severity=WARNING)
    for element in soup.find_all(["script", "iframe"]):
        add(f"tag <{element.name}> di badan berita akan dibuang saat situs dibangun.", f"<{element.name}",
            severity=WARNING, hint="Hapus tag tersebut; badan berita tidak boleh memuat skrip.")
    return findings
