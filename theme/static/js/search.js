// The search page: Pagefind's UI, started with the query from the header form (?q=).
(function () {
  "use strict";
  var root = document.getElementById("pencarian");
  if (!root || typeof window.PagefindUI !== "function") { return; }
  document.querySelector(".search-nojs").hidden = true;
  // Result links are site paths; the site may live below a folder (GitHub Pages).
  var bundle = document.querySelector("script[src*='pagefind-ui']").src;
  var ui = new window.PagefindUI({
    element: "#pencarian",
    baseUrl: new URL("..", bundle).pathname,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: {
      placeholder: "Cari berita",
      clear_search: "Hapus",
      load_more: "Tampilkan lebih banyak",
      search_label: "Cari di situs ini",
      filters_label: "Saring",
      zero_results: "Tidak ada hasil untuk [SEARCH_TERM]",
      many_results: "[COUNT] hasil untuk [SEARCH_TERM]",
      one_result: "[COUNT] hasil untuk [SEARCH_TERM]",
      alt_search: "Tidak ada hasil untuk [SEARCH_TERM]. Menampilkan hasil untuk [DIFFERENT_TERM]",
      search_suggestion: "Tidak ada hasil untuk [SEARCH_TERM]. Coba kata lain:",
      searching: "Mencari [SEARCH_TERM]..."
    }
  });
  // On phones the filters stay folded behind one "Saring" button (CSS), so results come first.
  var toggle = document.querySelector(".search-filter-toggle");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = root.classList.toggle("filters-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
}());
