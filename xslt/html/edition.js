// teiedition: two small things the pages do with a script; everything else works without.
// 1. The reader's choice of reading (normalised or diplomatic) is kept across the pages of
//    the edition (the CSS shows the checked reading; this only remembers the choice).
// 2. The search page starts Pagefind's interface (pagefind/pagefind-ui.js), with the query
//    of the search box (?q=...). Opened from the disk, Pagefind cannot load its index: the
//    page then keeps its one line on how to serve the edition.
(function () {
  "use strict";
  var KEY = "teiedition-reading";
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* storage off: no memory */ }
  }
  function readings() {
    var radios = document.querySelectorAll('input[name="reading"]');
    var value = stored();
    radios.forEach(function (radio) {
      if (value && radio.value === value) { radio.checked = true; }
      radio.addEventListener("change", function () { if (radio.checked) { store(radio.value); } });
    });
  }
  function search() {
    var box = document.getElementById("search");
    if (!box || window.location.protocol === "file:" || typeof PagefindUI === "undefined") {
      return;
    }
    box.textContent = "";
    var ui = new PagefindUI({ element: "#search", showSubResults: false, showImages: false,
                              resetStyles: false });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    readings();
    search();
  });
})();
