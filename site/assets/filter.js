/* Filter the case index by city, year, damage type and stage. Written for this site (no library).
 * Without JavaScript the form stays hidden and the table lists every case. */
(function () {
  "use strict";
  function setup(form) {
    var table = document.getElementById(form.getAttribute("data-er-filter"));
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector(".er-count");
    function matches(row, select) {
      var wanted = select.value;
      if (!wanted) { return true; }
      return (row.getAttribute("data-" + select.name) || "").split("|").indexOf(wanted) !== -1;
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) { return matches(row, select); });
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (count) { count.textContent = "显示 " + shown + " / " + rows.length + " 件"; }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-er-filter]"), setup);
  }
  /* Material's instant navigation swaps pages without reloading: re-run on each page when available. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
