"""Search with Pagefind: the index in parts (one per year), the /cari/ page merging them, filters, and pages
without search code."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from seed_articles import KOTA_MAGELANG, WONOSOBO

PARTS = ["2022", "2021", "lain"]  # the real content: the seeds of 2022 and 2021, and the pages


def test_index_is_built_in_parts_and_pages_are_marked(site):
    for part in PARTS:
        assert site.path(f"pagefind/{part}/pagefind.js").is_file()
        assert list(site.path(f"pagefind/{part}/index").iterdir())
    article = site.soup(WONOSOBO.url)
    assert article.find("article", attrs={"data-pagefind-body": True})
    filters = {span["data-pagefind-filter"] for span in article.select("[data-pagefind-filter]")}
    assert {"peliput:Kankemenag Kab. Wonosobo", "kantor:Kankemenag Kab. Kebumen", "wilayah:Eks Karesidenan Kedu",
            "kategori:Haji dan Umrah", "tahun:2021"} <= filters
    assert all(bar.get("data-pagefind-ignore") == "all" for bar in article.select(".share-bar"))
    assert site.soup("tentang-kami/").find("article", attrs={"data-pagefind-body": True})


def test_the_search_page_lists_the_parts_built_newest_year_first(site):
    search = site.soup("cari/")
    listed = search.find(id="pencarian")["data-search-parts"].split()
    assert listed == PARTS and sorted(listed) == sorted(path.name for path in site.path("pagefind").iterdir())
    assert search.find("script", src=lambda src: src and "pagefind-ui" in src)["src"].endswith(
        "/pagefind/2022/pagefind-ui.js")
    assert search.find("link", rel="stylesheet", href=lambda href: href and "pagefind" in href)["href"].endswith(
        "/pagefind/2022/pagefind-ui.css")
    for part in PARTS:  # each part is a whole bundle: its own script, worker and WebAssembly
        assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.id.pagefind"} <= {
            path.name for path in site.path(f"pagefind/{part}").iterdir()}


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


def test_one_search_box_finds_every_part_and_filters_across_them(search_page, served_site):
    """The 2022 seed is in the newest part (the primary index), the 2021 seed and the pages in merged ones."""
    search_page.goto(f"{served_site}/cari/?q={quote('PHU')}")
    titles = result_titles(search_page)
    assert {KOTA_MAGELANG.title, WONOSOBO.title, "Tentang Kami", "Kontak"} <= set(titles)
    expect(search_page.locator(".pagefind-ui__filter-name")).to_have_count(5, timeout=30_000)
    year = search_page.locator("details.pagefind-ui__filter-block", has=search_page.locator("summary", has_text="Tahun"))
    year.locator("summary").click()
    expect(year.locator(".pagefind-ui__filter-value")).to_have_count(2)  # 2022 from one part, 2021 from another
    year.get_by_label("2021").check()
    expect(search_page.locator(".pagefind-ui__result-title")).to_have_count(1)
    assert result_titles(search_page) == [WONOSOBO.title]  # the pages (no filters) are filtered out too
    search_page.goto(f"{served_site}/cari/?q={quote('Peraturan Presiden')}")
    assert result_titles(search_page) == ["Tentang Kami"]


def test_the_first_search_waits_for_every_part_s_filters(search_page, served_site):
    """Pagefind UI's own mergeIndex started the search from ?q= while an older part's filter list was
    still loading; the search reported only the values loaded so far and "Tahun" kept 2022 alone (CI)."""
    held = []
    search_page.route("**/pagefind/2021/filter/**", lambda route: held.append(route))  # the 2021 filter list, held back
    search_page.goto(f"{served_site}/cari/?q={quote('PHU')}")
    search_page.wait_for_timeout(300)  # the UI has drawn its box
    expect(search_page.locator(".pagefind-ui__search-input")).to_be_disabled()
    search_page.wait_for_function("document.querySelector('#pencarian').getAttribute('aria-busy') === 'true'")
    for _ in range(50):  # until the worker asks for the held list
        if held:
            break
        search_page.wait_for_timeout(100)
    assert held, "the 2021 filter list was never asked for"
    search_page.wait_for_timeout(1000)  # time enough for a search that did not wait
    assert search_page.locator(".pagefind-ui__result-title").count() == 0
    for route in held:
        route.continue_()
    search_page.unroute("**/pagefind/2021/filter/**")
    titles = result_titles(search_page)
    assert {KOTA_MAGELANG.title, WONOSOBO.title} <= set(titles)
    expect(search_page.locator(".pagefind-ui__search-input")).to_be_enabled()
    expect(search_page.locator(".pagefind-ui__search-input")).to_have_value("PHU")
    year = search_page.locator("details.pagefind-ui__filter-block", has=search_page.locator("summary", has_text="Tahun"))
    year.locator("summary").click()
    expect(year.locator(".pagefind-ui__filter-value")).to_have_count(2)


def test_a_part_that_fails_to_load_leaves_the_others_searchable(search_page, served_site):
    """Merged, a part whose files do not load made every search fail; it is left out instead."""
    search_page.route("**/pagefind/2021/pagefind-entry.json", lambda route: route.fulfill(status=404))
    search_page.goto(f"{served_site}/cari/?q={quote('PHU')}")
    titles = result_titles(search_page)
    assert {KOTA_MAGELANG.title, "Tentang Kami"} <= set(titles) and WONOSOBO.title not in titles
    expect(search_page.locator(".pagefind-ui__search-input")).to_be_enabled()


def test_no_index_file_is_left_empty(site):
    """Pagefind's own WriteFiles answered before its last writes reached the disk: files came out empty."""
    files = [path for path in site.path("pagefind").rglob("*") if path.is_file()]
    assert len(files) > 10 and [path for path in files if path.stat().st_size == 0] == []


