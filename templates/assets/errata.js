// Errata's page behaviour: copy buttons and the "/" shortcut. Loads nothing from outside the site.
(function () {
  "use strict";
  // The words of the page's language, from assets/messages/LANG.js (English if it is missing).
  var M = window.ErrataMessages || {};
  function say(key, fallback) { return M[key] !== undefined ? M[key] : fallback; }
  function copyText(text, button) {
    function done(ok) {
      var old = button.textContent;
      button.textContent = ok ? say("copied", "Copied") : say("press_copy", "Press Ctrl+C");
      setTimeout(function () { button.textContent = old; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
    } else {
      done(fallback(text));
    }
  }
  // file:// pages are not a secure context, so the Clipboard API is missing there.
  function fallback(text) {
    var t = document.createElement("textarea");
    t.value = text; t.setAttribute("readonly", ""); t.style.position = "absolute"; t.style.left = "-9999px";
    document.body.appendChild(t); t.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(t);
    return ok;
  }
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("button.copy") : null;
    if (b) { copyText(b.getAttribute("data-copy") || "", b); }
  });
  // What this script adds to the page's elements, applied again when `errata serve` swaps in a
  // rebuilt body (the "errata:swap" event; the listeners above are on the document and stay).
  function enhance() {
    // Code blocks in entry bodies get a copy button too.
    document.querySelectorAll(".body pre > code").forEach(function (code) {
      var pre = code.parentNode, wrap = document.createElement("div");
      wrap.className = "copyable"; pre.parentNode.insertBefore(wrap, pre); wrap.appendChild(pre);
      var b = document.createElement("button");
      b.type = "button"; b.className = "copy"; b.textContent = say("copy", "Copy"); b.setAttribute("data-copy", code.textContent);
      wrap.appendChild(b);
    });
    // Headings of entry bodies carry ids; a visible "#" link makes each section easy to share.
    document.querySelectorAll(".body h2[id], .body h3[id]").forEach(function (h) {
      var a = document.createElement("a");
      a.className = "anchor"; a.href = "#" + h.id; a.textContent = "#";
      a.setAttribute("aria-label", say("anchor", "Link to this section"));
      h.appendChild(a);
    });
    // The theme choice: automatic (the system's), light or dark, kept in localStorage; theme.js
    // applies it before the page is drawn.
    var theme = document.getElementById("theme");
    if (theme) {
      var saved = null;
      try { saved = window.localStorage.getItem("errata-theme"); } catch (e) { saved = null; }
      theme.value = saved === "light" || saved === "dark" ? saved : "auto";
      theme.addEventListener("change", function () {
        var v = theme.value;
        try {
          if (v === "auto") { window.localStorage.removeItem("errata-theme"); } else { window.localStorage.setItem("errata-theme", v); }
        } catch (e) { /* not kept, but applied to this page */ }
        if (v === "auto") { document.documentElement.removeAttribute("data-theme"); }
        else { document.documentElement.setAttribute("data-theme", v); }
      });
      theme.parentNode.hidden = false;
    }
  }
  enhance();
  document.addEventListener("errata:swap", enhance);
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || (document.activeElement && document.activeElement.isContentEditable)) { return; }
    var box = document.getElementById("q") || document.getElementById("site-q");
    if (box) { ev.preventDefault(); box.focus(); }
  });
})();
