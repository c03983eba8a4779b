// The search page: reads the query from the address, answers as you type, paste or press Enter,
// and writes every piece of pasted text into the page as text, never as HTML.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var box = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var filtersBox = document.getElementById("filters");
  if (!box || !list || !window.Errata || !window.Errata.engine) { return; }
  // Above the results, when a log shows several known failures; under them, lines skipped.
  var several = document.getElementById("search-several") || list.parentNode.insertBefore(document.createElement("p"), list);
  var skippedNote = document.getElementById("search-skipped") || list.parentNode.insertBefore(document.createElement("p"), list.nextSibling);

  // Index parts are scripts that call errataIndex(name, data): that works from file:// too.
  var pending = {};
  window.errataIndex = function (name, data) {
    if (pending[name]) { pending[name].resolve(data); }
  };
  function load(name) {
    return new Promise(function (resolve, reject) {
      pending[name] = { resolve: resolve };
      var s = document.createElement("script");
      s.src = root + "search/" + name + ".js";
      s.async = true;
      s.onerror = function () { reject(new Error("cannot load " + s.src)); };
      s.onload = function () { s.parentNode.removeChild(s); };
      document.head.appendChild(s);
    });
  }
  var engine = window.Errata.engine.create(load);
  var filters = { component: null, tag: null, status: null };
  var generation = 0;
  var MAX_URL_QUERY = 8192, PROGRESS_FROM = 2000;
  // The failure line no entry explains is shown in the status as far as the terminal shows it (MatchCommand.highlight).
  var MAX_SHOWN_LINE = 300;

  // The words of the page's language (assets/messages/LANG.js): {0}, {1}... are filled in, and a
  // count picks KEY.one or KEY.other. A missing file or word shows its key, which a test notices.
  var M = window.ErrataMessages || {};
  function say(key) {
    var args = arguments, text = M[key] !== undefined ? M[key] : key;
    return text.replace(/\{(\d+)\}/g, function (all, n) { return +n + 1 < args.length ? String(args[+n + 1]) : all; });
  }
  function sayN(key, n) {
    var args = Array.prototype.slice.call(arguments, 1);
    return say.apply(null, [key + (n === 1 ? ".one" : ".other")].concat(args));
  }
  function num(n) { return n.toLocaleString("en-US"); }
  function why(r) {
    switch (r.k) {
      case "seen": return say("reason.seen", r.n, r.first);
      case "shares": return say("reason.shares", r.words.join(say("list_sep")));
      case "verdict": return say("reason.verdict", r.component, r.version, r.source, say("verdict." + r.verdict), r.ranges);
      case "coverage": return say("reason.coverage", r.line, r.pct);
      default: return say("reason." + r.k, r.line);
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function copyButton(text) {
    var b = el("button", "copy", say("copy"));
    b.type = "button";
    b.setAttribute("data-copy", text);
    return b;
  }

  function highlighted(line) {
    var pre = el("pre", "matched-line"), code = el("code"), text = line.text, pos = 0;
    line.highlights.forEach(function (h) {
      if (h[0] < pos || h[1] > text.length) { return; }
      code.appendChild(document.createTextNode(text.substring(pos, h[0])));
      code.appendChild(el("mark", null, text.substring(h[0], h[1])));
      pos = h[1];
    });
    code.appendChild(document.createTextNode(text.substring(pos)));
    pre.appendChild(code);
    return pre;
  }

  function entryLink(url, title) {
    var a = el("a", "result-title", title);
    a.href = root + url;
    return a;
  }

  function renderMatch(m) {
    var li = el("li", "result");
    li.setAttribute("data-entry-id", m.id);
    li.setAttribute("data-confidence", m.confidence);
    // The verdicts in words no translation changes, for scripts and tests: "ledger 3.4.1 affected; ...".
    li.setAttribute("data-verdicts", m.affected.map(function (v) { return v.component + " " + v.version + " " + v.verdict; }).join("; "));
    var h = el("h2");
    h.appendChild(entryLink(m.url, m.title));
    h.appendChild(el("span", "confidence confidence-" + m.confidence, say("confidence." + m.confidence)));
    h.appendChild(el("span", "status status-" + m.status, say("status." + m.status)));
    li.appendChild(h);
    li.appendChild(el("p", "summary", m.summary));
    if (m.line) {
      li.appendChild(el("p", "why", say("line_of_paste", m.line.number)));
      li.appendChild(highlighted(m.line));
      li.appendChild(el("p", "why", say("known_symptom")));
      var pre = el("pre", "symptom");
      pre.appendChild(el("code", null, m.symptom));
      li.appendChild(pre);
    }
    if (m.occurrences > 1) {
      li.appendChild(el("p", "occurrences", say("occurrences", num(m.first_line), num(m.occurrences))));
    }
    // The reasons in the page's words, from their parts (m.why); m.reasons are the English ones.
    var reasons = m.why ? m.why.map(why) : m.reasons;
    if (reasons.length) {
      var ul = el("ul", "reasons");
      reasons.forEach(function (r) { ul.appendChild(el("li", null, r)); });
      li.appendChild(ul);
    }
    if (m.affected.some(function (v) { return v.verdict !== "affected"; }) && !m.affected.some(function (v) { return v.verdict === "affected"; })) {
      li.appendChild(el("p", "note", say("outside_ranges")));
    }
    if (m.fix && m.fix.commands.length) {
      li.appendChild(el("p", "why", say("fix", m.fix.title)));
      var wrap = el("div", "copyable"), cmd = el("pre", "commands");
      var text = m.fix.commands.join("\n");
      cmd.appendChild(el("code", "language-bash", text));
      wrap.appendChild(cmd);
      wrap.appendChild(copyButton(text));
      li.appendChild(wrap);
    }
    return li;
  }

  function renderWordHit(info, hit) {
    var li = el("li", "result");
    li.setAttribute("data-entry-id", info.id);
    var h = el("h2");
    h.appendChild(entryLink(info.url, info.title));
    h.appendChild(el("span", "status status-" + info.status, say("status." + info.status)));
    li.appendChild(h);
    li.appendChild(el("p", "summary", info.summary));
    li.appendChild(el("p", "note", say("found_by", hit.terms.join(say("list_sep")))));
    if (info.fix && info.fix.length) {
      var wrap = el("div", "copyable"), cmd = el("pre", "commands"), text = info.fix.join("\n");
      cmd.appendChild(el("code", "language-bash", text));
      wrap.appendChild(cmd);
      wrap.appendChild(copyButton(text));
      li.appendChild(wrap);
    }
    return li;
  }

  // Paste.looksLikePaste in Java, which errata match applies too (Paste.MAX_TYPED_WORDS, MAX_TYPED; PasteTest holds them equal).
  function looksLikePaste(text) {
    return text.indexOf("\n") >= 0 || text.split(/\s+/).filter(Boolean).length > 12 || /[:\[\]()'"=]/.test(text);
  }

  function setStatus(text) { status.textContent = text; }

  // The no-match offer: the command that drafts the entry, and site.yml's new_entry_url filled in
  // as NewEntryLink.java fills it (the same placeholders, encoding and limits).
  var offerBox = document.getElementById("no-match-offer");
  function offer(text) {
    if (!offerBox) { return; }
    var max = Number(offerBox.getAttribute("data-max-url"));
    document.getElementById("no-match-command").textContent = text.length <= max
      ? "errata new --from-error " + shellQuote(text) : "errata new --from-error -    " + say("offer_stdin");
    var link = newEntryLink(offerBox.getAttribute("data-new-entry-url") || "", text, max, Number(offerBox.getAttribute("data-max-title")));
    document.getElementById("no-match-link").href = link || "#";
    document.getElementById("no-match-propose").hidden = !link;
    offerBox.hidden = false;
  }
  function shellQuote(s) {
    return /^[A-Za-z0-9_.\/=:,+@%-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
  }
  function encode(s) {
    return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, function (m, before) {
      return (before || "") + "\uFFFD";
    }));
  }
  function newEntryLink(template, paste, max, maxTitle) {
    if (!template) { return ""; }
    var title = "", lines = paste.split(/\r?\n|\r/);
    for (var i = 0; i < lines.length; i++) {
      var t = lines[i].replace(/^[ \t\f\v]+|[ \t\f\v]+$/g, "");
      if (t) { title = Array.from(t).slice(0, maxTitle).join(""); break; }
    }
    var url = template.split("{title}").join(encode(title));
    var n = url.split("{paste}").length - 1;
    if (n === 0) { return url; }
    var budget = Math.floor((max - (url.length - "{paste}".length * n)) / n);
    var whole = encode(paste), cut = whole;
    if (whole.length > budget) {
      var tail = encode("\u2026"), out = "";
      for (var cp of paste) {
        var one = encode(cp);
        if (out.length + one.length + tail.length > budget) { break; }
        out += one;
      }
      cut = out.length + tail.length <= budget ? out + tail : "";
    }
    return url.split("{paste}").join(cut);
  }

  function clear() {
    if (offerBox) { offerBox.hidden = true; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    several.hidden = true;
    skippedNote.hidden = true;
    selected = -1;
  }

  // Facets arrive as, for each component and tag, its entries (ascending), and the status as one
  // digit per entry (its place among status.values); sets are made once.
  var facetSets = null;
  function sets(facets) {
    if (facetSets || !facets) { return facetSets; }
    facetSets = { status: {} };
    var status = facets.status;
    status.values.forEach(function (value) { facetSets.status[value] = new Set(); });
    for (var id = 0; id < status.each.length; id++) {
      facetSets.status[status.values[status.each.charCodeAt(id) - 48]].add(id);
    }
    ["component", "tag"].forEach(function (kind) {
      facetSets[kind] = {};
      Object.keys(facets[kind]).forEach(function (value) {
        facetSets[kind][value] = new Set(facets[kind][value]);
      });
    });
    return facetSets;
  }

  // Each entry's values of each facet (numbers into the kind's values), from the facets file.
  var facetIndex = null;
  function byEntry(fs) {
    if (facetIndex) { return facetIndex; }
    facetIndex = {};
    Object.keys(fs).forEach(function (kind) {
      var values = Object.keys(fs[kind]), of = new Map();
      values.forEach(function (value, n) {
        fs[kind][value].forEach(function (id) {
          if (!of.has(id)) { of.set(id, []); }
          of.get(id).push(n);
        });
      });
      facetIndex[kind] = { values: values, of: of };
    });
    return facetIndex;
  }

  function renderFilters(facets, hits) {
    while (filtersBox.firstChild) { filtersBox.removeChild(filtersBox.firstChild); }
    var fs = sets(facets);
    if (!fs || hits.length === 0) { filtersBox.hidden = true; return; }
    var idx = byEntry(fs);
    ["status", "component", "tag"].forEach(function (kind) {
      // One pass over the hits, counting by value number: a common word hits thousands of entries.
      var values = idx[kind].values, of = idx[kind].of, tally = new Int32Array(values.length);
      for (var i = 0; i < hits.length; i++) {
        var vs = of.get(hits[i].entry);
        if (vs) { for (var k = 0; k < vs.length; k++) { tally[vs[k]]++; } }
      }
      var counts = [];
      for (var v = 0; v < values.length; v++) { if (tally[v] > 0) { counts.push([values[v], tally[v]]); } }
      counts.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); }).slice(0, 12).forEach(function (c) {
        var b = el("button", "filter", c[0] + " (" + c[1] + ")");
        b.type = "button";
        b.setAttribute("aria-pressed", filters[kind] === c[0] ? "true" : "false");
        b.setAttribute("data-filter", kind + ":" + c[0]);
        b.addEventListener("click", function () {
          filters[kind] = filters[kind] === c[0] ? null : c[0];
          run();
        });
        filtersBox.appendChild(b);
      });
    });
    filtersBox.hidden = false;
  }

  function passes(facets, hit) {
    var fs = sets(facets);
    if (!fs) { return true; }
    return ["status", "component", "tag"].every(function (kind) {
      return filters[kind] === null || (fs[kind][filters[kind]] && fs[kind][filters[kind]].has(hit.entry));
    });
  }

  function words(text, mine, note) {
    return engine.searchWords(text).then(function (hits) {
      return engine.facets().then(function (facets) {
        if (mine !== generation) { return; }
        // One result per entry and its translations: the first, best ranked, stands for them,
        // in the results and in the filters' counts alike.
        var families = new Set();
        var unique = hits.filter(function (h) {
          var f = engine.familyOf(h.entry);
          if (families.has(f)) { return false; }
          families.add(f);
          return true;
        });
        var shown = unique.filter(function (h) { return passes(facets, h); });
        renderFilters(facets, unique);
        var top = shown.slice(0, 10);
        return engine.entries(top.map(function (h) { return h.entry; })).then(function (infos) {
          if (mine !== generation) { return; }
          clear();
          top.forEach(function (h) { list.appendChild(renderWordHit(infos[h.entry], h)); });
          setStatus((note ? note + " " : "") + (shown.length === 0 ? say("no_words") : sayN("words", shown.length)));
        });
      });
    });
  }

  function run() {
    var text = box.value;
    var mine = ++generation;
    var url = new URL(window.location.href);
    // A long paste stays out of the address (browsers cap its length, and rewriting it is slow).
    if (text.trim() && text.length <= MAX_URL_QUERY) { url.searchParams.set("q", text); } else { url.searchParams.delete("q"); }
    try { window.history.replaceState(null, "", url.toString()); } catch (e) { /* file:// may refuse; the page still works */ }
    if (!text.trim()) { clear(); filtersBox.hidden = true; setStatus(""); return Promise.resolve(); }
    setStatus(say("searching"));
    var paste = text.length > MAX_URL_QUERY || looksLikePaste(text);
    var options = {
      top: 5, lang: document.documentElement.lang || "en",
      // A newer paste or query replaces this run: it stops at its next slice.
      cancelled: function () { return mine !== generation; },
      progress: function (p) {
        if (mine !== generation || p.total < PROGRESS_FROM) { return; }
        setStatus(say(p.phase === "reading" ? "reading" : "matching", num(p.done), num(p.total)));
      }
    };
    return engine.match(text, options).then(function (report) {
      if (mine !== generation) { return; }
      if (report.confident || (paste && report.matches.length)) {
        clear();
        filtersBox.hidden = true;
        var confident = report.matches.filter(function (m) { return m.confident; });
        if (confident.length > 1) {
          several.textContent = say("several", confident.length);
          several.hidden = false;
        }
        report.matches.forEach(function (m) { list.appendChild(renderMatch(m)); });
        if (report.skipped > 0) {
          skippedNote.textContent = say("skipped", num(report.skipped));
          skippedNote.hidden = false;
        }
        var vs = report.versions.map(function (v) { return v.component + " " + v.version; }).join(say("list_sep"));
        if (!report.confident) { offer(text); }
        var line = report.unexplained;
        var notConfident = line ? say("unexplained", num(line.number), line.text.length > MAX_SHOWN_LINE
          ? line.text.slice(0, MAX_SHOWN_LINE) + "\u2026" : line.text) : say("not_confident");
        setStatus((report.confident ? sayN("found", Math.max(1, confident.length)) : notConfident) +
          (vs ? say("versions_seen", vs) : ""));
        return;
      }
      if (paste) {
        return words(text, mine, say("no_match")).then(function () {
          if (mine === generation) { offer(text); }
        });
      }
      return words(text, mine, "");
    }).catch(function (err) {
      if (mine !== generation || (err && err.cancelled)) { return; }
      clear();
      setStatus(say("unavailable", err.message));
    });
  }

  // Keyboard: arrows move through results, Enter opens the selected one.
  var selected = -1;
  function select(i) {
    var items = list.querySelectorAll(".result");
    if (items.length === 0) { return; }
    selected = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (li, k) { li.setAttribute("aria-selected", k === selected ? "true" : "false"); });
    items[selected].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (ev) {
    // In a pasted log the arrows move the caret; they move through results from a one-line query.
    if (ev.target === box && box.value.indexOf("\n") >= 0) { return; }
    if (ev.key === "ArrowDown") { select(selected + 1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { select(selected - 1); ev.preventDefault(); }
    else if (ev.key === "Enter" && selected >= 0 && !(ev.target === box && ev.shiftKey)) {
      var a = list.querySelectorAll(".result")[selected].querySelector("a.result-title");
      if (a) { ev.preventDefault(); window.location.href = a.href; }
    }
  });

  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    run();
  });

  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) { box.value = initial; run(); }
  window.errataSearchRun = run;
})();
