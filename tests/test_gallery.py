"""Galleries (issue #19, point 6): a paragraph of two or more photos, one a line, becomes a gallery.

The body transformation (plugins/photos/figures.py) on Markdown rendered and
sanitised as the build does it, with real photos and their variants; a real
build of the content plus tests/photo_content (its gallery article), which
`invoke check` and the Nu HTML checker pass; Chromium: every photo reached by
keyboard and opened without JavaScript, 2 columns on phones and 3 on wide
screens with no sideways scrolling, the `sizes` of the cells right; and the
WordPress importer: [gallery ids=…], [gallery] of the post's attachments,
gallery blocks (both forms) and Jetpack's tiled galleries become such
paragraphs, with their photos copied, and the import passes `invoke check`.
"""

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.contents import Article

from browser import free_port, serve, shift_while_photos_arrive_late
from conftest import ROOT, content_with, nu_check, preview_build, site_settings, text_of
from content_checks.sanitize import sanitize_html
from editorial.wordpress.html_body import to_markdown
from editorial.wordpress.photos import PhotoSource
from editorial.wordpress.wxr import read_export
from photos.figures import GALLERY_LABEL, GALLERY_SIZES, SIZES, responsive_body
from photos.resolver import PhotoResolver
from plain_text_metadata.reader import render_body
from site_copy import copy_project, invoke, project_without_articles
from test_output_gates import OUTDATED_CHECKER_MESSAGES
from wordpress_export import (
    GALLERY_MISSING_ID, GALLERY_PHOTOS, GALLERY_SITE, GALLERY_UPLOADS_URL, gallery_export,
)

PHOTOS = ROOT / "tests" / "photo_content" / "images"
GALLERY_ARTICLE = "2024/05/galeri-taman-manasik/"
GALLERY_ALTS = [
    "Padang rumput hijau di bawah langit biru",
    "Bunga putih bermahkota kuning di antara daun hijau",
    "Permukaan air jernih kebiruan",
]


# -- the body transformation --------------------------------------------------------------------

@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("galeri-badan")
    content = folder / "content"
    shutil.copytree(PHOTOS, content / "images")
    (content / "articles").mkdir()
    return site_settings(content, CACHE_PATH=str(folder / "cache"))


def body(markdown: str, settings) -> BeautifulSoup:
    """`markdown` as the build makes it: rendered, sanitised, then its photos given variants (real ones)."""
    html = sanitize_html(render_body(markdown, settings))
    article = Article(html, {"title": "Uji galeri"}, settings=settings,
                      source_path=str(Path(settings["PATH"]) / "articles" / "uji.md"))
    return BeautifulSoup(responsive_body(html, PhotoResolver(article), ""), "html.parser")


def image_line(name: str, alt: str, caption: str = "") -> str:
    title = f' "{caption}"' if caption else ""
    return f"![{alt}]({{static}}/images/{name}{title})"


def test_two_or_more_images_one_a_line_become_a_gallery_of_linked_figures(settings):
    markdown = "Pembuka.\n\n" + "\n".join([
        image_line("galeri-tawaf.jpg", "Padang rumput", "Halaman latihan tawaf."),
        image_line("galeri-sai.jpg", "Bunga putih", "Taman jalur sa'i."),
        image_line("galeri-wukuf.jpg", "Air jernih"),
    ]) + "\n\nPenutup."
    soup = body(markdown, settings)
    galleries = soup.find_all("ul", class_="gallery")
    assert len(galleries) == 1 and galleries[0]["aria-label"] == GALLERY_LABEL == "Galeri foto"
    assert [text_of(p) for p in soup.find_all("p")] == ["Pembuka.", "Penutup."]  # the paragraph became the list
    items = galleries[0].find_all("li", recursive=False)
    assert len(items) == 3
    for item, alt in zip(items, ["Padang rumput", "Bunga putih", "Air jernih"]):
        figure = item.find("figure", recursive=False)
        link = figure.find("a", recursive=False)
        img = link.picture.img
        assert img["alt"] == alt and img["loading"] == "lazy" and "title" not in img.attrs
        assert img["width"] and img["height"]  # the box is known before the photo loads
        assert link["href"] == img["src"] and re.fullmatch(r"/images/varian/galeri-[a-z]+-[0-9a-f]{10}-\d+(-\d)?\.jpg", img["src"])
        sources = link.picture.find_all("source")
        assert sources and all(source["sizes"] == GALLERY_SIZES for source in sources)
        assert [s["type"] for s in sources][-1] == "image/webp" and "400w" in sources[-1]["srcset"]
    assert [text_of(item.figcaption) if item.figcaption else None for item in items] == [
        "Halaman latihan tawaf.", "Taman jalur sa'i.", None,
    ]


