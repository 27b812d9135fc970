// The search page: Pagefind's UI, started with the query from the header form (?q=).
(function () {
  "use strict";
  var root = document.getElementById("pencarian");
  if (!root || typeof window.PagefindUI !== "function") { return; }
  // The index is in parts, one Pagefind bundle each in pagefind/PART/, newest year first, as the build
  // lists them (data-search-parts); the UI comes from the first and merges the others in.
  var parts = (root.getAttribute("data-search-parts") || "").split(" ").filter(Boolean);
  var script = document.querySelector("script[src*='pagefind-ui']");
  if (!parts.length || !script) { return; }
  document.querySelector(".search-nojs").hidden = true;
  var folder = new URL("..", script.src);  // pagefind/
  var bundle = function (part) { return new URL(part + "/", folder).pathname; };
  // Result links are site paths; the site may live below a folder (GitHub Pages).
  var baseUrl = new URL("..", folder).pathname;
  var options = { baseUrl: baseUrl, excerptLength: 30 };
  var READY_TIMEOUT_MS = 15000;
  // The UI takes the parts already merged here, not through its own mergeIndex: it would start the first
  // search while the older parts' filter lists are still loading, and a search reports only the filter
  // values loaded so far, so "Tahun" would list the newest year alone (Pagefind UI 1.5.2).
  var ui = new window.PagefindUI({
    element: "#pencarian",
    bundlePath: bundle(parts[0]),
    baseUrl: baseUrl,
    excerptLength: options.excerptLength,
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
  // Until every part and every filter list is in, the box waits: a search started earlier would miss them.
  var input = root.querySelector("input");
  input.disabled = true;
  root.setAttribute("aria-busy", "true");
  var started = false;
  var ready = function () {
    if (started) { return; }
    started = true;
    input.disabled = false;
    root.removeAttribute("aria-busy");
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  };
  // A part that never answers (a stalled connection) must not keep the box disabled for good.
  window.setTimeout(ready, READY_TIMEOUT_MS);
  // Only parts whose entry file loads are merged: one that failed would make every search fail.
  var loads = function (part) {
    return fetch(bundle(part) + "pagefind-entry.json").then(function (response) { return response.ok; },
      function () { return false; });
  };
  // The same module the UI loads (one module per address), so it shares the merged parts.
  import(new URL(bundle(parts[0]) + "pagefind.js", script.src).href).then(function (pagefind) {
    return Promise.all([pagefind.options(options)].concat(parts.slice(1).map(loads))).then(function (answers) {
      var older = parts.slice(1).filter(function (part, index) { return answers[index + 1]; });
      return Promise.all(older.map(function (part) {
        return pagefind.mergeIndex(bundle(part), { baseUrl: baseUrl });
      }));
    }).then(function () { return pagefind.filters(); });
  }).then(ready, ready);  // a failure on the way still gives the reader the box
}());