# -- the parts, without a build ----------------------------------------------------------------


def test_a_page_belongs_to_the_part_of_its_year_folder():
    from search_index.parts import in_order, part_of, parts_of

    assert part_of("2026/03/rakor/index.html") == "2026"
    assert part_of("2016/01/a/b/index.html") == "2016"
    for other in ("tentang-kami/index.html", "index.html", "2026", "20261/01/a/index.html", "202/01/a/index.html",
                  "٢٠٢٦/01/a/index.html", "kantor/2026/index.html", "cari/index.html"):
        assert part_of(other) == "lain", other
    assert in_order(["2021", "lain", "2026", "2021", "2025"]) == ["2026", "2025", "2021", "lain"]
    assert parts_of(["2022/08/a/index.html", "kontak/index.html", "2021/06/b/index.html"]) == ["2022", "2021", "lain"]
    assert parts_of(["2022/08/a/index.html"]) == ["2022"] and parts_of([]) == []


def test_only_a_tag_marked_with_data_pagefind_body_makes_a_page_indexable():
    from search_index.parts import marks_body

    for marked in (b'<article class="article" data-pagefind-body>', b"<main data-pagefind-body=''>",
                   b'<div\n  id=x data-pagefind-body\n>', b'<a title="x > y" data-pagefind-body>'):
        assert marks_body(b"<html><body>" + marked + b"</body></html>"), marked
    for not_marked in (b"<p>Tulis data-pagefind-body di templat.</p>",
                       b'<img alt="lihat data-pagefind-body" src="a.png">',
                       b'<a title=\'<b data-pagefind-body>\' href="/">x</a>',
                       b"<p data-pagefind-body-x>", b"<p data-pagefind-ignore>", b"data-pagefind-body", b""):
        assert not marks_body(b"<html><body>" + not_marked + b"</body></html>"), not_marked


def test_a_parts_signature_follows_its_pages_and_its_indexer():
    from search_index.parts import grouped, part_signature

    pages = {"2025/01/b/index.html": "b" * 64, "2025/01/a/index.html": "a" * 64}
    signature = part_signature("2025", pages, "pagefind 1.5.2 kode")
    assert signature == part_signature("2025", dict(reversed(pages.items())), "pagefind 1.5.2 kode")
    assert len(signature) == 64 and len({
        signature,
        part_signature("2024", pages, "pagefind 1.5.2 kode"),
        part_signature("2025", {**pages, "2025/01/a/index.html": "c" * 64}, "pagefind 1.5.2 kode"),
        part_signature("2025", {"2025/01/a/index.html": "a" * 64}, "pagefind 1.5.2 kode"),
        part_signature("2025", {"2025/01/c/index.html": "a" * 64, "2025/01/b/index.html": "b" * 64},
                       "pagefind 1.5.2 kode"),
        part_signature("2025", pages, "pagefind 1.6.0 kode"),
    }) == 6
    assert grouped({"kontak/index.html": "k", "2025/01/b/index.html": "b", "2026/02/a/index.html": "a",
                    "2025/01/a/index.html": "a"}) == {
        "2026": {"2026/02/a/index.html": "a"},
        "2025": {"2025/01/a/index.html": "a", "2025/01/b/index.html": "b"},
        "lain": {"kontak/index.html": "k"},
    }
    assert list(grouped({"2025/01/b/index.html": "b", "2025/01/a/index.html": "a"})["2025"]) == [
        "2025/01/a/index.html", "2025/01/b/index.html"]