def test_two_images_make_a_gallery_and_a_line_break_between_them_too(settings):
    markdown = image_line("galeri-tawaf.jpg", "Satu") + "  \n" + image_line("galeri-sai.jpg", "Dua")
    soup = body(markdown, settings)
    assert soup.find("br") is None and len(soup.select("ul.gallery > li.gallery-item")) == 2


def test_one_image_with_a_title_stays_one_captioned_figure(settings):
    soup = body(image_line("galeri-tawaf.jpg", "Padang rumput", "Halaman latihan tawaf."), settings)
    assert soup.find("ul") is None
    figure = soup.find("figure")
    assert figure.parent is None or figure.parent.name != "li"
    assert text_of(figure.figcaption) == "Halaman latihan tawaf."
    assert figure.find("a") is None and figure.picture.source["sizes"] == SIZES


def test_images_with_text_in_their_paragraph_are_not_a_gallery(settings):
    markdown = ("Foto kegiatan: " + image_line("galeri-tawaf.jpg", "Satu", "Satu.") + "\n"
                + image_line("galeri-sai.jpg", "Dua", "Dua."))
    soup = body(markdown, settings)
    assert soup.find("ul") is None and soup.find("figure") is None
    assert len(soup.p.find_all("picture")) == 2 and "Foto kegiatan:" in soup.p.get_text()
    assert all(source["sizes"] == SIZES for source in soup.find_all("source"))


def test_images_in_paragraphs_of_their_own_are_figures_not_a_gallery(settings):
    markdown = image_line("galeri-tawaf.jpg", "Satu", "Satu.") + "\n\n" + image_line("galeri-sai.jpg", "Dua", "Dua.")
    soup = body(markdown, settings)
    assert soup.find("ul") is None and len(soup.find_all("figure")) == 2


def test_a_paragraph_with_a_photo_from_another_site_is_not_made_a_gallery(settings):
    markdown = image_line("galeri-tawaf.jpg", "Satu") + "\n![Dua](https://situs-lain.contoh.test/dua.jpg)"
    soup = body(markdown, settings)
    assert soup.find("ul") is None and len(soup.p.find_all("img")) == 2  # invoke check refuses the foreign one


# -- a real build ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gallery_content(tmp_path_factory) -> Path:
    return content_with(tmp_path_factory, "galeri", "photo_content")


@pytest.fixture(scope="module")
def gallery_site(gallery_content, tmp_path_factory):
    """The preview build of the real content plus tests/photo_content (with its gallery article)."""
    return preview_build(tmp_path_factory, "galeri", gallery_content)


def test_the_gallery_article_is_built_with_a_gallery_whose_files_exist(gallery_site):
    article = gallery_site.soup(GALLERY_ARTICLE).select_one(".article-body")
    gallery = article.select_one("ul.gallery")
    assert gallery["aria-label"] == "Galeri foto"
    assert [img["alt"] for img in gallery.find_all("img")] == GALLERY_ALTS
    assert [text_of(c) for c in gallery.find_all("figcaption")] == ["Halaman berumput untuk latihan tawaf.", "Taman di jalur latihan sa'i."]
    for link in gallery.find_all("a"):
        assert gallery_site.path(link["href"]).is_file()
        for source in link.find_all("source"):
            for candidate in source["srcset"].split(", "):
                assert gallery_site.path(candidate.split(" ")[0]).is_file()
    assert not list(gallery_site.root.rglob("galeri-tawaf.jpg"))  # the original is never published


def test_the_content_with_the_gallery_passes_invoke_check(gallery_content, tmp_path):
    project = copy_project(tmp_path / "situs", gallery_content)
    checked = invoke(project, "check")
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout + checked.stderr


def test_the_gallery_page_passes_the_nu_html_checker(gallery_site, tmp_path):
    result = nu_check(gallery_site, [GALLERY_ARTICLE], tmp_path, *OUTDATED_CHECKER_MESSAGES)
    assert result.returncode == 0, result.stdout + result.stderr


