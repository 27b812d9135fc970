"""Unit tests of the share plugin's pure modules: registry, URL builder, plain text."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings, strategies as st

from share_buttons import networks
from share_buttons import share_urls
from sitelib.errors import SiteConfigError
from sitelib.text import plain_text

URL = "https://media.contoh.test/berita/2022/08/rakor-seksi-phu/"
SEED_ORDER = ["facebook", "twitter", "telegram", "whatsapp", "email", "print"]
REGISTRY = networks.load_registry()


def query_of(href: str) -> dict[str, str]:
    """Decode a share href's query the way RFC 3986 says (no '+' for spaces)."""
    query = urlsplit(href).query if not href.startswith("mailto:") else href.split("?", 1)[1]
    pairs = [part.split("=", 1) for part in query.split("&")]
    return {name: unquote(value) for name, value in pairs}


def bar(title, summary=""):
    chosen = networks.select_networks(list(REGISTRY), REGISTRY)
    return {b.id: b for b in share_urls.share_buttons(chosen, URL, title, summary)}


def test_default_setting_is_the_seed_bar():
    assert list(networks.DEFAULT_SHARE_BUTTONS) == SEED_ORDER
    assert list(REGISTRY)[:6] == SEED_ORDER


def test_every_network_has_an_indonesian_name_and_an_icon():
    for network in REGISTRY.values():
        assert network.label.lower() in network.accessible_name.lower(), "label in name (WCAG 2.5.3)"
        assert network.icon.startswith("M") and len(network.icon) > 50
    assert REGISTRY["facebook"].accessible_name == "Bagikan ke Facebook"
    assert REGISTRY["email"].accessible_name == "Kirim lewat email"
    assert REGISTRY["print"].accessible_name == "Cetak berita"


@pytest.mark.parametrize(
    "network, prefix",
    [
        ("facebook", "https://www.facebook.com/sharer/sharer.php?u="),
        ("twitter", "https://twitter.com/intent/tweet?text="),
        ("telegram", "https://t.me/share/url?url="),
        ("whatsapp", "https://wa.me/?text="),
        ("email", "mailto:?subject="),
    ],
)
def test_url_forms(network, prefix):
    assert bar("Judul berita")[network].href.startswith(prefix)


def test_spaces_are_percent_20_and_reserved_characters_are_encoded():
    href = bar("Haji & Umrah: 100% #siap? a+b")["telegram"].href
    assert "%20" in href and "+" not in href.split("?", 1)[1]
    assert "%26" in href and "%23" in href and "%3F" in href and "%25" in href and "%2B" in href


def test_each_network_carries_title_and_url():
    buttons = bar("Judul “kutip” berita", "Ringkasan satu kalimat.")
    assert query_of(buttons["facebook"].href) == {"u": URL}
    assert query_of(buttons["twitter"].href) == {"text": "Judul “kutip” berita", "url": URL}
    assert query_of(buttons["telegram"].href) == {"url": URL, "text": "Judul “kutip” berita"}
    assert query_of(buttons["whatsapp"].href) == {"text": f"Judul “kutip” berita {URL}"}
    assert query_of(buttons["email"].href) == {
        "subject": "Judul “kutip” berita",
        "body": f"Ringkasan satu kalimat.\r\n\r\n{URL}",
    }
    for button_id in ("print", "copy-link", "native-share"):
        assert buttons[button_id].href == URL


def test_new_tab_only_for_other_sites():
    buttons = bar("Judul")
    assert buttons["facebook"].opens_new_tab and buttons["whatsapp"].opens_new_tab
    assert not buttons["email"].opens_new_tab and not buttons["print"].opens_new_tab


def test_x_counts_links_as_23_and_wide_characters_as_2():
    assert share_urls.x_weighted_length("abc") == 3
    assert share_urls.x_weighted_length("😀") == 2
    assert share_urls.x_weighted_length("é—") == 2
    # twitter-text v3's ranges, at each edge: 0–4351, 8192–8205, 8208–8223, 8242–8247 weigh 1
    for light in (0, 4351, 8192, 8205, 8208, 8223, 8242, 8247):
        assert share_urls.x_weighted_length(chr(light)) == 1, light
    for heavy in (4352, 8191, 8206, 8207, 8224, 8241, 8248, 0xD800, 0x10FFFF):
        assert share_urls.x_weighted_length(chr(heavy)) == 2, heavy
    assert share_urls.x_weighted_length("Haji 2026 — 😀 ハ") == 9 + 1 + 1 + 1 + 2 + 1 + 2


def test_long_title_is_shortened_with_an_ellipsis_to_fit_beside_the_link():
    title = "Kankemenag " * 40
    text = share_urls.post_text(title.strip())
    assert text.endswith("…")
    assert share_urls.x_weighted_length(text) + 1 + share_urls.X_LINK_LENGTH <= share_urls.X_POST_LIMIT
    assert text[:-1].strip() and title.startswith(text[:-1])
    assert " " not in text[-2:], "cut at a word break"


