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


def test_missing_cards_are_drawn_in_other_processes_and_land_in_the_cache_when_finished(tmp_path):
    """The build starts the drawing and goes on; `finish` waits and puts each card where the cache keeps it,
    the same bytes as drawn here; cards the cache has are not drawn again."""
    from page_identity.card_drawing import CardDrawing

    cards = [card_image.CardText(CARD.site_name, f"{CARD.headline} {number}", CARD.date_line) for number in range(12)]
    card_image.cached_card(cards[0], tmp_path)
    drawing = CardDrawing(cards, tmp_path)
    assert drawing.workers and drawing.drawn == 11
    assert not card_image.card_path(cards[1], tmp_path).exists()  # in the cache once finished, whole
    assert drawing.finish() == 11
    for card in cards:
        assert card_image.card_path(card, tmp_path).read_bytes() == card_image.draw_card(card)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{card.fingerprint()}.jpg" for card in cards)
    assert CardDrawing(cards, tmp_path).finish() == 0


def test_a_drawing_stopped_or_abandoned_leaves_nothing_in_the_cache(tmp_path):
    """A build that fails before writing its articles stops its drawing (the live preview builds again in the
    same process): no card half-written, no work folder; a work folder of a process that ended is removed."""
    from page_identity.card_drawing import WORK_PREFIX, CardDrawing

    cards = [card_image.CardText(CARD.site_name, f"{CARD.headline} {number}", CARD.date_line) for number in range(40)]
    abandoned = tmp_path / f"{WORK_PREFIX}999999999-x"
    abandoned.mkdir(parents=True)
    (abandoned / "separuh.jpg").write_bytes(b"\xff\xd8")
    drawing = CardDrawing(cards, tmp_path)
    workers = list(drawing.workers)
    assert workers and not abandoned.exists()
    drawing.cancel()
    assert list(tmp_path.iterdir()) == []
    assert all(not worker.is_alive() for worker in workers)


def test_a_failing_drawing_stops_the_build_with_a_message(tmp_path, monkeypatch):
    from page_identity import card_drawing
    from sitelib.errors import SiteConfigError

    def broken(card):
        raise ValueError("rusak")

    monkeypatch.setattr(card_drawing, "draw_card", broken)  # the workers are forked: they draw with this
    cards = [card_image.CardText(CARD.site_name, f"{CARD.headline} {number}", CARD.date_line) for number in range(10)]
    with pytest.raises(SiteConfigError, match="gagal digambar"):
        card_drawing.CardDrawing(cards, tmp_path).finish()
    assert list(tmp_path.iterdir()) == []


def test_a_card_is_a_baseline_jpeg_of_the_first_quality_that_fits():
    """A chat app loads the whole card before it shows it: a progressive JPEG would cost three times the drawing."""
    image = Image.open(BytesIO(card_image.draw_card(CARD)))
    assert not image.info.get("progressive") and not image.info.get("progression")
