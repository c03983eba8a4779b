// Errata's search engine for the browser: a line-for-line port of the Java matcher
// (dev.errata.match) and word search, reading the index parts the build wrote (search/*.js).
// No DOM here and no dependencies: it runs in the page and in Node for the parity tests.
// Every rule that ranks is shared with Java: rules.json for preparing pastes, integer field
// weights and quantized postings for relevance, StrictMath-equal logarithms (fdlibm in both).
(function (root) {
  "use strict";

  // ---------------------------------------------------------------- tokenizer (Tokenizer.java)
  var MAX_TOKEN = 128;
  var RE_LETTER = /\p{L}/u, RE_DIGIT = /\p{Nd}/u, RE_LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u, RE_UPPER = /\p{Lu}/u;

  function isLetter(c) { return c < 128 ? ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) : RE_LETTER.test(String.fromCharCode(c)); }
  function isDigit(c) { return c < 128 ? (c >= 48 && c <= 57) : RE_DIGIT.test(String.fromCharCode(c)); }
  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
  }
  function isWordChar(c) {
    if (c < 128) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; }
    return RE_LETTER_OR_DIGIT.test(String.fromCharCode(c)) && !isCjk(c);
  }
  function isPathChar(c) {
    return isWordChar(c) || c === 47 || c === 46 || c === 45 || c === 126 || c === 43 || c === 37 || c === 58 ||
      c === 64 || c === 61 || c === 38 || c === 63 || c === 35;
  }
  function isTrailingPunct(c) { return c === 46 || c === 58 || c === 44 || c === 63 || c === 35 || c === 38 || c === 61; }

  function make(s, start, end, kind) {
    var stop = Math.min(end, start + MAX_TOKEN);
    return { text: s.substring(start, stop).toLowerCase(), kind: kind, start: start, end: end };
  }

  function startsPath(s, i) {
    var c = s.charCodeAt(i), n = s.length;
    if (c === 47 && i + 1 < n && (isWordChar(s.charCodeAt(i + 1)) || s.charCodeAt(i + 1) === 46)) {
      return i === 0 || !isWordChar(s.charCodeAt(i - 1));
    }
    if ((c === 46 || c === 126) && i + 2 < n && s.charCodeAt(i + 1) === 47 && isWordChar(s.charCodeAt(i + 2))) { return true; }
    if (c === 46 && i + 3 < n && s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 47) { return true; }
    if (isLetter(c) && (i === 0 || !isWordChar(s.charCodeAt(i - 1)))) {
      var j = i;
      while (j < n && j - i < 10 && isLetter(s.charCodeAt(j))) { j++; }
      return j + 2 < n && s.charCodeAt(j) === 58 && s.charCodeAt(j + 1) === 47 && s.charCodeAt(j + 2) === 47;
    }
    return false;
  }

  function numericSuffix(s, start, end) {
    var j = end;
    while (j > start && isDigit(s.charCodeAt(j - 1))) { j--; }
    if (j === end || j - 1 <= start || s.charCodeAt(j - 1) !== 95) { return -1; }
    for (var k = start; k < j - 1; k++) { if (isLetter(s.charCodeAt(k))) { return j - 1; } }
    return -1;
  }

  function classify(s, start, end) {
    if (isDigit(s.charCodeAt(start))) { return "N"; }
    var letters = 0, digits = 0, allHex = true;
    for (var i = start; i < end; i++) {
      var c = s.charCodeAt(i);
      if (isDigit(c)) { digits++; }
      else if (isLetter(c)) {
        letters++;
        if (!((c >= 97 && c <= 102) || (c >= 65 && c <= 70))) { allHex = false; }
      } else if (c !== 45) { allHex = false; }
    }
    if (allHex && digits > 0 && end - start >= 8 && digits * 3 >= end - start) { return "N"; }
    if (letters === 0) { return "N"; }
    return "W";
  }

  function tokenize(s) {
    var out = [], n = s.length, i = 0, end, c, d;
    while (i < n) {
      c = s.charCodeAt(i);
      if (isCjk(c)) { out.push({ text: s.charAt(i), kind: "C", start: i, end: i + 1 }); i++; }
      else if (startsPath(s, i)) {
        end = i;
        while (end < n && isPathChar(s.charCodeAt(end))) { end++; }
        while (end > i + 1 && isTrailingPunct(s.charCodeAt(end - 1))) { end--; }
        out.push(make(s, i, end, "P"));
        i = end;
      } else if (isWordChar(c)) {
        end = i;
        while (end < n) {
          d = s.charCodeAt(end);
          if (isWordChar(d)) { end++; }
          else if ((d === 46 || d === 45 || d === 43) && end + 1 < n && isWordChar(s.charCodeAt(end + 1))) { end++; }
          else { break; }
        }
        if (end < n && s.charCodeAt(end) === 47 && end + 1 < n && isPathChar(s.charCodeAt(end + 1)) && !isCjk(s.charCodeAt(end + 1))) {
          while (end < n && isPathChar(s.charCodeAt(end))) { end++; }
          while (end > i + 1 && isTrailingPunct(s.charCodeAt(end - 1))) { end--; }
          out.push(make(s, i, end, "P"));
        } else {
          var cut = numericSuffix(s, i, end);
          if (cut > 0) {
            out.push(make(s, i, cut, classify(s, i, cut)));
            out.push(make(s, cut + 1, end, "N"));
          } else {
            out.push(make(s, i, end, classify(s, i, end)));
          }
        }
        i = end;
      } else { i++; }
    }
    return out;
  }

  // ------------------------------------------------------------------------ terms (Terms.java)
  function isCompound(s) { return /[._\-+]/.test(s); }

  function terms(tokens, rules) {
    var out = [], prevCjk = null, pair = false;
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.kind === "C") {
        if (prevCjk !== null && prevCjk.end === t.start) { out.push(prevCjk.text + t.text); pair = true; }
        else { if (prevCjk !== null && !pair) { out.push(prevCjk.text); } pair = false; }
        prevCjk = t;
        continue;
      }
      if (prevCjk !== null && !pair) { out.push(prevCjk.text); }
      prevCjk = null; pair = false;
      if (t.kind === "N" && t.text.indexOf(".") > 0 && t.text.length <= 16) { out.push(t.text); continue; }
      if (t.kind !== "W" || rules.stop[t.text] || t.text.length < 2) { continue; }
      out.push(t.text);
      if (isCompound(t.text)) {
        var parts = t.text.split(/[._\-+]/);
        for (var p = 0; p < parts.length; p++) {
          var part = parts[p];
          if (part.length >= 3 && !rules.stop[part] && !isDigit(part.charCodeAt(0))) { out.push(part); }
        }
      }
    }
    if (prevCjk !== null && !pair) { out.push(prevCjk.text); }
    return out;
  }

  // --------------------------------------------------------------------------- rules (Rules.java)
  // Necessary conditions checked before a pattern runs (Rules.Gate in Java).
  function gate(p) { return { first: p.first || "", hints: p.hints || [] }; }
  function admits(g, line, lower) {
    if (g.first && line.length > 0 && g.first.indexOf(line.charAt(0)) < 0) { return false; }
    if (!g.hints.length) { return true; }
    var s = lower === null ? line : lower;
    for (var i = 0; i < g.hints.length; i++) { if (s.indexOf(g.hints[i]) >= 0) { return true; } }
    return false;
  }

  function compileRules(json) {
    var r = {
      json: json, maxLineChars: json.maxLineChars || 4096, maxLines: json.maxLines || 200000,
      maxPreparedLines: json.maxPreparedLines || 4000, ansi: new RegExp(json.ansi, "g"),
      prefixes: json.prefixes.map(function (p) { return { re: new RegExp(p.pattern), level: p.levelGroup || 0, first: !!p.levelFromFirst, gate: gate(p) }; }),
      noise: json.noise.map(function (p) { return { re: new RegExp(p.pattern), skip: !!p.skipIndentedNext, gate: gate(p) }; }),
      levels: json.levels, errorWords: {}, stop: {}, packages: json.packages, aliases: json.aliases,
      versions: json.versionPatterns.map(function (p) {
        return { component: p.component || "", re: new RegExp(p.pattern, p.ignoreCase ? "gi" : "g"), alias: p.alias || "",
          pkg: !!p["package"], gate: gate(p) };
      })
    };
    json.errorWords.forEach(function (w) { r.errorWords[w] = true; });
    json.stopwords.forEach(function (w) { r.stop[w] = true; });
    return r;
  }

  // --------------------------------------------------------------------- versions (Versions.java)
  function Versions(rules) { this.rules = rules; this.found = []; this.byComponent = {}; }
  Versions.prototype.add = function (component, version, source, override) {
    if (override || !Object.prototype.hasOwnProperty.call(this.byComponent, component)) {
      var v = { component: component, version: version, source: source };
      if (Object.prototype.hasOwnProperty.call(this.byComponent, component)) {
        var idx = this.found.indexOf(this.byComponent[component]);
        this.found[idx] = v;
      } else { this.found.push(v); }
      this.byComponent[component] = v;
    }
  };
  Versions.prototype.scan = function (line, source) {
    if (line.length > 2000) { line = line.substring(0, 2000); }
    var lower = line.toLowerCase(), rules = this.rules;
    for (var i = 0; i < rules.versions.length; i++) {
      var p = rules.versions[i];
      if (!admits(p.gate, line, lower)) { continue; }
      p.re.lastIndex = 0;
      var m;
      while ((m = p.re.exec(line)) !== null) {
        if (p.pkg) {
          var component = rules.packages[m[1].toLowerCase()];
          if (component) { this.add(component, m[2], source, false); }
        } else {
          var v = m[1];
          var skip = false;
          if (p.alias) {
            var table = rules.aliases[p.alias] || {};
            v = Object.prototype.hasOwnProperty.call(table, v) ? table[v] : (v.indexOf("2.") === 0 ? "" : v);
            if (!v) { skip = true; }
          }
          if (!skip) { this.add(p.component, v, source, false); }
        }
        if (m.index + m[0].length >= line.length) { break; }
        if (m[0].length === 0) { p.re.lastIndex++; }
      }
    }
  };

  // A port of the orderings Maven's ComparableVersion gives the versions entries use: numbers
  // compare as numbers, trailing zeros do not count, pre-releases come before the release.
  var QUALIFIERS = { alpha: 0, a: 0, beta: 1, b: 1, milestone: 2, m: 2, rc: 3, cr: 3, snapshot: 4, "": 5, ga: 5, "final": 5, release: 5, sp: 6 };
  function parseVersion(text) {
    var s = String(text).trim().toLowerCase();
    if (s.charAt(0) === "v") { s = s.substring(1); }
    var plus = s.indexOf("+");
    if (plus >= 0) { s = s.substring(0, plus); }
    var items = [], cur = "", kind = null;
    function flush() { if (cur !== "") { items.push(kind === "d" ? { n: parseInt(cur, 10) } : { s: cur }); } cur = ""; kind = null; }
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (c === "." || c === "-" || c === "_") { flush(); continue; }
      var k = (c >= "0" && c <= "9") ? "d" : "l";
      if (kind !== null && k !== kind) { flush(); }
      kind = k; cur += c;
    }
    flush();
    while (items.length && ((items[items.length - 1].n === 0) || (items[items.length - 1].s !== undefined && QUALIFIERS[items[items.length - 1].s] === 5))) { items.pop(); }
    return items;
  }
  function compareItem(a, b) {
    if (a === undefined) { a = { s: "" }; }
    if (b === undefined) { b = { s: "" }; }
    if (a.n !== undefined && b.n !== undefined) { return a.n < b.n ? -1 : a.n > b.n ? 1 : 0; }
    if (a.n !== undefined) { return b.s === "" ? (a.n === 0 ? 0 : 1) : 1; }
    if (b.n !== undefined) { return a.s === "" ? (b.n === 0 ? 0 : -1) : -1; }
    var qa = Object.prototype.hasOwnProperty.call(QUALIFIERS, a.s) ? QUALIFIERS[a.s] : 7;
    var qb = Object.prototype.hasOwnProperty.call(QUALIFIERS, b.s) ? QUALIFIERS[b.s] : 7;
    if (qa !== qb) { return qa < qb ? -1 : 1; }
    if (qa === 7) { return a.s < b.s ? -1 : a.s > b.s ? 1 : 0; }
    return 0;
  }
  function compareVersions(x, y) {
    var a = parseVersion(x), b = parseVersion(y);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var c = compareItem(a[i], b[i]);
      if (c !== 0) { return c; }
    }
    return 0;
  }
  function validVersion(v) { var s = String(v).trim(); if (s.charAt(0) === "v" || s.charAt(0) === "V") { s = s.substring(1); } return /^[0-9][0-9A-Za-z.+_-]*$/.test(s); }
  function inRange(range, v) {
    var text = range.trim();
    if (text === "*") { return true; }
    var parts = text.split(",");
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i].trim(), op = null;
      ["<=", ">=", "==", "<", ">"].forEach(function (o) { if (op === null && p.indexOf(o) === 0) { op = o; } });
      if (op === null) { return false; }
      var c = compareVersions(v, p.substring(op.length).trim());
      var ok = op === ">=" ? c >= 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : op === "<" ? c < 0 : c === 0;
      if (!ok) { return false; }
    }
    return true;
  }

  // ------------------------------------------------------------------------ paste (Paste.java)
  function indentOf(s) { var i = 0; while (i < s.length && (s.charAt(i) === " " || s.charAt(i) === "\t")) { i++; } return i; }

  function prepareLine(number, raw, rules) {
    rules.ansi.lastIndex = 0;
    var original = (raw.indexOf("\u001b") >= 0 ? raw.replace(rules.ansi, "") : raw).replace(/\u0000/g, " ");
    var text = original, level = "";
    for (var round = 0; round < 4; round++) {
      var stripped = false;
      for (var i = 0; i < rules.prefixes.length; i++) {
        var p = rules.prefixes[i];
        if (!admits(p.gate, text, null)) { continue; }
        var m = p.re.exec(text);
        if (m !== null && m.index === 0 && m[0].length > 0) {
          if (p.first && level === "") { level = rules.levels[text.charAt(0)] || ""; }
          else if (p.level > 0 && level === "" && m[p.level] !== undefined) { level = rules.levels[m[p.level]] || ""; }
          text = text.substring(m[0].length);
          stripped = true;
        }
      }
      if (!stripped) { break; }
    }
    var tokens = tokenize(text), errorish = level === "error" || level === "warning", k;
    if (!errorish && level !== "info") {
      for (k = 0; k < tokens.length; k++) { if (rules.errorWords[tokens[k].text]) { errorish = true; break; } }
      if (!errorish && tokens.some(function (t) { return t.kind === "C"; })) {
        errorish = terms(tokens, rules).some(function (w) { return rules.errorWords[w]; });
      }
    }
    if (level === "info") {
      for (k = 0; k < tokens.length; k++) {
        var w = tokens[k].text;
        if (rules.errorWords[w] && w !== "no" && w !== "not") { errorish = true; break; }
      }
    }
    return { number: number, original: original, text: text, level: level, errorish: errorish, tokens: tokens, repeats: 1 };
  }

  function shape(line) {
    var b = "";
    for (var i = 0; i < line.tokens.length; i++) {
      var t = line.tokens[i];
      b += (t.kind === "N" ? "<n>" : t.kind === "P" ? "<p>" : t.text) + " ";
    }
    return b;
  }

  function prepare(text, rules, versions) {
    var byShape = new Map(), number = 0, truncated = false, skipIndented = false, skipIndent = -1;
    var start = 0, n = text.length;
    while (start <= n) {
      var end = start;
      while (end < n) { var ch = text.charCodeAt(end); if (ch === 10 || ch === 13) { break; } end++; }
      var next = end < n && text.charCodeAt(end) === 13 && end + 1 < n && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      number++;
      if (number > rules.maxLines) { truncated = true; break; }
      for (var piece = start; piece < end || piece === start; piece += rules.maxLineChars) {
        var raw = text.substring(piece, Math.min(end, piece + rules.maxLineChars));
        var indent = indentOf(raw);
        if (skipIndented && indent > skipIndent && raw.trim() !== "") { skipIndented = false; break; }
        skipIndented = false;
        var noise = null;
        for (var q = 0; q < rules.noise.length; q++) {
          var nm = admits(rules.noise[q].gate, raw, null) ? rules.noise[q].re.exec(raw) : null;
          if (nm !== null && nm.index === 0) { noise = rules.noise[q]; break; }
        }
        if (noise !== null) {
          if (noise.skip) { skipIndented = true; skipIndent = indent; }
          break;
        }
        if (versions && piece === start) { versions.scan(raw, "paste line " + number); }
        var line = prepareLine(number, raw, rules);
        if (line.tokens.length === 0) { continue; }
        var key = shape(line), seen = byShape.get(key);
        if (seen) { seen.repeats++; }
        else if (byShape.size < rules.maxPreparedLines) { byShape.set(key, line); }
        else { truncated = true; }
        if (piece + rules.maxLineChars >= end) { break; }
      }
      start = next;
      if (end >= n) { break; }
    }
    return { lines: Array.from(byShape.values()), totalLines: number, truncated: truncated };
  }

  // ---------------------------------------------------------------- index keys (MatchIndex.java)
  var SLOTS = ["LITERAL", "PREFIX", "SUFFIX", "NUMBER", "NAME", "PATH", "ANY"];
  var S_LITERAL = 0, S_PREFIX = 1, S_SUFFIX = 2, S_NUMBER = 3, S_NAME = 4, S_PATH = 5, S_ANY = 6;

  // The words of a path: its parts without the numbers (MatchIndex.pathWords).
  function pathWords(path) {
    return pathParts(path).filter(function (w) { return !isDigit(w.charCodeAt(0)); });
  }
  // What a path slot compares: words and numbers (MatchIndex.pathParts).
  function pathParts(path) {
    var out = [];
    if (!path) { return out; }
    var parts = path.split(/[\/._:\\-]+/);
    for (var i = 0; i < parts.length; i++) { var w = parts[i]; if (w.length > 0 && (isDigit(w.charCodeAt(0)) || w.length >= 2)) { out.push(w); } }
    return out;
  }
  function isJoiner(c) { return c === "." || c === "-" || c === "+"; }
  function itemKey(it) {
    if (it.slot === S_PREFIX) { return it.text.substring(0, it.text.length - (isJoiner(it.text.charAt(it.text.length - 1)) ? 1 : 0)); }
    if (it.slot === S_SUFFIX) { return it.text.substring(isJoiner(it.text.charAt(0)) ? 1 : 0); }
    return it.text;
  }
  function isWord(it) { return it.slot === S_LITERAL || it.slot === S_PREFIX || it.slot === S_SUFFIX; }
  function accepts(it, token) {
    if (it.slot === S_LITERAL) { return it.text === token; }
    if (it.slot === S_PREFIX) { return token.length > it.text.length && token.indexOf(it.text) === 0; }
    if (it.slot === S_SUFFIX) { return token.length > it.text.length && token.substring(token.length - it.text.length) === it.text; }
    return false;
  }
  function lineKeys(tokens) {
    var out = [], seen = {};
    function add(k) { if (!seen[k]) { seen[k] = true; out.push(k); } }
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.kind === "P") { pathWords(t.text).forEach(add); }
      else {
        add(t.text);
        if (t.kind === "W" && t.text.indexOf(".") > 0) {
          t.text.split(".").forEach(function (p) { if (p.length >= 3) { add(p); } });
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------- aligner (Aligner.java)
  var INSERT = 0.25, SLOT_GAIN = 0.5, OP_MATCH = 1, OP_SUB = 2, OP_DEL = 3, OP_INS = 4, OP_EXTEND = 5;

  function deletion(it, w) {
    if (isWord(it)) { return 0.1 * w; }
    return it.slot === S_ANY ? 0 : 0.2;
  }

  function Slots(items, tokens, keyWeight) { this.items = items; this.tokens = tokens; this.keyWeight = keyWeight; this.iw = {}; this.tw = {}; }
  Slots.prototype.kindGain = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    switch (it.slot) {
      case S_NUMBER: return tok.kind === "N" ? SLOT_GAIN : -SLOT_GAIN;
      case S_PATH: return tok.kind === "P" ? SLOT_GAIN : 0.1;
      case S_NAME: return 0.3;
      default: return 0;
    }
  };
  Slots.prototype.gain = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    switch (it.slot) {
      case S_NUMBER:
        if (tok.kind !== "N") { return -SLOT_GAIN; }
        return SLOT_GAIN + (it.text !== "" && it.text === tok.text ? this.keyWeight(it.text) : 0);
      case S_PATH: return tok.kind !== "P" ? 0.1 : SLOT_GAIN + this.shared(i, j);
      case S_NAME: return 0.3;
      default: return 0;
    }
  };
  Slots.prototype.words = function (i) {
    if (!this.iw[i]) { this.iw[i] = pathParts(this.items[i].text); }
    return this.iw[i];
  };
  Slots.prototype.otherNumber = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    return it.slot === S_NUMBER && it.text !== "" && tok.kind === "N" && it.text !== tok.text;
  };
  Slots.prototype.max = function (i) {
    var it = this.items[i], self = this;
    if (it.slot === S_NUMBER) { return SLOT_GAIN + (it.text === "" ? 0 : this.keyWeight(it.text)); }
    if (it.slot === S_PATH) { var s = 0; this.words(i).forEach(function (w) { s += self.keyWeight(w); }); return SLOT_GAIN + s; }
    return SLOT_GAIN;
  };
  Slots.prototype.shared = function (i, j) {
    var a = this.words(i);
    if (a.length === 0) { return 0; }
    if (!this.tw[j]) { this.tw[j] = pathParts(this.tokens[j].text); }
    var b = this.tw[j], s = 0;
    for (var k = 0; k < a.length; k++) { if (b.indexOf(a[k]) >= 0) { s += this.keyWeight(a[k]); } }
    return s;
  };

  function isPlainWord(s) {
    if (s.length < 2) { return false; }
    for (var i = 0; i < s.length; i++) { if (!isLetter(s.charCodeAt(i))) { return false; } }
    return true;
  }

  var NONE = { quality: 0, coverage: 0, evidence: 0, exact: false, contradicted: false, matchedLiterals: 0, matchedTokens: [], start: 0, end: 0, tailCut: false };

  function align(t, tokens, weights, keyWeight) {
    var items = t.items, m = Math.min(items.length, 96), n = Math.min(tokens.length, 192);
    if (m === 0 || n === 0) { return NONE; }
    var slots = new Slots(items, tokens, keyWeight), i, j, w = n + 1;
    var s = new Float64Array((m + 1) * w), op = new Uint8Array((m + 1) * w);
    for (i = 1; i <= m; i++) {
      var it = items[i - 1], wt = weights[i - 1];
      s[i * w] = s[(i - 1) * w] - deletion(it, wt);
      op[i * w] = OP_DEL;
      for (j = 1; j <= n; j++) {
        var best, how;
        var del = s[(i - 1) * w + j] - deletion(it, wt);
        if (isWord(it)) {
          var eq = accepts(it, tokens[j - 1].text);
          best = eq ? s[(i - 1) * w + j - 1] + wt : s[(i - 1) * w + j - 1] - 0.5 * wt;
          how = eq ? OP_MATCH : OP_SUB;
        } else {
          best = s[(i - 1) * w + j - 1] + slots.kindGain(i - 1, j - 1);
          how = OP_MATCH;
          var extend = s[i * w + j - 1] - (it.slot === S_ANY ? 0 : 0.05);
          if (extend > best) { best = extend; how = OP_EXTEND; }
        }
        if (del > best) { best = del; how = OP_DEL; }
        if (i < m && isWord(it)) {
          var ins = s[i * w + j - 1] - INSERT;
          if (ins > best) { best = ins; how = OP_INS; }
        }
        s[i * w + j] = best;
        op[i * w + j] = how;
      }
    }
    var endJ = 0;
    for (j = 1; j <= n; j++) { if (s[m * w + j] > s[m * w + endJ]) { endJ = j; } }
    // A paste cut short ends inside the template (Aligner.java).
    var endI = m;
    for (i = 1; i < m; i++) {
      if (op[i * w + n] === OP_MATCH && isWord(items[i - 1]) && s[i * w + n] > s[endI * w + endJ]) { endI = i; endJ = n; }
    }
    return trace(t, tokens, weights, op, w, m, n, endI, endJ, slots);
  }

  function trace(t, tokens, weights, op, w, m, n, endI, endJ, slots) {
    var items = t.items, itemOp = new Uint8Array(m), itemTok = new Int32Array(m), matched = [], insertions = 0;
    itemOp.fill(OP_DEL, endI, m);
    var i = endI, j = endJ, startJ = endJ, k;
    while (i > 0) {
      var o = op[i * w + j];
      if (o === OP_MATCH || o === OP_SUB) {
        itemOp[i - 1] = o; itemTok[i - 1] = j - 1;
        if (o === OP_MATCH && isWord(items[i - 1])) { matched.unshift(j - 1); }
        startJ = j - 1; i--; j--;
      } else if (o === OP_EXTEND) { startJ = j - 1; j--; }
      else if (o === OP_INS) { insertions++; j--; }
      else { itemOp[i - 1] = OP_DEL; i--; }
    }
    var first = -1, last = -1, literals = 0;
    for (k = 0; k < m; k++) {
      if (isWord(items[k]) && itemOp[k] === OP_MATCH) { literals++; if (first < 0) { first = k; } last = k; }
    }
    if (literals === 0) { return NONE; }
    var headCut = startJ === 0, tailCut = endJ === n;
    var total = 0, cutWeight = 0, gained = 0, substituted = 0, evidence = 0, contradicted = false, complete = true;
    for (k = 0; k < m; k++) {
      var it = items[k];
      if (it.slot === S_ANY) { continue; }
      var literal = isWord(it);
      var max = literal ? weights[k] : slots.max(k);
      total += max;
      if (itemOp[k] === OP_MATCH && slots.otherNumber(k, itemTok[k])) {
        substituted += max; complete = false; evidence -= max; contradicted = true;
        continue;
      }
      var got = itemOp[k] !== OP_MATCH ? 0 : literal ? max : Math.min(max, slots.gain(k, itemTok[k]));
      var cut = itemOp[k] === OP_DEL && ((k < first && headCut) || (k > last && tailCut));
      if (got > 0) {
        gained += got; evidence += got;
        continue;
      }
      if (itemOp[k] === OP_SUB) { substituted += max; }
      if (it.slot === S_NUMBER && !t.explicit) { evidence -= SLOT_GAIN; continue; }
      complete = false;
      if (cut) { cutWeight += max; continue; }
      evidence -= max;
      if (literal && (t.explicit || (isPlainWord(itemKey(it)) && max > 1.0))) { contradicted = true; }
    }
    var quality = Math.max(0, (gained - 0.5 * substituted - INSERT * insertions) / Math.max(total - cutWeight, 1e-9));
    var coverage = gained / Math.max(total, 1e-9);
    var exact = complete && insertions === 0 && !contradicted;
    return { quality: Math.min(1, quality), coverage: Math.min(1, coverage), evidence: evidence - INSERT * insertions, exact: exact,
      contradicted: contradicted, matchedLiterals: literals, matchedTokens: matched, start: startJ, end: endJ, tailCut: tailCut && last < m - 1 };
  }

  // ---------------------------------------------------------------------- matcher (Matcher.java)
  var C = {
    CANDIDATES_PER_LINE: 64, MAX_FOCUS_LINES: 32, MAX_QUERY_TERMS: 96, MAX_QUERY_KEYS: 160, RANKED: 64, VERSIONED: 16,
    MIN_LINE_SHARE: 0.25, MIN_QUALITY: 0.3, MIN_RELEVANCE: 0.1, W_RELEVANCE: 3.0, REL_HALF: 10.0, EXACT_BONUS: 1.0,
    PRIMARY_BONUS: 0.3, VERSION_BONUS: 0.1, VERSION_PENALTY: 0.25
  };

  function focus(lines) {
    var keep = lines.filter(function (l) { return l.errorish || l.level !== "info"; });
    if (keep.length === 0) { keep = lines; }
    if (keep.length <= C.MAX_FOCUS_LINES) { return keep; }
    var chosen = new Set();
    keep.forEach(function (l) { if (l.errorish && chosen.size < C.MAX_FOCUS_LINES) { chosen.add(l); } });
    for (var i = 0; i < keep.length && chosen.size < C.MAX_FOCUS_LINES; i++) { chosen.add(keep[i]); }
    return keep.filter(function (l) { return chosen.has(l); });
  }

  function lineWeight(l) { return l.errorish ? 1.0 : 0.35; }

  function Engine(load) {
    this.load = load;
    this.parts = {};
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
        m.compiled = compileRules(m.rules);
        self.m = m;
        return m;
      });
    }
    return this.manifestPromise;
  };

  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }

  // Loads the key parts for some words; returns {literal: key -> [tids], terms: term -> posting}.
  Engine.prototype.keys = function (words) {
    var m = this.m, self = this, shards = {};
    words.forEach(function (w) { shards[hash(w) % m.keyParts] = true; });
    var ids = Object.keys(shards);
    return Promise.all(ids.map(function (id) { return self.part("k/" + id); })).then(function (parts) {
      var literal = {}, postings = {};
      words.forEach(function (w) {
        var p = parts[ids.indexOf(String(hash(w) % m.keyParts))];
        if (!p) { return; }
        if (Object.prototype.hasOwnProperty.call(p.l, w)) { literal[w] = undelta(p.l[w]); }
        if (Object.prototype.hasOwnProperty.call(p.t, w)) { postings[w] = posting(p.t[w]); }
      });
      return { literal: literal, postings: postings };
    });
  };

  function undelta(a) { var out = new Array(a.length), prev = 0; for (var i = 0; i < a.length; i++) { prev += a[i]; out[i] = prev; } return out; }
  function posting(a) {
    var n = a.length / 2, e = new Array(n), wt = new Array(n), prev = 0;
    for (var i = 0; i < n; i++) { prev += a[2 * i]; e[i] = prev; wt[i] = a[2 * i + 1]; }
    return { entries: e, weight: wt };
  }

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

  Engine.prototype.templates = function (tids) {
    return this.rows(tids, this.m.templatesPerPart, "t").then(function (rows) {
      var out = {};
      tids.forEach(function (t) {
        var row = rows[t], items = [];
        for (var k = 0; k < row[3].length; k += 2) { items.push({ slot: row[3][k], text: row[3][k + 1] }); }
        out[t] = { entry: row[0], primary: (row[1] & 1) === 1, explicit: (row[1] & 2) === 2, text: row[2], items: items };
      });
      return out;
    });
  };

  Engine.prototype.entries = function (eids) {
    return this.rows(eids, this.m.entriesPerPart, "e");
  };

  Engine.prototype.literalWeight = function (key, df) {
    if (this.m.compiled.stop[key]) { return 0.3; }
    return 1.0 + Math.log((this.m.templates + 1.0) / (df || 1));
  };

  Engine.prototype.idf = function (df) {
    var n = this.m.entries;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  function family(m, e) { var f = m.families[e]; return f ? { family: f[0], lang: f[1] } : null; }

  // Pairs a paste with entries, as Matcher.match does. Resolves to a report like `errata match --json`.
  Engine.prototype.match = function (text, options) {
    options = options || {};
    var self = this, top = Math.max(1, options.top || 5), lang = options.lang || "en";
    return this.manifest().then(function (m) {
      var rules = m.compiled, versions = new Versions(rules);
      var paste = prepare(text || "", rules, versions);
      (options.env || []).forEach(function (v) { versions.add(v.component, v.version, v.source || "--env", true); });
      var lines = focus(paste.lines);
      var keysOf = lines.map(function (l) { return lineKeys(l.tokens); });
      var allowed = [], allowedSet = {};
      keysOf.forEach(function (ks) { ks.forEach(function (k) { if (allowed.length < C.MAX_QUERY_KEYS && !allowedSet[k]) { allowedSet[k] = true; allowed.push(k); } }); });
      var query = new Map();
      lines.forEach(function (l) {
        terms(l.tokens, rules).forEach(function (t) {
          if (query.size < C.MAX_QUERY_TERMS || query.has(t)) { query.set(t, (query.get(t) || 0) + lineWeight(l)); }
        });
      });
      var words = allowed.slice();
      query.forEach(function (v, t) { if (!allowedSet[t]) { words.push(t); } });
      return self.keys(words).then(function (found) {
        return self.alignAll(lines, keysOf, allowedSet, found).then(function (best) {
          return self.rank(paste, lines, query, found, best, versions, top, lang);
        });
      });
    });
  };

  Engine.prototype.alignAll = function (lines, keysOf, allowedSet, found) {
    var self = this, perLine = [], need = {};
    var weightOf = {};
    lines.forEach(function (line, li) {
      var acc = new Map(), lw = 0;
      keysOf[li].forEach(function (key) {
        if (!allowedSet[key]) { return; }
        var p = found.literal[key];
        if (!p) { return; }
        var w = self.literalWeight(key, p.length);
        lw += w;
        for (var i = 0; i < p.length; i++) { acc.set(p[i], (acc.get(p[i]) || 0) + w); }
      });
      var cands = [];
      acc.forEach(function (v, tid) { if (v >= C.MIN_LINE_SHARE * lw) { cands.push(tid); } });
      cands.sort(function (a, b) { var d = acc.get(b) - acc.get(a); return d !== 0 ? (d > 0 ? 1 : -1) : a - b; });
      cands = cands.slice(0, C.CANDIDATES_PER_LINE);
      cands.forEach(function (t) { need[t] = true; });
      perLine.push(cands);
    });
    var tids = Object.keys(need).map(Number);
    return this.templates(tids).then(function (tpls) {
      // Weights of the templates' words need their document frequencies: one more round of keys.
      var more = {};
      tids.forEach(function (t) { tpls[t].items.forEach(function (it) { if (isWord(it)) { more[itemKey(it)] = true; } else if (it.slot === S_NUMBER && it.text) { more[it.text] = true; } else if (it.slot === S_PATH) { pathParts(it.text).forEach(function (w) { more[w] = true; }); } }); });
      var missing = Object.keys(more).filter(function (k) { return !Object.prototype.hasOwnProperty.call(found.literal, k); });
      return self.keys(missing).then(function (extra) {
        Object.keys(extra.literal).forEach(function (k) { found.literal[k] = extra.literal[k]; });
        var keyWeight = function (key) { var p = found.literal[key]; return self.literalWeight(key, p ? p.length : 1); };
        var best = new Map();
        for (var li = 0; li < lines.length; li++) {
          var line = lines[li], cands = perLine[li];
          for (var c = 0; c < cands.length; c++) {
            var tid = cands[c], tpl = tpls[tid];
            var weights = tpl.items.map(function (it) { return isWord(it) ? keyWeight(itemKey(it)) : 0; });
            var tokens = line.tokens, a = align(tpl, tokens, weights, keyWeight);
            if (a.tailCut && li + 1 < lines.length && lines[li + 1].number === line.number + 1) {
              var joined = tokens.concat(lines[li + 1].tokens), b = align(tpl, joined, weights, keyWeight);
              if (b.evidence > a.evidence) { a = b; tokens = joined; }
            }
            var value = Math.max(0, a.evidence);
            if (a.contradicted && tpl.explicit) { value *= 0.5; }
            if (a.exact) { value += C.EXACT_BONUS; }
            if (tpl.primary) { value += C.PRIMARY_BONUS; }
            var prev = best.get(tpl.entry);
            if (a.matchedLiterals > 0 && (!prev || value > prev.value + 1e-12)) {
              best.set(tpl.entry, { value: value, alignment: a, line: line, tokens: tokens, template: tpl });
            }
          }
        }
        self.lastKeyWeight = keyWeight;
        return best;
      });
    });
  };

  function byScore(a, b) { return a.score !== b.score ? (b.score > a.score ? 1 : -1) : a.entry - b.entry; }

  Engine.prototype.rank = function (paste, lines, query, found, best, versions, top, lang) {
    var self = this, m = this.m;
    var relevance = new Map();
    query.forEach(function (qv, term) {
      var p = found.postings[term];
      if (!p) { return; }
      var idf = self.idf(p.entries.length), qw = Math.min(3.0, qv);
      for (var k = 0; k < p.entries.length; k++) {
        var e = p.entries[k];
        relevance.set(e, (relevance.has(e) ? relevance.get(e) : 0) + qw * idf * (p.weight[k] / m.scale));
      }
    });
    var scored = new Set(best.keys());
    relevance.forEach(function (v, e) { scored.add(e); });
    var ranked = [];
    scored.forEach(function (e) {
      var b = best.get(e), bm = relevance.has(e) ? relevance.get(e) : 0, rel = bm / (bm + C.REL_HALF);
      ranked.push({ entry: e, score: (b ? b.value : 0) + C.W_RELEVANCE * rel, quality: b ? b.alignment.quality : 0, rel: rel, best: b || null });
    });
    ranked.sort(byScore);
    var head = ranked.slice(0, C.RANKED);
    var needVersions = versions.found.length > 0 ? head.slice(0, C.VERSIONED).map(function (s) { return s.entry; }) : [];
    return this.entries(needVersions).then(function (infos) {
      if (versions.found.length > 0) {
        head = head.map(function (s, r) {
          if (r >= C.VERSIONED) { return s; }
          var v = verdicts(infos[s.entry], versions), delta = 0;
          if (v.length) { delta = v.some(function (x) { return x.verdict === "affected"; }) ? C.VERSION_BONUS : -C.VERSION_PENALTY; }
          return { entry: s.entry, score: s.score + delta, quality: s.quality, rel: s.rel, best: s.best };
        });
        head.sort(byScore);
      }
      var chosen = new Map();
      head.forEach(function (s) {
        var f = family(m, s.entry), key = f ? f.family : "#" + s.entry, elang = f ? f.lang : "en";
        var prev = chosen.get(key);
        if (!prev) { chosen.set(key, s); }
        else {
          var pf = family(m, prev.entry), plang = pf ? pf.lang : "en";
          if (elang === lang && plang !== lang && s.score >= prev.score * 0.9) {
            chosen.set(key, { entry: s.entry, score: prev.score, quality: s.quality, rel: s.rel, best: s.best });
          }
        }
      });
      var list = Array.from(chosen.values());
      list.sort(byScore);
      var picked = [];
      for (var r = 0; r < list.length && picked.length < top; r++) {
        var s = list[r];
        if (s.quality < C.MIN_QUALITY && s.rel < C.MIN_RELEVANCE) { break; }
        picked.push({ s: s, runnerUp: r + 1 < list.length ? list[r + 1] : null, rank: r });
      }
      return self.entries(picked.map(function (p) { return p.s.entry; })).then(function (shown) {
        var matches = picked.map(function (p) {
          var termsOf = relevanceTerms(self, p.s.entry, query, found);
          var conf = confidence(self, p.s, p.runnerUp, p.rank, termsOf, found);
          return explain(self, p.s, conf, shown[p.s.entry], versions, termsOf);
        });
        return {
          confident: matches.length > 0 && matches[0].confident, lines: paste.totalLines, matches: matches,
          truncated: paste.truncated, versions: versions.found.slice()
        };
      });
    });
  };

  function relevanceTerms(self, entry, query, found) {
    var contrib = [];
    query.forEach(function (v, term) {
      var p = found.postings[term];
      if (p && p.entries.indexOf(entry) >= 0) { contrib.push([term, self.idf(p.entries.length)]); }
    });
    contrib.sort(function (a, b) { return a[1] !== b[1] ? (b[1] > a[1] ? 1 : -1) : (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
    return contrib.slice(0, 6).map(function (x) { return x[0]; });
  }

  function informative(self, b) {
    var n = 0, stop = self.m.compiled.stop;
    b.alignment.matchedTokens.forEach(function (idx) {
      var t = b.tokens[idx];
      if (t.kind === "W" && !stop[t.text] && t.text.length >= 2) { n++; }
    });
    return n;
  }

  function confidence(self, s, runnerUp, rank, termsOf, found) {
    var b = s.best, margin = runnerUp === null ? s.score : s.score - runnerUp.score;
    var needed = Math.max(1.0, 0.1 * s.score);
    var runnerUpExact = runnerUp !== null && runnerUp.best !== null && runnerUp.best.alignment.exact;
    if (rank === 0 && b && !b.alignment.contradicted) {
      var inf = informative(self, b);
      if (b.alignment.exact && inf >= 3 && !(runnerUpExact && margin < needed)) { return "exact"; }
      if (b.alignment.quality >= 0.7 && b.alignment.coverage >= 0.4 && inf >= 3 && (margin >= needed || b.alignment.exact)) { return "likely"; }
    }
    if (rank === 0 && (!b || b.alignment.quality < 0.5)) {
      var distinctive = termsOf.filter(function (t) {
        return found.postings[t].entries.length <= 2 && t.length >= 8 && (t.indexOf("_") >= 0 || t.indexOf(".") >= 0);
      }).length;
      if (distinctive >= 2 && s.rel >= 0.5 && margin >= 1.0) { return "likely"; }
    }
    return "possible";
  }

  function verdicts(info, versions) {
    var out = [];
    if (!info) { return out; }
    info.components.forEach(function (c) {
      var found = versions.byComponent[c[0]];
      if (!found || !validVersion(found.version)) { return; }
      var affected = c[1].some(function (r) { return inRange(r, found.version); });
      var fixed = c[2].some(function (f) { return compareVersions(found.version, f) >= 0; });
      out.push({ component: c[0], ranges: c[1].join("; "), source: found.source, verdict: affected ? "affected" : fixed ? "fixed" : "not-affected", version: found.version });
    });
    return out;
  }

  function explain(self, s, conf, info, versions, termsOf) {
    var b = s.best, reasons = [], line = null, symptom = "", toks = [];
    if (b && b.alignment.quality > 0) {
      var highlights = [], offset = b.line.original.length - b.line.text.length, lineTokens = b.line.tokens.length;
      b.alignment.matchedTokens.forEach(function (idx) {
        var t = b.tokens[idx];
        if (idx < lineTokens) { highlights.push([offset + t.start, offset + t.end]); }
        if (!self.m.compiled.stop[t.text] && toks.indexOf(t.text) < 0) { toks.push(t.text); }
      });
      toks.sort(function (x, y) {
        var wx = self.lastKeyWeight(x), wy = self.lastKeyWeight(y);
        return wx !== wy ? (wy > wx ? 1 : -1) : (x < y ? -1 : x > y ? 1 : 0);
      });
      line = { highlights: highlights, number: b.line.number, text: b.line.original };
      symptom = b.template.text;
      var how = b.alignment.exact ? "matches the symptom word for word"
        : b.alignment.contradicted ? "resembles the symptom but differs in " + (b.template.explicit ? "a fixed word or number" : "some words")
        : "matches " + Math.round(100 * b.alignment.coverage) + "% of the symptom";
      reasons.push("line " + b.line.number + " " + how);
    }
    if (toks.length === 0) {
      toks = termsOf.slice();
      if (termsOf.length) { reasons.push("shares the words " + termsOf.slice(0, 4).join(", ")); }
    }
    var v = verdicts(info, versions);
    v.forEach(function (x) { reasons.push(x.component + " " + x.version + " (" + x.source + ") is " + x.verdict.replace("-", " ") + " (affected: " + x.ranges + ")"); });
    return {
      affected: v, confidence: conf, confident: conf !== "possible", fix: { commands: info.fix, title: info.fixTitle },
      id: info.id, line: line, reasons: reasons, score: Math.round(s.score * 1000) / 1000, status: info.status,
      summary: info.summary, symptom: symptom, tokens: toks.slice(0, 8), title: info.title, url: info.url, lang: info.lang
    };
  }

  // ------------------------------------------------------------------ word search (WordSearch.java)
  var PREFIX = 0.7, TYPO = 0.5, MAX_EXPANSIONS = 8, MAX_WORD_TERMS = 16;

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
      terms(tokenize(p[0]), rules).forEach(function (t) {
        if (out.length < MAX_WORD_TERMS && !seen[t]) { seen[t] = true; out.push({ term: t, required: p[1], last: false }); }
      });
    });
    if (out.length) {
      var last = query.charAt(query.length - 1);
      out[out.length - 1].last = last !== " " && last !== "\"";
    }
    return out;
  }

  function hex(s) { var b = ""; for (var i = 0; i < s.length; i++) { b += ("0000" + s.charCodeAt(i).toString(16)).slice(-4); } return b; }

  function edits(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push(new Array(b.length + 1)); d[i][0] = i; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) { d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); }
      }
    }
    return d[a.length][b.length];
  }

  // The word index is in parts keyed by prefixes (WordIndex.split): a term is in the part whose
  // key is its longest prefix among the keys.
  Engine.prototype.partOf = function (term) {
    if (!this.wordKeys) { this.wordKeys = new Set(this.m.wordParts); }
    for (var n = term.length; n >= 1; n--) { var k = term.substring(0, n); if (this.wordKeys.has(k)) { return k; } }
    return null;
  };

  Engine.prototype.wordPart = function (key) {
    return this.part("w/" + hex(key)).then(function (p) { return p || {}; });
  };

  // Word search, as WordSearch.search does. Resolves to [{entry, score, terms}], best first.
  Engine.prototype.searchWords = function (query) {
    var self = this;
    return this.manifest().then(function (m) {
      var clauses = parseQuery(query, m.compiled), keys = {};
      clauses.forEach(function (c) {
        var own = self.partOf(c.term);
        if (own !== null) { keys[own] = true; }
        if (c.last && !c.required && c.term.length >= 2) {
          m.wordParts.forEach(function (k) { if (k.indexOf(c.term) === 0) { keys[k] = true; } });
        }
      });
      var names = Object.keys(keys);
      return Promise.all(names.map(function (k) { return self.wordPart(k); })).then(function (loaded) {
        var parts = {};
        names.forEach(function (k, i) { parts[k] = loaded[i]; });
        // Scores by entry number in typed arrays: a common word's postings cover thousands of
        // entries, and Map lookups per posting were most of a word search. Clauses are added in
        // the same order as in WordSearch.java, so the totals are the same numbers.
        var n = m.entries, total = new Float64Array(n), reqHits = new Uint8Array(n), termsOf = new Array(n), touched = [];
        var best = new Float64Array(n), has = new Uint8Array(n), bestTerm = new Array(n), required = 0;
        clauses.forEach(function (clause) {
          if (clause.required) { required++; }
          var exp = expand(self, clause, parts, m.wordParts), seen = [];
          exp.forEach(function (v, term) {
            var p = posting(v.posting), idf = Math.log(1 + (m.entries - p.entries.length + 0.5) / (p.entries.length + 0.5));
            for (var k = 0; k < p.entries.length; k++) {
              var e = p.entries[k], sc = v.factor * idf * (p.weight[k] / m.scale);
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
      });
    });
  };

  function expand(self, clause, parts, keys) {
    var out = new Map(), t = clause.term, ownKey = self.partOf(t), own = ownKey !== null ? (parts[ownKey] || {}) : {};
    var exact = Object.prototype.hasOwnProperty.call(own, t);
    if (exact) { out.set(t, { factor: 1.0, posting: own[t] }); }
    function df(p) { return p.length / 2; }
    function mostFrequent(list) {
      return list.sort(function (a, b) { return df(b[1]) - df(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); }).slice(0, MAX_EXPANSIONS);
    }
    if (clause.last && !clause.required && t.length >= 2) {
      var longer = [];
      var sources = [ownKey].concat(keys.filter(function (k) { return k !== ownKey && k.indexOf(t) === 0; }));
      sources.forEach(function (k) {
        var p = k === null ? null : parts[k];
        if (!p) { return; }
        Object.keys(p).forEach(function (term) { if (term.length > t.length && term.indexOf(t) === 0) { longer.push([term, p[term]]); } });
      });
      mostFrequent(longer).forEach(function (x) { if (!out.has(x[0])) { out.set(x[0], { factor: PREFIX, posting: x[1] }); } });
    }
    if (!exact && t.length >= 4) {
      var head = t.substring(0, 2), near = [];
      Object.keys(own).forEach(function (k) {
        if (k.indexOf(head) === 0 && Math.abs(k.length - t.length) <= 1 && edits(t, k) <= (t.length >= 8 ? 2 : 1)) { near.push([k, own[k]]); }
      });
      mostFrequent(near).forEach(function (x) { if (!out.has(x[0])) { out.set(x[0], { factor: TYPO, posting: x[1] }); } });
    }
    return out;
  }

  Engine.prototype.facets = function () { return this.part("facets"); };

  /** The family an entry belongs to: its original's id for translations and originals, else its number. */
  Engine.prototype.familyOf = function (entry) {
    var f = this.m && this.m.families[entry];
    return f ? f[0] : entry;
  };

  root.ErrataEngine = {
    create: function (load) { return new Engine(load); },
    tokenize: tokenize, terms: terms, compareVersions: compareVersions, inRange: inRange, hash: hash
  };
})(typeof window !== "undefined" ? window : globalThis);
