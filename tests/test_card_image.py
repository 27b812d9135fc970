"""Preview card drawing and its cache."""

from io import BytesIO

import pytest
from PIL import Image

from page_identity import card_image

CARD = card_image.CardText(
    site_name="Media Center Kankemenag Jawa Tengah",
    headline="Rakor Seksi PHU Se-Eks Karesidenan Kedu Menjadi Wahana Evaluasi Kinerja",
    date_line="Selasa, 23 Agustus 2022",
    detail_line="Kankemenag Kota Magelang",
)


def test_card_is_a_1200_by_630_jpeg_of_at_most_80_kb():
    data = card_image.draw_card(CARD)
    assert len(data) <= 80_000 == card_image.MAX_BYTES
    image = Image.open(BytesIO(data))
    assert image.format == "JPEG" and image.size == (1200, 630)


def test_card_shows_the_brand_band_and_dark_headline_text():
    image = Image.open(BytesIO(card_image.draw_card(CARD))).convert("RGB")
    assert image.getpixel((5, 5)) == pytest.approx(card_image.BRAND, abs=12)
    headline_band = image.crop((64, 160, 1136, 240)).convert("L")
    assert headline_band.getextrema()[0] < 60, "headline text is drawn"


def test_cache_draws_each_card_once(tmp_path, monkeypatch):
    first = card_image.cached_card(CARD, tmp_path)
    monkeypatch.setattr(card_image, "draw_card", lambda card: pytest.fail("drawn again"))
    assert card_image.cached_card(CARD, tmp_path) == first
    changed = card_image.CardText(CARD.site_name, CARD.headline + " (ralat)", CARD.date_line)
    with pytest.raises(pytest.fail.Exception):
        card_image.cached_card(changed, tmp_path)


def test_fingerprint_follows_every_field():
    prints = {
        CARD.fingerprint(),
        card_image.CardText(CARD.site_name, CARD.headline, "Rabu, 24 Agustus 2022", CARD.detail_line).fingerprint(),
        card_image.CardText(CARD.site_name, CARD.headline, CARD.date_line, "Kankemenag Kab. Magelang").fingerprint(),
        card_image.CardText("Lain", CARD.headline, CARD.date_line, CARD.detail_line).fingerprint(),
    }
    assert len(prints) == 4


def test_emoji_are_left_out_of_the_drawing():
    assert card_image.drawable("Haji 🕋 2026 ✈️ berangkat") == "Haji 2026 berangkat"


def test_very_long_headline_is_cut_with_an_ellipsis():
    font, lines = card_image.fit_headline("Kankemenag " * 60, 1072)
    assert len(lines) == card_image.HEADLINE_MAX_LINES
    assert lines[-1].endswith("…") and font.size == card_image.HEADLINE_SIZES[-1]
    assert all(font.getlength(line) <= 1072 for line in lines)
