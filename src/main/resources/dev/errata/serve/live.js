// Added by `errata serve` to each page it serves (never written into a built site): renews the
// page after each good build and shows what stops a failed one over the last good page.
(function () {
  "use strict";
  // The interface strings of this script, in one place.
  var TEXT = { title: "The site was not rebuilt", kept: "The last good site is shown until this is fixed.", close: "Hide" };
  var OVERLAY = "errata-live-overlay";
  var events = new EventSource("/_errata/events");
  events.addEventListener("reload", refresh);
  events.addEventListener("problems", function (e) {
    show(JSON.parse(e.data));
  });

  // A page whose every script says it copes (data-live="swap": it re-applies itself on the
  // "errata:swap" event) gets its new body swapped in: a fetch and a parse instead of a whole
  // navigation, so a save shows sooner and the scroll position stays. Anything else (other
  // scripts, another head, a failed fetch) reloads the whole page, which is always right.
  function refresh() {
    var here = location.href.split("#")[0];
    if (!swappable(document)) { location.reload(); return; }
    fetch(here, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("status " + r.status);
      return r.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      if (!swappable(next) || frame(next) !== frame(document) || scripts(next) !== scripts(document)) {
        location.reload();
        return;
      }
      document.title = next.title;
      document.documentElement.lang = next.documentElement.lang;
      document.body.replaceWith(document.adoptNode(next.body));
      document.dispatchEvent(new CustomEvent("errata:swap"));
    }).catch(function () { location.reload(); });
  }

  function swappable(doc) {
    var all = doc.querySelectorAll("script");
    for (var i = 0; i < all.length; i++) {
      var s = all[i];
      if (s.getAttribute("data-live") !== "swap" && s.getAttribute("src") !== "/_errata/live.js") return false;
    }
    return true;
  }

  // The head without its title: stylesheets, scripts and metadata that a swap would not renew.
  function frame(doc) {
    var parts = [];
    Array.prototype.forEach.call(doc.head.children, function (el) {
      if (el.tagName !== "TITLE") parts.push(el.outerHTML);
    });
    return parts.join("\n");
  }

  function scripts(doc) {
    return Array.prototype.map.call(doc.querySelectorAll("script"), function (s) {
      return (s.getAttribute("src") || "") + "\u0000" + (s.getAttribute("src") ? "" : s.textContent);
    }).join("\n");
  }

  function show(problems) {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;"
      + "background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
    var h = document.createElement("h2");
    h.textContent = TEXT.title;
    h.style.cssText = "color:#ff8080;margin:0 0 .5rem;font-size:1.3rem";
    box.appendChild(h);
    var kept = document.createElement("p");
    kept.textContent = TEXT.kept;
    box.appendChild(kept);
    var list = document.createElement("ul");
    list.style.cssText = "list-style:none;padding:0";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "errata-live-problem";
      li.style.cssText = "margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #ff8080";
      var where = document.createElement("strong");
      where.className = "errata-live-where";
      where.textContent = p.file ? p.file + (p.line > 0 ? ":" + p.line : "") + ": " : "";
      li.appendChild(where);
      li.appendChild(document.createTextNode(p.message + (p.hint ? "\n" + p.hint : "")));
      list.appendChild(li);
    });
    box.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = TEXT.close;
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(close);
    document.body.appendChild(box);
  }
})();
