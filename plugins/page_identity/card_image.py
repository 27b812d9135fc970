"""Preview card images (1200×630 JPEG) for articles without a photo of their own.

Drawn with Pillow and its built-in font, so nothing is downloaded and every
machine draws the same card. Cards are cached by a fingerprint of what they
show: an unchanged article is not drawn again.
"""

import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 80_000  # a share image is loaded by every chat that shows the link (issue #18: at most 80 KB)
DESIGN_VERSION = "3"  # bump when the drawing changes, so cached cards are redrawn

MARGIN = 64
BAND_HEIGHT = 112
BRAND = (7, 94, 51)
INK = (26, 26, 26)
MUTED = (77, 77, 77)
HEADLINE_SIZES = (68, 60, 54, 48)
HEADLINE_MAX_LINES = 4
# Baseline JPEG, from the first quality that fits MAX_BYTES: a chat app loads the whole card before showing
# it, so a progressive one (three times the encoding time) shows nothing sooner. Text on white at 75 stays
# sharp and weighs about 75 KB.
QUALITIES = (75, 65, 55, 45)


@dataclass(frozen=True)
class CardText:
    site_name: str
    headline: str
    date_line: str
    detail_line: str = ""  # e.g. the offices the article concerns

    def fingerprint(self) -> str:
        parts = (DESIGN_VERSION, self.site_name, self.headline, self.date_line, self.detail_line)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def drawable(text: str) -> str:
    """`text` without the characters the built-in font lacks (emoji, pictographs)."""
    kept = (
        char for char in text
        if unicodedata.category(char) not in ("So", "Cs", "Co", "Cn") and ord(char) < 0x2E80
    )
    return " ".join("".join(kept).split())


@lru_cache(maxsize=None)
def builtin_font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's built-in font at `size` (loaded once: it is unpacked from Pillow's own code each time)."""
    return ImageFont.load_default(size=size)


def _longest_fitting(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    """How many leading characters of `word` fit in `width` (at least one): a binary search, so a
    very long word costs a few measurements per line, not one per character."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int | None = None) -> list[str]:
    """Greedy word wrap by measured width; a word longer than a line is cut. With `max_lines`, stops
    once there is one line more than that (enough to know the text does not fit)."""
    lines, current = [], ""
    for word in text.split():
        if max_lines is not None and len(lines) > max_lines:
            break
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width and (max_lines is None or len(lines) <= max_lines):
            cut = _longest_fitting(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def fit_headline(text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the headline fits; at the smallest, the rest is cut with "…"."""
    for size in HEADLINE_SIZES:
        font_at_size = builtin_font(size)
        lines = wrap(text, font_at_size, width, HEADLINE_MAX_LINES)
        if len(lines) <= HEADLINE_MAX_LINES:
            return font_at_size, lines
    lines = lines[:HEADLINE_MAX_LINES]
    last = lines[-1]
    while last and font_at_size.getlength(last + " …") > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + " …"
    return font_at_size, lines


def draw_card(card: CardText) -> bytes:
    """The card as JPEG bytes, under MAX_BYTES."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN

    draw.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=BRAND)
    site_font = builtin_font(38)
    draw.text((MARGIN, BAND_HEIGHT // 2), drawable(card.site_name), font=site_font, fill="white", anchor="lm")

    headline_font, lines = fit_headline(drawable(card.headline), text_width)
    line_height = int(headline_font.size * 1.22)
    y = BAND_HEIGHT + 48
    for line in lines:
        draw.text((MARGIN, y), line, font=headline_font, fill=INK, stroke_width=1, stroke_fill=INK)
        y += line_height

    detail_font = builtin_font(30)
    footer = [drawable(card.date_line)]
    if card.detail_line:
        footer.append(wrap(drawable(card.detail_line), detail_font, text_width)[0].rstrip(" ·,;"))
    y = HEIGHT - 40 - 16 - 42 * len(footer)
    for line in footer:
        draw.text((MARGIN, y), line, font=detail_font, fill=MUTED)
        y += 42
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=BRAND)

    for quality in QUALITIES:
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        if buffer.tell() <= MAX_BYTES:
            return buffer.getvalue()
    raise ValueError(f"Kartu pratinjau melebihi {MAX_BYTES // 1000} KB.")


def card_path(card: CardText, cache_dir: Path) -> Path:
    """Where the cache keeps `card` (drawn or not yet)."""
    return Path(cache_dir) / f"{card.fingerprint()}.jpg"


def cached_card(card: CardText, cache_dir: Path) -> Path:
    """Path of the card in `cache_dir`, drawn only when no card with its fingerprint exists."""
    path = card_path(card, cache_dir)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".kartu-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(draw_card(card))
            os.replace(partial, path)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    return path
