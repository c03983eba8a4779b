// The site's search engine: loads the index parts the build wrote (search/*.js, described in
// docs/search-index.md) as a query needs them, and runs the matcher and word search over them.
// The jobs live in their own files, loaded before this one by plain script tags (so the site
// searches from file:// too): errata-text.js (tokens, terms, pastes, versions named in them),
// errata-version.js (version order and ranges), errata-search.js (word search) and
// errata-match.js (alignment, ranking, confidence), each a port of its Java package. They share
// one global, Errata; the numbers they rank with are the Java constants the manifest carries,
// which this file hands them (Errata.constants) when the manifest arrives.
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});
  var K = Errata.constants || (Errata.constants = {});
  var hasOwn = Object.prototype.hasOwnProperty;

  /** Takes the manifest's constants ({Class: {NAME: value}}): every job reads them as K.Class.NAME. */
  function useConstants(constants) {
    Object.keys(constants).forEach(function (c) { K[c] = constants[c]; });
  }

  function Engine(load) {
    this.load = load;
    this.parts = {};
    this.words = {};
  }

  Engine.prototype.part = function (name) {
    var self = this;
    if (!this.parts[name]) { this.parts[name] = Promise.resolve(this.load(name)); }
    return this.parts[name].then(function (d) { return d; }, function () { delete self.parts[name]; return null; });
  };

  Engine.prototype.manifest = function () {
    var self = this;
    if (!this.manifestPromise) {
      this.manifestPromise = this.part("manifest").then(function (m) {
        if (!m) { throw new Error("search index missing: search/manifest.js"); }
        // Schema 6 writes lists of numbers as strings (NumberList); an older index cannot be read.
        if (!m.constants || !m.slots || !(m.schema >= 6)) { throw new Error("search/manifest.js is from an older build: rebuild the site"); }
        useConstants(m.constants);
        m.compiled = Errata.text.compileRules(m.rules);
        self.m = m;
        return m;
      });
    }
    return this.manifestPromise;
  };

  /** FNV-1a over UTF-16 code units, as SearchIndexWriter.hash: which key part holds a word. */
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }

  // A list of numbers as the index writes it (NumberList): base 32, most significant digit
  // first, the last digit of each number from LAST and the others from LEADING.
  var LAST = "0123456789abcdefghijklmnopqrstuv", LEADING = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) { DIGIT[LAST.charCodeAt(d)] = d; DIGIT[LEADING.charCodeAt(d)] = 32 + d; }
  function numbers(s) {
    var out = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var c = DIGIT[s.charCodeAt(i)];
      if (c < 32) { out.push(v * 32 + c); v = 0; } else { v = v * 32 + c - 32; }
    }
    return out;
  }

  /** Ascending numbers written as the gaps between them. */
  function undelta(s) { var a = numbers(s), out = new Array(a.length), prev = 0; for (var i = 0; i < a.length; i++) { prev += a[i]; out[i] = prev; } return out; }
  /** A posting written as gap, weight, gap, weight, ...: {entries, weight}. */
  function posting(s) {
    var a = numbers(s), n = a.length / 2, e = new Array(n), wt = new Array(n), prev = 0;
    for (var i = 0; i < n; i++) { prev += a[2 * i]; e[i] = prev; wt[i] = a[2 * i + 1]; }
    return { entries: e, weight: wt };
  }

  // Loads the key parts for some words; returns {literal: key -> [tids], postings: term -> posting}.
  Engine.prototype.keys = function (words) {
    var m = this.m, self = this, shards = {};
    words.forEach(function (w) { shards[hash(w) % m.keyParts] = true; });
    var ids = Object.keys(shards);
    return Promise.all(ids.map(function (id) { return self.part("k/" + id); })).then(function (parts) {
      var literal = {}, postings = {};
      words.forEach(function (w) {
        var p = parts[ids.indexOf(String(hash(w) % m.keyParts))];
        if (!p) { return; }
        if (hasOwn.call(p.l, w)) { literal[w] = undelta(p.l[w]); }
        if (hasOwn.call(p.t, w)) { postings[w] = posting(p.t[w]); }
      });
      return { literal: literal, postings: postings };
    });
  };

  // Rows of parts that hold a fixed number each (templates, entries): {id: row}, loading each part once.
  Engine.prototype.rows = function (ids, per, dir) {
    var self = this, need = {};
    ids.forEach(function (i) { need[Math.floor(i / per)] = true; });
    var names = Object.keys(need);
    return Promise.all(names.map(function (n) { return self.part(dir + "/" + n); })).then(function (parts) {
      var out = {};
      ids.forEach(function (i) { out[i] = parts[names.indexOf(String(Math.floor(i / per)))][i % per]; });
      return out;
    });
  };

  /** Templates by number: {entry, primary, explicit, downstream, text, items: [{slot (Template.Slot's name), text}]}. */
  Engine.prototype.templates = function (tids) {
    var slots = this.m.slots;
    return this.rows(tids, this.m.templatesPerPart, "t").then(function (rows) {
      var out = {};
      tids.forEach(function (t) {
        var row = rows[t], items = [];
        for (var k = 0; k < row[3].length; k += 2) { items.push({ slot: slots[row[3][k]], text: row[3][k + 1] }); }
        out[t] = { entry: row[0], primary: (row[1] & 1) === 1, explicit: (row[1] & 2) === 2, downstream: (row[1] & 4) === 4, text: row[2], items: items };
      });
      return out;
    });
  };

  /** What results show of entries, by number; components as {name, affected: [ranges], fixed: [versions]}. */
  Engine.prototype.entries = function (eids) {
    return this.rows(eids, this.m.entriesPerPart, "e").then(function (rows) {
      var out = {};
      Object.keys(rows).forEach(function (e) {
        var components = rows[e].components.map(function (c) { return { name: c[0], affected: c[1], fixed: c[2] }; });
        out[e] = Object.assign({}, rows[e], { components: components });
      });
      return out;
    });
  };

  /**
   * Resolves on a later turn of the event loop, after the page has had its turn (events, timers,
   * painting): a message to ourselves, which unlike a nested timer is not held back 4 ms.
   */
  var later = typeof setImmediate === "function" ? function () { return new Promise(function (r) { setImmediate(r); }); }
    : typeof MessageChannel === "function" ? (function () {
      var channel = new MessageChannel(), waiting = [];
      channel.port1.onmessage = function () { var r = waiting.shift(); if (r) { r(); } };
      return function () { return new Promise(function (r) { waiting.push(r); channel.port2.postMessage(0); }); };
    })()
    : function () { return new Promise(function (r) { setTimeout(r, 0); }); };

  var now = typeof performance !== "undefined" && performance.now ? function () { return performance.now(); } : Date.now;

  /** A run was cancelled (a newer paste or query took its place): match rejects with it. */
  function Cancelled() { this.message = "cancelled"; this.cancelled = true; }
  Cancelled.prototype = Object.create(Error.prototype);

  /**
   * Runs job.step(SLICE) until it says it is done, yielding to the page whenever a slice of
   * work took longer than Engine.SLICE_MS; tells `progress()` after each slice and rejects when
   * `cancelled()` says so. The result does not depend on where the slices fall.
   */
  function sliced(job, progress, cancelled) {
    return new Promise(function (resolve, reject) {
      function go() {
        if (cancelled()) { reject(new Cancelled()); return; }
        var began = now();
        try {
          while (!job.step(SLICE_LINES)) {
            if (now() - began > SLICE_MS) { progress(); later().then(go); return; }
          }
        } catch (e) { reject(e); return; }
        progress();
        resolve();
      }
      go();
    });
  }
  var SLICE_LINES = 64, SLICE_MS = 12;

  // Pairs a paste with entries, as Matcher.match does. Resolves to a report like `errata match --json`.
  // Long pastes are read and aligned in slices that leave the page free between them:
  // options.progress({phase: "reading" | "matching", done, total}) hears how far it got, and
  // options.cancelled(), when it returns true, stops the run (it rejects with {cancelled: true}).
  Engine.prototype.match = function (text, options) {
    options = options || {};
    var self = this, top = Math.max(1, options.top || 5), lang = options.lang || "en";
    var tell = options.progress || function () {}, cancelled = options.cancelled || function () { return false; };
    text = text || "";
    return this.manifest().then(function (m) {
      var M = Errata.match, rules = m.compiled, versions = new Errata.text.Versions(rules);
      var reading = Errata.text.preparer(text, rules, versions), total = null;
      return sliced(reading, function () {
        if (total === null) { total = Math.min(Errata.text.countLines(text), rules.maxLines); }
        tell({ phase: "reading", done: Math.min(reading.line(), total), total: total });
      }, cancelled).then(function () { return reading.result(); }).then(function (paste) {
        return self.matchPrepared(paste, versions, m, top, lang, options, tell, cancelled);
      });
    });
  };

  Engine.prototype.matchPrepared = function (paste, versions, m, top, lang, options, tell, cancelled) {
    var self = this, M = Errata.match, rules = m.compiled;
    (options.env || []).forEach(function (v) { versions.add(v.component, v.version, v.source || "--env", true); });
    var q = M.query(paste, rules);
    var weightOf = function (key, df) { return M.literalWeight(key, df, m.templates, rules.stop); };
    return self.keys(q.words).then(function (found) {
      if (cancelled()) { throw new Cancelled(); }
      var perLine = M.withinBudget(q.lines.map(function (l, li) { return M.candidates(q.keysOf[li], q.allowed, found.literal, weightOf); }));
      var need = {};
      perLine.forEach(function (c) { c.forEach(function (t) { need[t] = true; }); });
      var tids = Object.keys(need).map(Number);
      return self.templates(tids).then(function (tpls) {
        // Weights of the templates' words need their document frequencies: one more round of keys.
        var more = {};
        tids.forEach(function (t) { M.templateKeys(tpls[t]).forEach(function (k) { more[k] = true; }); });
        var missing = Object.keys(more).filter(function (k) { return !hasOwn.call(found.literal, k); });
        return self.keys(missing).then(function (extra) {
          Object.keys(extra.literal).forEach(function (k) { found.literal[k] = extra.literal[k]; });
          var keyWeight = function (key) { var p = found.literal[key]; return weightOf(key, p ? p.length : 1); };
          var aligning = M.aligner(q.lines, perLine, tpls, keyWeight, rules.stop);
          return sliced(aligning, function () {
            tell({ phase: "matching", done: aligning.done(), total: q.lines.length });
          }, cancelled).then(function () {
            var best = aligning.result();
            var head = M.rank(best, M.relevance(q.terms, found.postings, m.entries));
            return self.entries(M.judged(head, versions)).then(function (infos) {
              if (cancelled()) { throw new Cancelled(); }
              var termsOf = function (e) { return M.relevanceTerms(e, q.terms, found.postings, m.entries); };
              var picked = M.pick(M.oneOfEachFamily(M.applyVersions(head, infos, versions), m.families, lang), top, termsOf, found.postings, rules.stop,
                paste.newestFirst, M.askedWords(paste.lines, rules), paste.lines, rules, m.follows, paste.session);
              return self.entries(picked.picked.map(function (p) { return p.s.entry; })).then(function (shown) {
                var matches = picked.picked.map(function (p) {
                  return M.explain(p.s, p.confidence, shown[p.s.entry], versions, termsOf(p.s.entry), rules.stop, keyWeight);
                });
                return {
                  confident: matches.length > 0 && matches[0].confident, lines: paste.totalLines, matches: matches,
                  skipped: paste.skipped, truncated: paste.truncated, versions: versions.found.slice(),
                  unexplained: picked.unexplained && { number: picked.unexplained.number, text: picked.unexplained.original }
                };
              });
            });
          });
        });
      });
    });
  };

  /** A word index part, its postings decoded once: {term: {entries, weight}}. */
  Engine.prototype.wordPart = function (n) {
    if (!this.words[n]) {
      this.words[n] = this.part("w/" + n).then(function (p) {
        var out = {};
        Object.keys(p || {}).forEach(function (t) { out[t] = posting(p[t]); });
        return out;
      });
    }
    return this.words[n];
  };

  // Word search, as WordSearch.search does. Resolves to [{entry, score, terms}], best first.
  Engine.prototype.searchWords = function (query) {
    var self = this;
    return this.manifest().then(function (m) {
      var S = Errata.search, clauses = S.parseQuery(query, m.compiled);
      var numbers = S.partsFor(clauses, m.wordParts);
      return Promise.all(numbers.map(function (n) { return self.wordPart(n); })).then(function (loaded) {
        var parts = {};
        numbers.forEach(function (n, i) { parts[n] = loaded[i]; });
        return S.search(clauses, parts, m.wordParts, m.entries);
      });
    });
  };

  /** The facets, with each component's and tag's entries as ascending numbers. */
  Engine.prototype.facets = function () {
    if (!this.facetsPromise) {
      var self = this;
      this.facetsPromise = this.part("facets").then(function (f) {
        // Not loaded: the next query tries again, as part() lets it.
        if (!f) { self.facetsPromise = null; return f; }
        ["component", "tag"].forEach(function (kind) {
          Object.keys(f[kind]).forEach(function (value) { f[kind][value] = undelta(f[kind][value]); });
        });
        return f;
      });
    }
    return this.facetsPromise;
  };

  /** The family an entry belongs to: its original's id for translations and originals, else its number. */
  Engine.prototype.familyOf = function (entry) {
    var f = this.m && this.m.families[entry];
    return f ? f[0] : entry;
  };

  Errata.engine = {
    /** An engine that loads index parts through load(name), which resolves to the part's data. */
    create: function (load) { return new Engine(load); },
    useConstants: useConstants, hash: hash, later: later
  };
})(typeof window !== "undefined" ? window : globalThis);
