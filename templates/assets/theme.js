// The reader's light or dark choice, applied before the page is drawn (this script is in the
// head and loads nothing), so that a chosen theme never flashes the other one. Without a choice
// the stylesheet follows the system's (prefers-color-scheme). errata.js offers the choice.
(function () {
  "use strict";
  try {
    var t = window.localStorage.getItem("errata-theme");
    if (t === "light" || t === "dark") { document.documentElement.setAttribute("data-theme", t); }
  } catch (e) { /* storage refused (some file:// settings): the system's choice stands */ }
})();
