"""Videos and social posts from an address alone on its line (plugins/video_embeds, issue #19).

Recognition (every address shape, lookalikes refused, IDs validated), the
markup (escaped, nothing from another host), a real build of the content
plus tests/video_content, and Chromium: no request to another host before
play, the youtube-nocookie.com iframe after it, the link without JavaScript.
"""

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

import pelicanconf
from browser import free_port, serve
from conftest import content_with, nu_check, preview_build, text_of
from content_checks.sanitize import sanitize_html
from sitelib.plugin_contracts import order_problems, plugin_handlers
from video_embeds.embed_markup import card_html, embed_html, player_html
from video_embeds.embed_paragraphs import embed_body
from video_embeds.providers import CARD, PLAYER, recognise, seconds

YT = "M7lc1UVf-VE"
NOCOOKIE = f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1"
WATCH = f"https://www.youtube.com/watch?v={YT}"
VIDEO_ARTICLE = "2024/05/manasik-dalam-video/"
VIDEO_PAGE = "profil-dalam-video/"
FRAME_HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com"}


# -- recognition --------------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "link", "player"), [
    (f"https://www.youtube.com/watch?v={YT}", WATCH, NOCOOKIE),
    (f"http://youtube.com/watch?v={YT}&feature=share", WATCH, NOCOOKIE),
    (f"https://m.youtube.com/watch?v={YT}", WATCH, NOCOOKIE),
    (f"https://music.youtube.com/watch?v={YT}", WATCH, NOCOOKIE),
    (f"HTTPS://WWW.YOUTUBE.COM/watch?v={YT}", WATCH, NOCOOKIE),
    (f"https://youtu.be/{YT}", WATCH, NOCOOKIE),
    (f"https://youtu.be/{YT}?si=AbCdEf", WATCH, NOCOOKIE),
    (f"https://youtu.be/{YT}?t=90", f"{WATCH}&t=90s", f"{NOCOOKIE}&start=90"),
    (f"https://www.youtube.com/watch?v={YT}&t=1h2m3s", f"{WATCH}&t=3723s", f"{NOCOOKIE}&start=3723"),
    (f"https://www.youtube.com/shorts/{YT}", WATCH, NOCOOKIE),
    (f"https://www.youtube.com/embed/{YT}", WATCH, NOCOOKIE),
    (f"https://www.youtube.com/embed/{YT}?start=30", f"{WATCH}&t=30s", f"{NOCOOKIE}&start=30"),
    (f"https://www.youtube-nocookie.com/embed/{YT}", WATCH, NOCOOKIE),
    (f"https://www.youtube.com/live/{YT}", WATCH, NOCOOKIE),
    ("https://vimeo.com/76979871", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
    ("https://www.vimeo.com/76979871/", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
    ("https://vimeo.com/76979871/abcdef1234", "https://vimeo.com/76979871/abcdef1234",
     "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abcdef1234"),
    ("https://player.vimeo.com/video/76979871?h=abcdef1234", "https://vimeo.com/76979871/abcdef1234",
     "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abcdef1234"),
    ("https://vimeo.com/76979871#t=1m5s", "https://vimeo.com/76979871#t=65s",
     "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1#t=65s"),
    ("https://vimeo.com/channels/staffpicks/76979871", "https://vimeo.com/76979871",
     "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
])
def test_every_video_address_shape_becomes_a_player_of_its_validated_id(address, link, player):
    embed = recognise(address)
    assert embed is not None and embed.provider.kind == PLAYER
    assert (embed.url, embed.player_url) == (link, player)
    assert urlsplit(embed.player_url).netloc in FRAME_HOSTS


def test_shorts_are_portrait():
    assert recognise(f"https://www.youtube.com/shorts/{YT}").portrait
    assert not recognise(f"https://youtu.be/{YT}").portrait


@pytest.mark.parametrize(("address", "provider"), [
    ("https://www.facebook.com/kemenagwonosobo/posts/pfbid0abc", "facebook"),
    ("https://www.facebook.com/watch/?v=1234567890", "facebook"),
    ("https://m.facebook.com/story.php?story_fbid=1&id=2", "facebook"),
    ("https://fb.watch/abcDEF123/", "facebook"),
    ("https://www.instagram.com/p/C6abcDEF123/", "instagram"),
    ("https://instagram.com/reel/C6abcDEF123", "instagram"),
    ("https://x.com/kemenag_ri/status/1786000000000000000", "x"),
    ("https://twitter.com/kemenag_ri/status/1786000000000000000?s=20", "x"),
    ("https://mobile.twitter.com/kemenag_ri/statuses/1786000000000000000", "x"),
    ("https://www.tiktok.com/@kemenag.wonosobo/video/7364000000000000000", "tiktok"),
    ("https://vm.tiktok.com/ZSabc123/", "tiktok"),
    ("https://wordpress.tv/2024/05/02/manasik-haji-di-wonosobo/", "wordpress-tv"),
])
def test_social_addresses_become_link_cards(address, provider):
    embed = recognise(address)
    assert embed is not None and embed.provider.kind == CARD and embed.provider.key == provider
    assert embed.url.startswith("https://") and not embed.player_url


@pytest.mark.parametrize("address", [
    f"https://youtube.com.evil.test/watch?v={YT}",  # lookalike hosts
    f"https://evilyoutube.com/watch?v={YT}",
    f"https://www.youtube.com.evil.test/embed/{YT}",
    f"https://youtu.be.evil.test/{YT}",
    f"https://www.yоutube.com/watch?v={YT}",  # Cyrillic о
    f"https://www.youtube.com./watch?v={YT}",
    f"https://www.youtube.com@evil.test/watch?v={YT}",  # user info: the host is evil.test
    f"https://user:pass@www.youtube.com/watch?v={YT}",
    f"https://www.youtube.com:8443/watch?v={YT}",
    f"//www.youtube.com/watch?v={YT}",
    f"javascript://www.youtube.com/watch?v={YT}",
    f"ftp://www.youtube.com/watch?v={YT}",
    "https://www.youtube.com/watch?v=terlalupendek",  # IDs are 11 characters
    "https://www.youtube.com/watch?v=M7lc1UVf-V",
    "https://www.youtube.com/watch?v=M7lc1UVf-V$",
    f"https://www.youtube.com/watch?v={YT}&v=dQw4w9WgXcQ",  # which one?
    "https://www.youtube.com/watch",
    f"https://www.youtube.com/watch?v={YT}\"onmouseover=alert(1)",
    f"https://www.youtube.com/watch?v={YT}<script>",
    f"https://youtu.be/{YT}/extra",
    f"https://www.youtube.com/channel/{YT}",
    f"https://www.youtube.com/embed/{YT}%2F..%2Fx",
    "https://vimeo.com/abc",  # numeric IDs only
    "https://vimeo.com/0",
    "https://vimeo.com/76979871/NOT-HEX",
    "https://player.vimeo.com/video/76979871?h=zz\"x",
    "https://vimeo.com.evil.test/76979871",
    "https://www.facebook.com/",
    "https://facebook.com.evil.test/kemenag/posts/1",
    "https://x.com/kemenag_ri",  # a profile, not a post
    "https://x.com.evil.test/a/status/1",
    "https://www.instagram.com/kemenag_ri/",
    "https://wordpress.tv/",
    "https://media.contoh.test/video.mp4",
    "",
    "youtube.com/watch?v=M7lc1UVf-VE",
])
def test_lookalikes_bad_ids_and_odd_addresses_are_refused(address):
    assert recognise(address) is None


def test_start_times():
    assert [seconds(value) for value in ("90", "90s", "1m30s", "1h", "1h2m3s")] == [90, 90, 90, 3600, 3723]
    assert [seconds(value) for value in ("", "abc", "1x", "-5", "m", "99999999")] == [None] * 6


# -- markup --------------------------------------------------------------------------------------

def test_the_placeholder_is_a_local_box_with_a_link_and_no_request_elsewhere():
    html = embed_html(recognise(f"https://youtu.be/{YT}"))
    figure = BeautifulSoup(html, "html.parser").figure
    assert figure["class"] == ["video-embed", "video-youtube"]
    assert figure["data-video-player"] == NOCOOKIE and figure["data-video-title"] == "Video YouTube"
    link = figure.select_one(".video-frame > a.video-facade")
    assert link["href"] == WATCH and text_of(link) == "Tonton di YouTube: Video YouTube"
    assert not figure.find_all(["iframe", "img", "script", "picture", "source", "object", "embed"])
    assert not figure.find_all(style=True)  # the stylesheet draws it (CSP: style-src 'self')
    # The only other host named at all is the player's, in the attribute the script reads.
    hosts = set(re.findall(r"https?://([^/\"?#]+)", html))
    assert hosts == {"www.youtube-nocookie.com", "www.youtube.com"}
    assert not figure.find("figcaption")


def test_label_and_caption_are_escaped_and_never_break_out():
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    html = embed_html(recognise(f"https://youtu.be/{YT}"), hostile, hostile + " keterangan")
    figure = BeautifulSoup(html, "html.parser").figure
    assert not figure.find_all(["script", "img"])
    assert not [name for tag in figure.find_all(True) for name in tag.attrs if name.startswith("on")]
    assert figure["data-video-title"] == hostile
    assert figure.select_one(".video-facade-label").get_text() == hostile
    assert figure.figcaption.get_text() == hostile + " keterangan"
    assert len(figure.find_all(True)) == 7  # frame, link, icon, text, action, label, caption
    card = BeautifulSoup(embed_html(recognise("https://x.com/a/status/1"), hostile), "html.parser")
    assert not card.find_all(["script", "img"]) and card.select_one(".embed-card-title").get_text() == hostile


def test_the_label_is_the_link_text_else_the_caption_else_the_providers_name():
    embed = recognise("https://vimeo.com/76979871")
    def shown(label, caption):
        figure = BeautifulSoup(embed_html(embed, label, caption), "html.parser").figure
        return figure["data-video-title"], figure.figcaption and figure.figcaption.get_text()
    assert shown("Pelepasan  jemaah\n", "Keterangan.") == ("Pelepasan jemaah", "Keterangan.")
    assert shown("", "Keterangan.") == ("Keterangan.", None)  # not said twice
    assert shown("", "") == ("Video Vimeo", None)
    assert shown(" ", " ") == ("Video Vimeo", None)


def test_shorts_get_the_portrait_box():
    html = player_html(recognise(f"https://www.youtube.com/shorts/{YT}"), "Shorts")
    assert BeautifulSoup(html, "html.parser").figure["class"] == ["video-embed", "video-youtube", "video-portrait"]


def test_a_card_is_a_plain_link_with_the_networks_name_and_nothing_from_it():
    card = BeautifulSoup(card_html(recognise("https://www.instagram.com/p/C6abcDEF123/"), "Manasik"), "html.parser").figure
    link = card.select_one("a.embed-card-link")
    assert link["href"] == "https://www.instagram.com/p/C6abcDEF123/" and "target" not in link.attrs
    assert [text_of(part) for part in link.find_all("span")] == ["Instagram", "Manasik", "instagram.com/p/C6abcDEF123/"]
    assert not card.find_all(["iframe", "img", "script", "blockquote"])


# -- finding embeds in a body ------------------------------------------------------------------------

def test_a_lone_address_becomes_an_embed_and_an_address_in_a_sentence_stays():
    body = (
        f"<p>https://youtu.be/{YT}</p>\n"
        f'<p>Lihat <a href="https://youtu.be/{YT}">rekamannya</a> di sini.</p>\n'
        f"<p>Alamatnya https://youtu.be/{YT} ditulis di kalimat.</p>\n"
        f"<ul><li>https://youtu.be/{YT}</li></ul>\n"
        f"<p><code>https://youtu.be/{YT}</code></p>"
    )
    html, embeds = embed_body(body)
    soup = BeautifulSoup(html, "html.parser")
    assert [embed.video_id for embed in embeds] == [YT]
    assert len(soup.select("figure.video-embed")) == 1 and soup.contents[0].name == "figure"
    assert soup.find("a", string="rekamannya")["href"] == f"https://youtu.be/{YT}"
    assert f"Alamatnya https://youtu.be/{YT} ditulis" in soup.get_text()
    assert soup.li.get_text() == f"https://youtu.be/{YT}" and soup.code.get_text() == f"https://youtu.be/{YT}"


def test_a_body_without_embeds_is_returned_unchanged():
    body = '<p>Tanpa video. <a href="https://kemenag.go.id/">Kemenag</a><br></p>\n<p>https://youtube.com.evil.test/x</p>'
    assert embed_body(body) == (body, ())
    assert embed_body("") == ("", ())


def test_link_text_labels_the_embed_and_its_title_is_the_caption():
    html, _ = embed_body(f'<p><a href="https://youtu.be/{YT}" title="Rekaman 2 Mei.">Manasik <em>haji</em></a></p>')
    figure = BeautifulSoup(html, "html.parser").figure
    assert figure["data-video-title"] == "Manasik haji" and figure.figcaption.get_text() == "Rekaman 2 Mei."
    autolink, _ = embed_body(f'<p><a href="https://youtu.be/{YT}">https://youtu.be/{YT}</a></p>')
    assert BeautifulSoup(autolink, "html.parser").figure["data-video-title"] == "Video YouTube"


def test_what_typogrify_did_to_a_bare_address_is_undone():
    """"--" became an en dash, an ampersand between spaces a span: the ID is read as typed."""
    html, (embed,) = embed_body("<p>https://www.youtube.com/watch?v=ab&#8211;cdEFg_h&amp;t=5</p>")
    assert embed.video_id == "ab--cdEFg_h" and embed.player_url.endswith("/embed/ab--cdEFg_h?autoplay=1&start=5")
    _, (card,) = embed_body('<p>https://x.com/a/status/1?s=20<span class="amp">&amp;</span>t=x</p>')
    assert card.provider.key == "x"
    assert embed_body("<p>https://youtu.be/M7lc1UVf-VE <strong>x</strong></p>")[1] == ()


def test_markup_an_editor_writes_loses_its_data_attributes_before_this_plugin_runs():
    """Only this plugin writes data-video-player: the sanitiser (content_checks, earlier) drops an editor's."""
    typed = '<figure class="video-embed" data-video-player="https://evil.test/"><a href="x">x</a></figure>'
    assert "data-video-player" not in sanitize_html(typed)


def test_the_plugin_runs_after_the_sanitiser():
    order = [name for name in pelicanconf.PLUGINS if name != "pelican.plugins.sitemap"]
    assert order_problems([(name, plugin_handlers(name)) for name in order]) == []
    early = ["video_embeds", *(name for name in order if name != "video_embeds")]
    problems = order_problems([(name, plugin_handlers(name)) for name in early])
    assert any("letakkan 'content_checks' sebelum 'video_embeds'" in line for line in problems), problems


# -- a real build ------------------------------------------------------------------------------------

def video_content(tmp_path_factory) -> Path:
    return content_with(tmp_path_factory, "video", "video_content")


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    """The preview build of the real content plus tests/video_content, served on loopback."""
    return preview_build(tmp_path_factory, "video", video_content(tmp_path_factory))


@pytest.fixture(scope="module")
def served_video_site(video_site):
    with serve(video_site.root, free_port()) as url:
        yield url


def test_the_build_turns_lone_addresses_into_players_and_cards(video_site):
    body = video_site.soup(VIDEO_ARTICLE).select_one(".article-body")
    players = body.select("figure.video-embed")
    assert [figure["data-video-player"] for figure in players] == [
        "https://www.youtube-nocookie.com/embed/ab--cdEFg_h?autoplay=1&start=65",
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
        NOCOOKIE,
    ]
    # The editor's "<lansia>" is an HTML tag to Markdown, and the sanitiser removed it.
    assert [figure["data-video-title"] for figure in players] == ["Video YouTube", "Video Vimeo", "Pelepasan jemaah & “pendamping”"]
    assert "video-portrait" in players[2]["class"]
    assert [card.select_one(".embed-card-provider").get_text() for card in body.select("figure.embed-card")] == [
        "Facebook", "Instagram", "X (Twitter)", "TikTok", "WordPress.tv",
    ]
    sentence = body.find("a", string=f"https://youtu.be/{YT}")
    assert sentence.parent.name == "p" and "Rekaman lengkap ada di" in sentence.parent.get_text()
    lone_texts = [text_of(p) for p in body.find_all("p", recursive=False)]
    assert f"https://youtube.com.evil.test/watch?v={YT}" in lone_texts  # a lookalike stays text
    assert "https://www.youtube.com/watch?v=terlalupendek" in lone_texts
    assert not body.find_all(["iframe", "script", "img"])


def test_the_player_script_loads_only_where_there_is_a_video(video_site):
    script = re.compile(r"theme/js/video-embed\.[0-9a-f]{10}\.js$")
    def loads(path):
        return any(script.search(tag.get("src", "")) for tag in video_site.soup(path).find_all("script"))
    assert loads(VIDEO_ARTICLE) and loads(VIDEO_PAGE)
    assert not loads("kontak/") and not loads("")
    other_article = next(path for path in video_site.root.glob("20*/*/*/index.html") if "manasik-dalam-video" not in str(path))
    assert not any(script.search(tag.get("src", "")) for tag in BeautifulSoup(other_article.read_text(), "html.parser").find_all("script"))


def test_every_page_allows_frames_from_the_two_players_only(video_site):
    for path in video_site.reader_pages():
        policy = BeautifulSoup(path.read_text(), "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["frame-src"] == "https://www.youtube-nocookie.com https://player.vimeo.com", path
        assert directives["default-src"] == "'self'" and directives["script-src"].startswith("'self'")


def test_the_video_pages_pass_the_nu_html_checker(video_site, tmp_path):
    result = nu_check(video_site, [VIDEO_ARTICLE, VIDEO_PAGE], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_video_article_stays_within_the_page_budget(video_site):
    """HTML, stylesheet and both scripts: under 14 KB gzip, the first round trip."""
    soup = video_site.soup(VIDEO_ARTICLE)
    files = [video_site.path(VIDEO_ARTICLE)]
    files += [video_site.root / video_site.asset(name) for name in ("css/main.css", "js/share.js", "js/video-embed.js")]
    assert len(soup.find_all("script", src=True)) == 2
    total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    assert total < 14 * 1024, total
    assert len(gzip.compress((video_site.root / video_site.asset("js/video-embed.js")).read_bytes(), 9)) < 700


# -- in Chromium ---------------------------------------------------------------------------------------

PLAYER_STANDIN = "<!doctype html><html lang=\"id\"><title>pemutar</title><p>pemutar uji</p></html>"


@pytest.fixture
def watched(browser, served_video_site):
    """A page whose requests to other hosts are answered locally (the sandbox has no internet) and counted."""
    own = urlsplit(served_video_site).netloc
    elsewhere = []
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
    )

    def route(request_route):
        if urlsplit(request_route.request.url).netloc == own:
            request_route.continue_()
        else:
            elsewhere.append(request_route.request.url)
            request_route.fulfill(status=200, content_type="text/html", body=PLAYER_STANDIN)

    context.route("**/*", route)
    page = context.new_page()
    yield page, elsewhere
    context.close()


def test_nothing_leaves_the_site_until_play_then_only_the_nocookie_player(watched, served_video_site):
    page, elsewhere = watched
    page.goto(f"{served_video_site}/{VIDEO_ARTICLE}", wait_until="networkidle")
    assert elsewhere == []
    first = page.locator("figure.video-embed").first
    button = first.get_by_role("button", name="Putar video: Video YouTube")
    assert button.is_visible() and first.locator("a").count() == 0
    before = first.locator(".video-frame").bounding_box()
    assert abs(before["width"] / before["height"] - 16 / 9) < 0.02
    button.click()
    frame = first.locator("iframe")
    frame.wait_for()
    page.wait_for_load_state("networkidle")
    assert elsewhere == ["https://www.youtube-nocookie.com/embed/ab--cdEFg_h?autoplay=1&start=65"]
    assert frame.get_attribute("title") == "Video YouTube"
    assert first.locator(".video-frame").bounding_box() == before  # nothing moved
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert page.frame_locator("figure.video-embed iframe").first.locator("p").inner_text() == "pemutar uji"
    assert page.locator("iframe").count() == 1  # the other videos still wait
    assert page.evaluate("window.__csp") == []


def test_play_works_from_the_keyboard(watched, served_video_site):
    page, elsewhere = watched
    page.goto(f"{served_video_site}/{VIDEO_ARTICLE}", wait_until="networkidle")
    button = page.get_by_role("button", name="Putar video: Pelepasan jemaah & “pendamping”")
    button.focus()
    page.keyboard.press("Enter")
    page.locator("figure.video-portrait iframe").wait_for()
    page.wait_for_load_state("networkidle")
    assert elsewhere == [NOCOOKIE]
    assert page.evaluate("document.activeElement.title") == "Pelepasan jemaah & “pendamping”"
    box = page.locator("figure.video-portrait .video-frame").bounding_box()
    assert abs(box["height"] / box["width"] - 16 / 9) < 0.02


def test_vimeo_on_a_page_plays_from_player_vimeo_com(watched, served_video_site):
    page, elsewhere = watched
    page.goto(f"{served_video_site}/{VIDEO_PAGE}", wait_until="networkidle")
    assert elsewhere == []
    page.get_by_role("button", name="Putar video: Video Vimeo").press("Space")
    page.locator("iframe").wait_for()
    page.wait_for_load_state("networkidle")
    assert elsewhere == ["https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=abcdef1234"]


def test_the_policy_blocks_a_frame_from_any_other_host(watched, served_video_site):
    page, elsewhere = watched
    page.goto(f"{served_video_site}/{VIDEO_ARTICLE}", wait_until="networkidle")
    page.evaluate("""() => { const f = document.createElement('iframe');
        f.src = 'https://www.youtube.com/embed/M7lc1UVf-VE'; document.body.append(f); }""")
    page.wait_for_function("window.__csp.length > 0")
    assert page.evaluate("window.__csp")[0].startswith("frame-src https://www.youtube.com")
    assert elsewhere == []


def test_without_javascript_each_video_is_a_link_to_it(browser, served_video_site):
    context = browser.new_context(java_script_enabled=False)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(f"{served_video_site}/{VIDEO_ARTICLE}", wait_until="networkidle")
    link = page.get_by_role("link", name="Tonton di YouTube: Video YouTube")
    assert link.is_visible() and link.get_attribute("href") == "https://www.youtube.com/watch?v=ab--cdEFg_h&t=65s"
    assert page.get_by_role("button", name=re.compile("Putar video")).count() == 0
    card = page.get_by_role("link", name=re.compile("^Facebook"))
    assert card.get_attribute("href") == "https://www.facebook.com/kemenagwonosobo/videos/1234567890/"
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(served_video_site).netloc}
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_video_article_has_no_accessibility_violations(browser, served_video_site, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{served_video_site}/{VIDEO_ARTICLE}", wait_until="networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