def test_the_search_page_lists_its_parts_once_and_a_different_list_is_told():
    from search_index.parts import disagreement, listed_parts

    assert listed_parts('<div id="pencarian" data-search-parts="2026 2025 lain"></div>') == ["2026", "2025", "lain"]
    assert listed_parts('<div id="pencarian" data-search-parts=""></div>') == []
    assert listed_parts("<div></div>") is None
    assert listed_parts('<i data-search-parts="2026"></i><i data-search-parts="2026"></i>') is None
    assert disagreement(["2026", "lain"], ["2026", "lain"], "cari/index.html") is None
    message = disagreement(["2026", "2025", "lain"], ["2026", "2024"], "cari/index.html")
    assert "cari/index.html" in message and "2025, lain" in message and "tidak tercantum di halaman pencarian: 2024" in message
    assert "urutannya berbeda" in disagreement(["2025", "2026"], ["2026", "2025"], "cari/index.html")


def test_a_part_is_written_inside_its_folder_only_and_never_through_a_hard_link(tmp_path):
    from search_index.write import parts_present, remove_other_parts, write_part

    from sitelib.errors import SiteConfigError
    from sitelib.output import OutsideOutputError

    site, previous = tmp_path / "keluaran", tmp_path / "sebelumnya"
    (previous / "pagefind" / "2026").mkdir(parents=True)
    (previous / "pagefind" / "2026" / "pagefind.js").write_bytes(b"lama")
    (site / "pagefind" / "2026" / "lama").mkdir(parents=True)
    (site / "pagefind" / "2026" / "pagefind.js").hardlink_to(previous / "pagefind" / "2026" / "pagefind.js")
    write_part(site, "2026", {"pagefind.js": b"baru", "fragment/a.pf_fragment": b"x", "pagefind-entry.json": b"{}"})
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "pagefind/2026/fragment/a.pf_fragment", "pagefind/2026/pagefind-entry.json", "pagefind/2026/pagefind.js"]
    assert (site / "pagefind" / "2026" / "pagefind.js").read_bytes() == b"baru"
    assert (previous / "pagefind" / "2026" / "pagefind.js").read_bytes() == b"lama"  # the previous build is intact
    with pytest.raises(OutsideOutputError):
        write_part(site, "2026", {"../../../luar.js": b"x"})
    with pytest.raises(SiteConfigError):
        write_part(site, "2026", {"../2025/pagefind.js": b"x"})
    assert not (tmp_path / "luar.js").exists() and not (site / "pagefind" / "2025").exists()
    assert (site / "pagefind" / "2026" / "pagefind.js").read_bytes() == b"baru"
    (site / "pagefind" / "2019").mkdir()
    (site / "pagefind" / "pagefind.js").write_bytes(b"indeks lama")  # the single index of before the parts
    remove_other_parts(site, ["2026", "lain"])
    assert [p.name for p in (site / "pagefind").iterdir()] == ["2026"] and parts_present(site) == ["2026"]


def write_site(site, pages: dict[str, str], listed: str):
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(
            f'<!DOCTYPE html><html lang="id"><head><title>{text}</title></head>'
            f"<body><nav>menu</nav><article data-pagefind-body><h1>{text}</h1><p>{text}</p></article></body></html>",
            encoding="utf-8")
    (site / "cari").mkdir(exist_ok=True)
    (site / "cari" / "index.html").write_text(f'<div id="pencarian" data-search-parts="{listed}"></div>')


class Remembering:
    """A selection that keeps a folder whose signature is the one it saw last time, as an incremental build."""

    def __init__(self):
        self.seen: dict[str, str] = {}

    def keep_folder(self, folder: str, signature: str) -> bool:
        kept = self.seen.get(folder) == signature
        self.seen[folder] = signature
        return kept

    def fact(self, name: str, key: str):
        return None  # nothing linked in: every page is read

    def note(self, name: str, key: str, value) -> None:
        pass


