// Word search as dev.errata.search does it (WordSearch.java): BM25 over every field of an entry,
// the word being typed standing for longer words, near spellings for words not in the index,
// "quoted phrases" whose words must all be there. Part of the site's search engine: it ranks
// word index parts the engine has loaded (errata-engine.js); no DOM, no dependencies. Every
// number is a Java constant the manifest carries (K.Class.NAME).
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});
  var K = Errata.constants || (Errata.constants = {});

  /** BM25's inverse document frequency of a term df of `entries` entries have (Posting.idf). */
  function idf(entries, df) {
    return Math.log(1 + (entries - df + K.Posting.IDF_SMOOTHING) / (df + K.Posting.IDF_SMOOTHING));
  }

  function byScore(a, b) { return a.score !== b.score ? (b.score > a.score ? 1 : -1) : a.entry - b.entry; }

  /** A query as clauses {term, required, last}: quoted words are required; `last` is the word being typed. */
  function parseQuery(query, rules) {
    var out = [], seen = {}, inQuote = false, part = "", parts = [];
    for (var i = 0; i <= query.length; i++) {
      var c = i < query.length ? query.charAt(i) : "\"";
      if (c === "\"") {
        if (part.length > 0) { parts.push([part, inQuote]); part = ""; }
        if (i < query.length) { inQuote = !inQuote; }
      } else { part += c; }
    }
    parts.forEach(function (p) {
      Errata.text.terms(Errata.text.tokenize(p[0]), rules).forEach(function (t) {
        if (out.length < K.WordSearch.MAX_QUERY_TERMS && !seen[t]) { seen[t] = true; out.push({ term: t, required: p[1], last: false }); }
      });
    });
    if (out.length) {
      var last = query.charAt(query.length - 1);
      out[out.length - 1].last = last !== " " && last !== "\"";
    }
    return out;
  }

  /** Optimal string alignment distance (Levenshtein with adjacent swaps), as WordSearch.edits. */
  function edits(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push(new Array(b.length + 1)); d[i][0] = i; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        // A swap of the two characters before: the one place the distance looks two back.
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) { d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); }
      }
    }
    return d[a.length][b.length];
  }

  /**
   * The number of the word index part a term is in (WordIndex.partOf): the last part whose key
   * (its first term) is not after the term. `keys` are in order, the first is "".
   */
  function partOf(term, keys) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (keys[mid] <= term) { lo = mid; } else { hi = mid - 1; } }
    return lo;
  }

  /** The numbers of the parts holding the terms that start with `prefix` (WordIndex.partsStartingWith). */
  function partsStartingWith(prefix, keys) {
    var out = [];
    for (var n = partOf(prefix, keys), last = partOf(prefix + "\uffff", keys); n <= last; n++) { out.push(n); }
    return out;
  }

  /**
   * The index terms a clause stands for, each with its factor and posting (WordSearch.expand).
   * `parts` holds the loaded parts by number ({term: {entries, weight}}), `keys` all part keys.
   */
  function expand(clause, parts, keys) {
    var out = new Map(), t = clause.term, own = parts[partOf(t, keys)] || {};
    var exact = Object.prototype.hasOwnProperty.call(own, t);
    if (exact) { out.set(t, { factor: 1, posting: own[t] }); }
    function mostFrequent(list) {
      return list.sort(function (a, b) {
        return b[1].entries.length - a[1].entries.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      }).slice(0, K.WordSearch.MAX_EXPANSIONS);
    }
    if (clause.last && !clause.required && t.length >= K.WordSearch.MIN_PREFIX) {
      var longer = [];
      partsStartingWith(t, keys).forEach(function (n) {
        var p = parts[n];
        if (!p) { return; }
        Object.keys(p).forEach(function (term) { if (term.length > t.length && term.indexOf(t) === 0) { longer.push([term, p[term]]); } });
      });
      mostFrequent(longer).forEach(function (x) { if (!out.has(x[0])) { out.set(x[0], { factor: K.WordSearch.PREFIX, posting: x[1] }); } });
    }
    if (!exact && t.length >= K.WordSearch.MIN_TYPO) {
      var head = t.substring(0, K.WordSearch.TYPO_HEAD), near = [];
      var most = t.length >= K.WordSearch.LONG_TYPO ? K.WordSearch.LONG_TYPO_EDITS : K.WordSearch.TYPO_EDITS;
      Object.keys(own).forEach(function (k) {
        if (k.indexOf(head) === 0 && Math.abs(k.length - t.length) <= K.WordSearch.TYPO_LENGTH && edits(t, k) <= most) { near.push([k, own[k]]); }
      });
      mostFrequent(near).forEach(function (x) { if (!out.has(x[0])) { out.set(x[0], { factor: K.WordSearch.TYPO, posting: x[1] }); } });
    }
    return out;
  }

  /** The numbers of the word index parts a query needs: each word's own, and for the word being typed those its longer words are in. */
  function partsFor(clauses, keys) {
    var need = {};
    clauses.forEach(function (c) {
      need[partOf(c.term, keys)] = true;
      if (c.last && !c.required && c.term.length >= K.WordSearch.MIN_PREFIX) {
        partsStartingWith(c.term, keys).forEach(function (n) { need[n] = true; });
      }
    });
    return Object.keys(need).map(Number);
  }

  /**
   * Ranks the entries for the clauses, as WordSearch.search: [{entry, score, terms}], best
   * first. Scores by entry number in typed arrays: a common word's postings cover thousands of
   * entries, and Map lookups per posting were most of a word search. Clauses are added in the
   * same order as in WordSearch.java, so the totals are the same numbers.
   */
  function search(clauses, parts, keys, entries) {
    var n = entries, total = new Float64Array(n), reqHits = new Uint8Array(n), termsOf = new Array(n), touched = [];
    var best = new Float64Array(n), has = new Uint8Array(n), bestTerm = new Array(n), required = 0;
    clauses.forEach(function (clause) {
      if (clause.required) { required++; }
      var exp = expand(clause, parts, keys), seen = [];
      // A word typed whole counts no less than the longer words it starts (WordSearch.search).
      var own = exp.get(clause.term), cap = own && own.factor === 1 ? idf(entries, own.posting.entries.length) : Infinity;
      exp.forEach(function (v, term) {
        var p = v.posting, f = Math.min(idf(entries, p.entries.length), cap);
        for (var k = 0; k < p.entries.length; k++) {
          var e = p.entries[k], sc = v.factor * f * (p.weight[k] / K.Posting.SCALE);
          if (!has[e]) { has[e] = 1; best[e] = sc; bestTerm[e] = term; seen.push(e); } else if (sc > best[e]) { best[e] = sc; bestTerm[e] = term; }
        }
      });
      seen.forEach(function (e) {
        if (!termsOf[e]) { termsOf[e] = []; touched.push(e); }
        total[e] += best[e];
        termsOf[e].push(bestTerm[e]);
        if (clause.required) { reqHits[e]++; }
        has[e] = 0;
      });
    });
    var hits = [];
    touched.forEach(function (e) {
      if (reqHits[e] === required) { hits.push({ entry: e, score: total[e], terms: termsOf[e] }); }
    });
    hits.sort(byScore);
    return hits;
  }

  Errata.search = { idf: idf, parseQuery: parseQuery, edits: edits, partOf: partOf, partsFor: partsFor, search: search };
})(typeof window !== "undefined" ? window : globalThis);