def test_title_that_fits_is_not_touched():
    title = "a" * share_urls.POST_TEXT_LIMIT
    assert share_urls.post_text(title) == title
    assert share_urls.post_text(title + "b").endswith("…")


TITLES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400
) | st.sampled_from(["A & B # C ? D + E % F", "\"kutip\" ‘tunggal’ “ganda”", "<b>tebal</b>", "baris\nbaru", "Haji 🕋 2026"])


@settings(max_examples=300, deadline=None)
@given(title=TITLES, summary=st.text(max_size=300))
def test_round_trip_of_any_title(title, summary):
    buttons = bar(title, summary)
    assert query_of(buttons["facebook"].href)["u"] == URL
    tweet = query_of(buttons["twitter"].href)
    assert tweet["url"] == URL
    assert tweet["text"] == title if share_urls.x_weighted_length(title) <= share_urls.POST_TEXT_LIMIT else (
        tweet["text"].endswith("…") and share_urls.x_weighted_length(tweet["text"]) <= share_urls.POST_TEXT_LIMIT
    )
    assert query_of(buttons["telegram"].href) == {"url": URL, "text": title}
    assert query_of(buttons["whatsapp"].href) == {"text": f"{title} {URL}"}
    mail = query_of(buttons["email"].href)
    assert mail["subject"] == title
    assert mail["body"].endswith(URL) and (not summary or mail["body"].startswith(summary))
    for button in buttons.values():
        assert not any(char in button.href for char in ' "<>\n')
    # each network's link as it would be made alone (the bar encodes each shared value once)
    fields = share_urls.share_fields(URL, title, summary)
    assert {b.id: b.href for b in buttons.values()} == {n.id: share_urls.build_href(n, fields) for n in REGISTRY.values()}


def test_unknown_network_stops_with_the_valid_ones_listed():
    with pytest.raises(SiteConfigError) as error:
        networks.select_networks(["facebook", "myspace"], REGISTRY)
    message = str(error.value)
    assert "'myspace'" in message and "SHARE_BUTTONS" in message
    assert "facebook, twitter, telegram, whatsapp, email, print" in message


def test_registry_with_a_duplicate_id_is_refused(tmp_path: Path):
    entry = '[[network]]\nid = "x"\nlabel = "X"\naccessible_name = "Bagikan ke X"\nkind = "print"\nicon = "M0"\n'
    registry = tmp_path / "networks.toml"
    registry.write_text(entry + entry)
    with pytest.raises(SiteConfigError, match="ke-2: id 'x' sudah dipakai"):
        networks.load_registry(registry)


def test_registry_entry_with_a_bad_kind_is_refused(tmp_path: Path):
    registry = tmp_path / "networks.toml"
    registry.write_text('[[network]]\nid = "x"\nlabel = "X"\naccessible_name = "X"\nkind = "fax"\nicon = "M0"\n')
    with pytest.raises(SiteConfigError, match="kind 'fax' tidak dikenal"):
        networks.load_registry(registry)


def test_plain_text_strips_html_and_decodes_entities():
    assert plain_text('Uji &#8220;Haji&#8221; <span class="amp">&amp;</span> Umrah') == "Uji “Haji” & Umrah"
    assert plain_text("<p>Satu.</p>\n<p>Dua <em>kata</em>.</p>") == "Satu. Dua kata."


def test_a_bar_s_digest_follows_what_it_is_made_from():
    from sitelib.value_digest import Digester

    chosen = networks.select_networks(list(REGISTRY), REGISTRY)
    one = share_urls.share_buttons(chosen, URL, "Judul", "Ringkasan")
    assert one == share_urls.share_buttons(chosen, URL, "Judul", "Ringkasan") and isinstance(one, tuple)
    with pytest.raises(AttributeError):
        one.append(one[0])  # what it shows cannot drift from what it is digested by
    digest = Digester().of(one)
    assert digest == Digester().of(share_urls.share_buttons(chosen, URL, "Judul", "Ringkasan"))
    for other in (share_urls.share_buttons(chosen, URL + "x/", "Judul", "Ringkasan"),
                  share_urls.share_buttons(chosen, URL, "Judul lain", "Ringkasan"),
                  share_urls.share_buttons(chosen, URL, "Judul", "Ringkasan lain"),
                  share_urls.share_buttons(chosen[:-1], URL, "Judul", "Ringkasan")):
        assert Digester().of(other) != digest
    # everything a button shows comes from those inputs and the registry (fingerprinted)
    assert [b.href for b in one] == [share_urls.build_href(n, share_urls.share_fields(URL, "Judul", "Ringkasan")) for n in chosen]