def test_a_page_linked_in_unchanged_is_not_read_again_for_the_index(tmp_path):
    """The manifest records, per page, the hash of its HTML when it is to be indexed ("" when not): a page the
    incremental build links in from the last output is taken from there; any other page is read."""
    from search_index.indexing import INDEXED_FACT, indexable_pages
    from sitelib.build_manifest import Manifest
    from sitelib.build_selection import Selection

    site, previous = tmp_path / "situs", tmp_path / "lama"
    write_site(site, {"2025/06/lama/index.html": "Manasik lama", "2026/01/baru/index.html": "Manasik baru"}, "2026 2025")
    (site / "kontak").mkdir()
    (site / "kontak" / "index.html").write_text("<html><body><p>Kontak, tanpa tanda</p></body></html>")
    recorded = "ab" * 32
    old = Manifest("sidik", files={"2025/06/lama/index.html": {INDEXED_FACT: recorded},
                                   "2026/01/baru/index.html": {INDEXED_FACT: ""}, "kontak/index.html": {INDEXED_FACT: "../x"}})
    selection = Selection(site, "sidik", previous, old)
    selection.linked |= {"2025/06/lama/index.html", "kontak/index.html"}  # as keep_page does for unchanged pages
    pages = indexable_pages(site, selection)
    assert pages["2025"] == {"2025/06/lama/index.html": recorded}  # taken from the manifest, not read
    assert pages["2026"]["2026/01/baru/index.html"] != ""  # not linked in: read and hashed
    assert "kontak/index.html" not in pages.get("lain", {})  # a malformed fact: the page is read (unmarked)
    assert selection.new.files["2025/06/lama/index.html"][INDEXED_FACT] == recorded
    other_code = Selection(site, "sidik-lain", previous, old)
    other_code.linked.add("2025/06/lama/index.html")
    assert indexable_pages(site, other_code)["2025"]["2025/06/lama/index.html"] != recorded  # read again


def test_only_a_part_whose_pages_changed_is_indexed_again(tmp_path):
    from search_index.in_parts import index_in_parts

    from sitelib.build_selection import selection_for

    site = tmp_path / "situs"
    pages = {"2026/01/baru/index.html": "Manasik baru", "2025/06/lama/index.html": "Manasik lama",
             "kontak/index.html": "Kontak kami"}
    write_site(site, pages, "2026 2025 lain")
    (site / "2025" / "06" / "index.html").write_text("<html><body><p>arsip bulan, tanpa tanda</p></body></html>")
    assert index_in_parts(site, "cari/index.html", selection_for({})) == ["2026", "2025", "lain"]
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}
    assert index_in_parts(site, "cari/index.html", selection_for({})) == ["2026", "2025", "lain"]
    assert files == {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}

    selection = Remembering()
    assert index_in_parts(site, "cari/index.html", selection) == ["2026", "2025", "lain"]
    assert index_in_parts(site, "cari/index.html", selection) == []
    write_site(site, {"2026/01/baru/index.html": "Manasik diperbarui"}, "2026 2025 lain")
    kept = (site / "pagefind" / "2025" / "pagefind-entry.json").stat().st_ino
    assert index_in_parts(site, "cari/index.html", selection) == ["2026"]
    assert (site / "pagefind" / "2025" / "pagefind-entry.json").stat().st_ino == kept
    fragments = {p.name for p in (site / "pagefind" / "2026" / "fragment").iterdir()}
    assert fragments and not fragments & {name.rsplit("/", 1)[1] for name in files if name.startswith("pagefind/2026/fragment/")}


def test_a_search_page_listing_other_parts_stops_the_build(tmp_path):
    from search_index.in_parts import index_in_parts

    from sitelib.build_selection import selection_for
    from sitelib.errors import SiteConfigError

    site = tmp_path / "situs"
    write_site(site, {"2026/01/baru/index.html": "Manasik"}, "2026 lain")
    with pytest.raises(SiteConfigError, match="tercantum di halaman pencarian tetapi tanpa halaman berita: lain"):
        index_in_parts(site, "cari/index.html", selection_for({}))
    assert not (site / "pagefind").exists()
    (site / "cari" / "index.html").write_text("<p>tanpa daftar</p>")
    with pytest.raises(SiteConfigError, match="data-search-parts"):
        index_in_parts(site, "cari/index.html", selection_for({}))