# -- in Chromium ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served_gallery(gallery_site):
    with serve(gallery_site.root, free_port()) as url:
        yield url


def open_gallery(browser, served_gallery, width, height, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.goto(f"{served_gallery}/{GALLERY_ARTICLE}")
    return context, page


def cell_boxes(page):
    return [item.bounding_box() for item in page.locator("ul.gallery > li").all()]


def test_on_a_360px_phone_two_columns_no_sideways_scrolling_and_small_variants(browser, served_gallery):
    context, page = open_gallery(browser, served_gallery, 360, 740, device_scale_factor=2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first, second, third = cell_boxes(page)
    assert first["y"] == second["y"] < third["y"] and first["x"] < second["x"] and third["x"] == first["x"]
    assert second["x"] + second["width"] <= 360
    # `sizes` says how wide a cell is: what the browser takes must be what the grid gives, not less.
    picked = page.evaluate("""() => { const img = document.querySelector('ul.gallery img');
        const probe = document.createElement('div'); probe.style.width = 'calc(50vw - 1.25rem)';
        document.body.append(probe); const width = probe.getBoundingClientRect().width; probe.remove();
        return [width, img.getBoundingClientRect().width]; }""")
    assert abs(picked[0] - picked[1]) <= 2, picked
    for img in page.locator("ul.gallery img").all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        assert re.search(r"-400(-\d)?\.(avif|webp)$", img.evaluate("img => img.currentSrc")), img.evaluate("img => img.currentSrc")
    # Each cell is 4:3 whatever the photo (the portrait one too): the grid does not move when photos load.
    ratios = page.evaluate("[...document.querySelectorAll('ul.gallery img')].map(i => i.getBoundingClientRect().width / i.getBoundingClientRect().height)")
    assert all(abs(ratio - 4 / 3) < 0.02 for ratio in ratios), ratios
    context.close()


def test_on_a_wide_screen_three_columns_as_wide_as_sizes_says(browser, served_gallery):
    context, page = open_gallery(browser, served_gallery, 1280, 800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    first, second, third = cell_boxes(page)
    assert first["y"] == second["y"] == third["y"] and first["x"] < second["x"] < third["x"]
    width = page.evaluate("document.querySelector('ul.gallery img').getBoundingClientRect().width")
    rem = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert width <= 14 * rem and width >= 14 * rem * 0.95, (width, 14 * rem)  # GALLERY_SIZES: 14rem from 48rem
    context.close()


def test_every_photo_is_reached_by_keyboard_and_opens_without_javascript(browser, served_gallery):
    context, page = open_gallery(browser, served_gallery, 390, 844, java_script_enabled=False)
    links = page.locator("ul.gallery a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    assert len(hrefs) == 3
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('ul.gallery') ? document.activeElement.getAttribute('href') : null")
        if focused:
            reached.append(focused)
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none"  # the focus is visible
        if len(reached) == 3:
            break
    assert reached == hrefs
    assert page.get_by_role("list", name="Galeri foto").count() == 1
    assert [link.get_attribute("href") for link in page.get_by_role("link", name=GALLERY_ALTS[0]).all()] == hrefs[:1]
    page.keyboard.press("Enter")  # on the last photo
    page.wait_for_url(f"**{hrefs[2]}")
    response = page.request.get(page.url)
    assert response.ok and response.headers["content-type"].startswith("image/jpeg")
    context.close()


def test_the_gallery_page_has_no_accessibility_violations(browser, served_gallery):
    from axe_playwright_python.sync_playwright import Axe

    for width, height in ((360, 740), (1280, 800)):
        context, page = open_gallery(browser, served_gallery, width, height)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        context.close()


def test_nothing_shifts_while_the_gallery_photos_arrive_late(browser, served_gallery):
    def photos_in_view(page):
        page.locator("ul.gallery").scroll_into_view_if_needed()
        for img in page.locator("ul.gallery img").all():
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())

    url = f"{served_gallery}/{GALLERY_ARTICLE}"
    assert shift_while_photos_arrive_late(browser, url, {"width": 360, "height": 740}, photos_in_view) == 0


# -- the WordPress importer --------------------------------------------------------------------------

def source_for(uploads: Path) -> PhotoSource:
    return PhotoSource([GALLERY_UPLOADS_URL], uploads, "kab-klaten")


def converted(html: str, tmp_path: Path, post_id: str = "310"):
    export, uploads = gallery_export(tmp_path)
    return to_markdown(html, source_for(uploads), "Judul Uji", attachments=read_export(export).attachments(), post_id=post_id)


def image_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("![")]


def paragraphs(markdown: str) -> list[str]:
    return [part for part in markdown.strip().split("\n\n")]


def test_gallery_ids_become_one_paragraph_of_image_lines_in_their_order(tmp_path):
    markdown, report = converted('Pembuka.\n\n[gallery columns="2" ids="302,301"]\n\nPenutup.', tmp_path)
    assert paragraphs(markdown) == [
        "Pembuka.",
        "![Latihan sa'i di halaman.]({static}/images/kab-klaten/2023/07/sai.jpg \"Latihan sa'i di halaman.\")\n"
        '![Jemaah berlatih tawaf]({static}/images/kab-klaten/2023/07/tawaf.jpg "Latihan tawaf di aula.")',
        "Penutup.",
    ]
    assert report.galleries == [2] and report.alt_from_caption == 1 and report.shortcodes == []
    assert set(report.photo_files) == {"2023/07/sai.jpg", "2023/07/tawaf.jpg"}


def test_gallery_include_with_quotes_as_entities_and_exclude(tmp_path):
    markdown, report = converted("[gallery include=&quot;301,302,303&quot; exclude=“302”]", tmp_path)
    assert [line.split("(")[1].split(" ")[0].rstrip(")") for line in image_lines(markdown)] == [
        "{static}/images/kab-klaten/2023/07/tawaf.jpg", "{static}/images/kab-klaten/2023/07/wukuf.jpg",
    ]
    assert report.galleries == [2]


def test_gallery_without_ids_shows_the_posts_own_photos_and_an_alt_from_the_title(tmp_path):
    markdown, report = converted("Foto kegiatan.\n\n[gallery]", tmp_path, post_id="311")
    assert image_lines(markdown) == [
        "![Foto: Judul Uji]({static}/images/kab-klaten/2023/07/wukuf.jpg)",
        "![Jemaah melempar jumrah]({static}/images/kab-klaten/2023/07/lempar-jumrah.jpg)",
    ]
    assert report.alt_from_title == 1
    other, other_report = converted('[gallery id="311"]', tmp_path / "lain", post_id="999")
    assert image_lines(other) == image_lines(markdown) and other_report.galleries == [2]


def test_missing_attachments_and_photos_are_reported_and_left_out(tmp_path):
    markdown, report = converted(f'[gallery ids="301,{GALLERY_MISSING_ID},305"]', tmp_path)
    assert image_lines(markdown) == ['![Jemaah berlatih tawaf]({static}/images/kab-klaten/2023/07/tawaf.jpg "Latihan tawaf di aula.")']
    assert report.missing_attachments == [str(GALLERY_MISSING_ID)]
    assert report.missing_photos == [f"{GALLERY_UPLOADS_URL}/{GALLERY_PHOTOS[305][0]}"]
    assert report.galleries == [1]
    nothing, empty = converted(f'Teks.\n\n[gallery ids="{GALLERY_MISSING_ID}"]', tmp_path / "kosong")
    assert nothing.strip() == "Teks." and empty.galleries == [] and empty.empty_galleries == 1


def test_a_gallery_block_becomes_image_lines_and_its_caption_a_paragraph(tmp_path):
    block = (
        '<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image">'
        f'<img src="{GALLERY_UPLOADS_URL}/2023/07/tawaf-1024x683.jpg" alt="Jemaah [tawaf]"/><figcaption>Tawaf "sore".</figcaption></figure>'
        f'<figure class="wp-block-image"><img src="{GALLERY_UPLOADS_URL}/2023/07/wukuf.jpg" alt=""/></figure>'
        '<figcaption class="blocks-gallery-caption">Manasik di aula.</figcaption></figure><!-- /wp:gallery -->'
    )
    markdown, report = converted(f"<!-- wp:paragraph --><p>Pembuka.</p><!-- /wp:paragraph -->{block}", tmp_path)
    assert paragraphs(markdown) == [
        "Pembuka.",
        '![Jemaah \\[tawaf\\]]({static}/images/kab-klaten/2023/07/tawaf.jpg "Tawaf “sore“.")\n'
        "![Foto: Judul Uji]({static}/images/kab-klaten/2023/07/wukuf.jpg)",
        "Manasik di aula.",
    ]
    assert report.galleries == [2]


def test_the_older_gallery_block_list_and_jetpacks_tiled_gallery(tmp_path):
    export, uploads = gallery_export(tmp_path)
    read = read_export(export)
    attachments = read.attachments()
    posts = {post.post_id: post.content for post in read.items()}
    old, old_report = to_markdown(posts["313"], source_for(uploads), "Judul", attachments=attachments, post_id="313")
    assert image_lines(old) == [
        "![Latihan sa'i di halaman.]({static}/images/kab-klaten/2023/07/sai.jpg \"Latihan sa'i di halaman.\")",
        "![Jemaah melempar jumrah]({static}/images/kab-klaten/2023/07/lempar-jumrah.jpg)",
    ]
    tiled, tiled_report = to_markdown(posts["314"], source_for(uploads), "Judul", attachments=attachments, post_id="314")
    assert tiled_report.galleries == [2, 2]  # the [gallery type="rectangular"] and the tiled markup
    assert image_lines(tiled)[2:] == [
        "![Foto: Judul]({static}/images/kab-klaten/2023/07/wukuf.jpg)",
        "![Jemaah melempar jumrah]({static}/images/kab-klaten/2023/07/lempar-jumrah.jpg)",
    ]
    assert "tiled" not in tiled and "wp.com" not in tiled and "<" not in tiled


def test_a_classic_post_keeps_its_paragraphs_around_a_gallery(tmp_path):
    markdown, _ = converted("Baris satu.\nBaris dua.\n\n[gallery ids=\"301,302\"]\n\nParagraf akhir.", tmp_path)
    parts = paragraphs(markdown)
    assert parts[0] == "Baris satu.  \nBaris dua." and parts[2] == "Paragraf akhir."


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    base = tmp_path_factory.mktemp("galeri-impor")
    project = project_without_articles(base)
    export, uploads = gallery_export(base)
    result = invoke(project, "import-wordpress", str(export), "--office", "kab-klaten", "--uploads", str(uploads))
    assert result.returncode == 0, result.stdout + result.stderr
    return {"project": project, "report": result.stdout, "checked": invoke(project, "check")}


def test_an_import_with_every_gallery_kind_copies_the_photos_and_reports_them(imported):
    project, report = imported["project"], imported["report"]
    assert "Galeri: 6 (12 foto)" in report
    assert f"  - lampiran galeri tidak ada di ekspor: content/articles/kab-klaten/2023/2023-07-10-galeri-hari-pertama.md: id {GALLERY_MISSING_ID}" in report
    assert re.search(rf"^  - content/articles/kab-klaten/2023/2023-07-10-galeri-hari-pertama\.md:\d+: "
                     rf"{re.escape(GALLERY_UPLOADS_URL)}/2023/07/hilang\.jpg \(tidak ada di folder uploads\)$", report, re.M)
    assert "Foto: 4 berkas disalin ke content/images/kab-klaten/ (12 di badan berita), 1 tidak ada di folder uploads" in report
    assert "gallery" not in report.split("Shortcode dibuang:")[1].splitlines()[0]
    images = project / "content/images/kab-klaten/2023/07"
    assert sorted(p.name for p in images.iterdir()) == ["lempar-jumrah.jpg", "sai.jpg", "tawaf.jpg", "wukuf.jpg"]
    for name in ("hari-pertama", "lampiran", "hari-kedua", "hari-ketiga", "bertumpuk"):
        text = next((project / "content/articles/kab-klaten/2023").glob(f"*-galeri-{name}.md")).read_text(encoding="utf-8")
        lines = text.split("\n\n", 1)[1].splitlines()
        gallery_at = [n for n, line in enumerate(lines) if line.startswith("![")]
        assert len(gallery_at) >= 2 and gallery_at[1] == gallery_at[0] + 1, (name, text)  # one a line, no blank line
        assert "[gallery" not in text and "<" not in text
        # The old site remains only in the visible link to the photo that was not in the uploads folder.
        assert [line for line in text.splitlines() if GALLERY_SITE in line] == (
            [f"[Foto: Foto yang tidak diunggah]({GALLERY_UPLOADS_URL}/2023/07/hilang.jpg)"] if name == "hari-pertama" else [])


def test_an_import_with_galleries_passes_invoke_check(imported):
    checked = imported["checked"]
    assert checked.returncode == 0 and "GALAT" not in checked.stdout, checked.stdout + checked.stderr
