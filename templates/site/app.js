// Filters the decisions table by status and verdict and searches titles and text.
// The search data (search-index.js) is written at build time; nothing is fetched, so the
// page also works opened straight from disk.
(function () {
  "use strict";
  var table = document.getElementById("decisions");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var search = document.getElementById("search");
  var status = document.getElementById("filter-status");
  var verdict = document.getElementById("filter-verdict");
  var shown = document.getElementById("shown");
  var none = document.getElementById("none");
  var index = window.KV_SEARCH || {};

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean);
  }

  function apply() {
    var wanted = words(search.value);
    var count = 0;
    rows.forEach(function (row) {
      var ok = (!status.value || row.getAttribute("data-status") === status.value)
        && (!verdict.value || row.getAttribute("data-verdict") === verdict.value);
      if (ok && wanted.length) {
        var text = (index[row.getAttribute("data-id")] || "") + " " + row.textContent.toLowerCase();
        ok = wanted.every(function (w) { return text.indexOf(w) >= 0; });
      }
      row.hidden = !ok;
      if (ok) { count++; }
    });
    shown.textContent = count + " of " + rows.length + " decisions";
    none.hidden = count !== 0;
  }

  search.addEventListener("input", apply);
  status.addEventListener("change", apply);
  verdict.addEventListener("change", apply);
  apply();
})();
