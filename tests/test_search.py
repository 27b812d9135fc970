"""Search with Pagefind: the index, the /cari/ page, filters, and pages without search code."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from seed_articles import KOTA_MAGELANG, WONOSOBO


def test_index_is_built_and_pages_are_marked(site):
    assert site.path("pagefind/pagefind.js").is_file()
    assert list(site.path("pagefind/index").iterdir())
    article = site.soup(WONOSOBO.url)
    assert article.find("article", attrs={"data-pagefind-body": True})
    filters = {span["data-pagefind-filter"] for span in article.select("[data-pagefind-filter]")}
    assert {"peliput:Kankemenag Kab. Wonosobo", "kantor:Kankemenag Kab. Kebumen", "wilayah:Eks Karesidenan Kedu",
            "kategori:Haji dan Umrah", "tahun:2021"} <= filters
    assert all(bar.get("data-pagefind-ignore") == "all" for bar in article.select(".share-bar"))


def test_only_the_search_page_loads_search_code(site):
    for path in site.html_files():
        if path == site.path("cari/"):
            continue
        page = site.soup(str(path.relative_to(site.root)))
        loaded = [e.get("src") or e.get("href") or "" for e in page.find_all(["script", "link"])]
        assert not [url for url in loaded if "pagefind" in url or "search" in url], path
    search = site.soup("cari/")
    assert [s["src"].rsplit("/", 1)[1].split(".")[0] for s in search.find_all("script")] == ["pagefind-ui", "search"]
    assert "'wasm-unsafe-eval'" in search.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "'wasm-unsafe-eval'" not in site.soup("").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_header_search_box_leads_to_the_search_page(site):
    form = site.soup(KOTA_MAGELANG.url).find("form", role="search")
    assert form["action"].endswith("/cari/") and form["method"] == "get"
    assert form.find("input")["name"] == "q"
    assert form.find("label", attrs={"for": form.find("input")["id"]})


@pytest.fixture
def search_page(browser, served_site):
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"
    )
    page = context.new_page()
    yield page
    assert page.evaluate("window.__csp") == []
    context.close()


def result_titles(page):
    """Titles of the results once loaded (Pagefind UI first shows placeholders)."""
    page.locator(".pagefind-ui__result-title").first.wait_for()
    expect(page.locator(".pagefind-ui__loading")).to_have_count(0)
    return [t.strip() for t in page.locator(".pagefind-ui__result-title").all_inner_texts()]


def test_a_word_from_a_seed_finds_it_first(search_page, served_site):
    search_page.goto(f"{served_site}/")
    search_page.fill("#kata-kunci", "PLHUT")
    search_page.press("#kata-kunci", "Enter")
    search_page.wait_for_url("**/cari/?q=PLHUT")
    assert result_titles(search_page)[0] == KOTA_MAGELANG.title
    assert search_page.locator(".search-nojs").is_hidden()


def test_filters_offer_office_region_category_and_year(search_page, served_site):
    search_page.goto(f"{served_site}/cari/?q=rakor")
    result_titles(search_page)
    expect(search_page.locator(".pagefind-ui__filter-name")).to_have_count(5)
    names = [n.strip() for n in search_page.locator(".pagefind-ui__filter-name").all_inner_texts()]
    assert sorted(names) == ["Kantor", "Kategori", "Peliput", "Tahun", "Wilayah"]


def test_filter_by_reporting_office(search_page, served_site):
    search_page.goto(f"{served_site}/cari/?q={quote('rakor')}")
    assert set(result_titles(search_page)) == {KOTA_MAGELANG.title, WONOSOBO.title}
    expect(search_page.locator(".pagefind-ui__filter-name")).to_have_count(5, timeout=30_000)  # filters load after results
    block = search_page.locator("details.pagefind-ui__filter-block", has=search_page.locator("summary", has_text="Peliput"))
    block.locator("summary").click()
    block.get_by_label("Kankemenag Kab. Wonosobo").check()
    expect(search_page.locator(".pagefind-ui__result-title")).to_have_count(1)
    assert result_titles(search_page) == [WONOSOBO.title]


def test_without_javascript_the_search_page_points_to_the_archive(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/cari/")
    message = page.locator(".search-nojs")
    assert message.is_visible() and "memerlukan JavaScript" in message.inner_text()
    assert message.get_by_role("link", name="arsip berita").get_attribute("href").endswith("/arsip/")
    context.close()


def test_no_index_file_is_left_empty(site):
    """Pagefind's own WriteFiles answered before its last writes reached the disk: files came out empty."""
    files = [path for path in site.path("pagefind").rglob("*") if path.is_file()]
    assert len(files) > 10 and [path for path in files if path.stat().st_size == 0] == []


def test_the_index_is_written_inside_its_folder_only(tmp_path):
    from search_index.write import write_index

    from sitelib.output import OutsideOutputError

    (tmp_path / "pagefind" / "lama").mkdir(parents=True)
    write_index(tmp_path, {"pagefind.js": b"js", "fragment/a.pf_fragment": b"x"})
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "pagefind/fragment/a.pf_fragment", "pagefind/pagefind.js"]
    with pytest.raises(OutsideOutputError):
        write_index(tmp_path, {"../../luar.js": b"x"})
    assert not (tmp_path.parent / "luar.js").exists() and (tmp_path / "pagefind" / "pagefind.js").is_file()
