// The matcher as dev.errata.match has it: the words that find templates (MatchIndex.java),
// aligning a template with a line (Aligner.java), and ranking, confidence and explanations
// (Matcher.java), function for function. Pure: it works on what the engine has loaded
// (errata-engine.js) and loads nothing itself; no DOM, no dependencies, so Node runs it for the
// parity vectors. Every number that ranks is a Java constant the manifest carries: K.Class.NAME
// is the public constant NAME of the Java class Class; ParityTest fails on a number written here.
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});
  var K = Errata.constants || (Errata.constants = {});

  function isDigitFirst(w) { return Errata.text.isDigit(w.charCodeAt(0)); }
  function byScore(a, b) { return a.score !== b.score ? (b.score > a.score ? 1 : -1) : a.entry - b.entry; }

  // ---------------------------------------------------------------- index keys (MatchIndex.java)
  // Template items are {slot, text}; slots are Template.Slot's names.

  /** What a path slot compares: words and numbers (MatchIndex.pathParts). */
  function pathParts(path) {
    var out = [];
    if (!path) { return out; }
    var parts = path.split(/[\/._:\\-]+/);
    for (var i = 0; i < parts.length; i++) {
      var w = parts[i];
      if (w.length > 0 && (isDigitFirst(w) || w.length >= K.MatchIndex.MIN_PATH_WORD)) { out.push(w); }
    }
    return out;
  }
  /** The words of a path: its parts without the numbers (MatchIndex.pathWords). */
  function pathWords(path) {
    return pathParts(path).filter(function (w) { return !isDigitFirst(w); });
  }
  function isJoiner(c) { return c === "." || c === "-" || c === "+"; }
  /** A word of the message, as opposed to a slot (Template.Item.isWord). */
  function isWord(it) { return it.slot === "LITERAL" || it.slot === "PREFIX" || it.slot === "SUFFIX"; }
  /** The word by which the index finds a position (Template.Item.key). */
  function itemKey(it) {
    if (it.slot === "PREFIX") { return it.text.substring(0, it.text.length - (isJoiner(it.text.charAt(it.text.length - 1)) ? 1 : 0)); }
    if (it.slot === "SUFFIX") { return it.text.substring(isJoiner(it.text.charAt(0)) ? 1 : 0); }
    return it.text;
  }
  function accepts(it, token) {
    if (it.slot === "LITERAL") { return it.text === token; }
    if (it.slot === "PREFIX") { return token.length > it.text.length && token.indexOf(it.text) === 0; }
    if (it.slot === "SUFFIX") { return token.length > it.text.length && token.substring(token.length - it.text.length) === it.text; }
    return false;
  }
  /** A line's words for finding templates (MatchIndex.keys). */
  function lineKeys(tokens) {
    var out = [], seen = {};
    function add(k) { if (!seen[k]) { seen[k] = true; out.push(k); } }
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.kind === "P") { pathWords(t.text).forEach(add); }
      else {
        add(t.text);
        if (t.kind === "W" && t.text.indexOf(".") > 0) {
          t.text.split(".").forEach(function (p) { if (p.length >= K.MatchIndex.MIN_KEY_PART) { add(p); } });
        }
      }
    }
    return out;
  }
  /** The words by which a template is found, whose weights aligning it needs (MatchIndex.templateKeys). */
  function templateKeys(tpl) {
    var out = [];
    tpl.items.forEach(function (it) {
      if (isWord(it)) { out.push(itemKey(it)); }
      else if (it.slot === "NUMBER" && it.text) { out.push(it.text); }
      else if (it.slot === "PATH") { pathParts(it.text).forEach(function (w) { out.push(w); }); }
    });
    return out;
  }

  // ---------------------------------------------------------------------- aligner (Aligner.java)
  // Steps of the trace, one byte per cell.
  var OP_MATCH = 1, OP_SUB = OP_MATCH + 1, OP_DEL = OP_SUB + 1, OP_INS = OP_DEL + 1, OP_EXTEND = OP_INS + 1, OP_NEAR = OP_EXTEND + 1;

  /** Aligner.letters: lower-case letters only. */
  function letters(s) { return /^[a-z]*$/.test(s); }

  /** Aligner.slipLetters: lower-case letters, and after the first also 0 and 1 (a screenshot's text). */
  function slipLetters(s) { return /^[a-z][a-z01]*$/.test(s); }

  /** Aligner.readAlike: the look-alikes of a screenshot's text as one letter (i, 1 as l; 0 as o; rn after the first letter as m). */
  function readAlike(s) { return (s.charAt(0) + s.substring(1).replace(/rn/g, "m")).replace(/[i1]/g, "l").replace(/0/g, "o"); }

  /** Aligner.near: one edit, or the word as a screenshot's text reads it. */
  function near(word, typed) { return oneEdit(word, typed) || (word !== typed && readAlike(word) === readAlike(typed)); }

  /** Aligner.oneEdit: `typed` is `word` with one edit, not at the first letter nor only at the last. */
  function oneEdit(word, typed) {
    var a = word.length, b = typed.length, i = 0;
    while (i < a && i < b && word.charCodeAt(i) === typed.charCodeAt(i)) { i++; }
    if (i === 0 || i >= (a === b ? a - 1 : Math.min(a, b))) { return false; }
    var next = i + 1;
    if (a === b) {
      var swapped = word.charAt(i) === typed.charAt(next) && word.charAt(next) === typed.charAt(i)
        && word.substring(next + 1) === typed.substring(next + 1);
      return swapped || word.substring(next) === typed.substring(next);
    }
    return a > b ? word.substring(next) === typed.substring(i) : typed.substring(next) === word.substring(i);
  }

  function deletion(it, w) {
    if (isWord(it)) { return K.Aligner.WORD_DELETION * w; }
    return it.slot === "ANY" ? 0 : K.Aligner.SLOT_DELETION;
  }

  /** What slots gain, with the words of paths split once per alignment (Aligner.Slots). */
  function Slots(items, tokens, keyWeight) { this.items = items; this.tokens = tokens; this.keyWeight = keyWeight; this.iw = {}; this.tw = {}; }
  Slots.prototype.kindGain = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    switch (it.slot) {
      case "NUMBER": return tok.kind !== "N" ? -K.Aligner.SLOT_GAIN
        : it.text !== "" && it.text === tok.text ? K.Aligner.SLOT_GAIN + K.Aligner.EQUAL_NUMBER_TIE : K.Aligner.SLOT_GAIN;
      case "PATH": return tok.kind === "P" ? K.Aligner.SLOT_GAIN : K.Aligner.PATH_MISS_GAIN;
      case "NAME": return K.Aligner.NAME_GAIN;
      default: return 0;
    }
  };
  Slots.prototype.gain = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    switch (it.slot) {
      case "NUMBER":
        if (tok.kind !== "N") { return -K.Aligner.SLOT_GAIN; }
        return K.Aligner.SLOT_GAIN + (it.text !== "" && it.text === tok.text ? this.keyWeight(it.text) : 0);
      case "PATH": return tok.kind !== "P" ? K.Aligner.PATH_MISS_GAIN : K.Aligner.SLOT_GAIN + this.shared(i, j);
      case "NAME": return K.Aligner.NAME_GAIN;
      default: return 0;
    }
  };
  Slots.prototype.words = function (i) {
    if (!this.iw[i]) { this.iw[i] = pathParts(this.items[i].text); }
    return this.iw[i];
  };
  Slots.prototype.otherNumber = function (i, j) {
    var it = this.items[i], tok = this.tokens[j];
    return it.slot === "NUMBER" && it.text !== "" && tok.kind === "N" && it.text !== tok.text;
  };
  Slots.prototype.max = function (i) {
    var it = this.items[i], self = this;
    if (it.slot === "NUMBER") { return K.Aligner.SLOT_GAIN + (it.text === "" ? 0 : this.keyWeight(it.text)); }
    if (it.slot === "PATH") { var s = 0; this.words(i).forEach(function (w) { s += self.keyWeight(w); }); return K.Aligner.SLOT_GAIN + s; }
    return K.Aligner.SLOT_GAIN;
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
    if (s.length < K.Aligner.MIN_PLAIN_WORD) { return false; }
    for (var i = 0; i < s.length; i++) { if (!Errata.text.isLetter(s.charCodeAt(i))) { return false; } }
    return true;
  }

  var NONE = { quality: 0, coverage: 0, evidence: 0, exact: false, contradicted: false, matchedLiterals: 0, matchedTokens: [], start: 0, end: 0, tailCut: false };

  /**
   * Aligns template t ({explicit, items}) with tokens (Aligner.align); weights are the template
   * positions' weights, keyWeight(word) the weight of a word of a path or of a number.
   */
  /** Aligner.align; `headMayBeCut`, `tailMayBeCut` false for a line with others before, after it. */
  function align(t, tokens, weights, keyWeight, headMayBeCut, tailMayBeCut) {
    if (headMayBeCut === undefined) { headMayBeCut = true; }
    if (tailMayBeCut === undefined) { tailMayBeCut = true; }
    var items = t.items, m = Math.min(items.length, K.Aligner.MAX_ITEMS), n = Math.min(tokens.length, K.Aligner.MAX_TOKENS);
    // A selection that stops inside one of the template's words: aligned without its start (Aligner.java).
    if (tailMayBeCut && n === tokens.length && n > 0 && cutInsideAWord(items, m, tokens[n - 1])) { n--; }
    if (m === 0 || n === 0) { return NONE; }
    var slots = new Slots(items, tokens, keyWeight), i, j, w = n + 1;
    var s = new Float64Array((m + 1) * w), op = new Uint8Array((m + 1) * w);
    for (i = 1; i <= m; i++) {
      var it = items[i - 1], wt = weights[i - 1];
      // Whether this word may face a misspelling of it (Aligner.java).
      var spelt = it.slot === "LITERAL" && it.text.length >= K.Aligner.READ_LENGTH && letters(it.text) ? it.text.length : 0;
      // A word too short for a slip of one edit may still be read alike (Aligner.java).
      var slips = spelt >= K.Aligner.NEAR_LENGTH;
      s[i * w] = s[(i - 1) * w] - deletion(it, wt);
      op[i * w] = OP_DEL;
      for (j = 1; j <= n; j++) {
        var best, how;
        var del = s[(i - 1) * w + j] - deletion(it, wt);
        if (isWord(it)) {
          var typed = tokens[j - 1].text, eq = accepts(it, typed);
          // A line that may start inside the message may start with any of its words (Aligner.java).
          var from = eq && j === 1 && headMayBeCut ? Math.max(s[(i - 1) * w], 0) : s[(i - 1) * w + j - 1];
          if (eq) { best = from + wt; how = OP_MATCH; }
          else if (spelt > 0 && Math.abs(typed.length - spelt) <= 1 && slipLetters(typed)
              && (slips ? near(it.text, typed) : it.text !== typed && readAlike(it.text) === readAlike(typed))) {
            best = s[(i - 1) * w + j - 1] + K.Aligner.NEAR_GAIN * wt; how = OP_NEAR;
          } else { best = s[(i - 1) * w + j - 1] - K.Aligner.SUBSTITUTION * wt; how = OP_SUB; }
        } else {
          best = s[(i - 1) * w + j - 1] + slots.kindGain(i - 1, j - 1);
          how = OP_MATCH;
          var extend = s[i * w + j - 1] - (it.slot === "ANY" ? 0 : K.Aligner.SLOT_EXTENSION);
          if (extend > best) { best = extend; how = OP_EXTEND; }
        }
        if (del > best) { best = del; how = OP_DEL; }
        if (i < m && isWord(it)) {
          var ins = s[i * w + j - 1] - K.Aligner.INSERT;
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
    if (!tailMayBeCut) { return trace(t, weights, op, w, m, n, endI, endJ, slots, headMayBeCut, false); }
    for (i = 1; i < m; i++) {
      // Not over pasted tokens that are none of the template's (Aligner.java).
      if (op[i * w + n] === OP_MATCH && isWord(items[i - 1]) && (i === 1 || op[(i - 1) * w + n - 1] !== OP_INS)
        && s[i * w + n] > s[endI * w + endJ]) { endI = i; endJ = n; }
    }
    return trace(t, weights, op, w, m, n, endI, endJ, slots, headMayBeCut, true);
  }

  /** Aligner.cutInsideAWord: the paste's last token starts one of the template's words and is none of them. */
  function cutInsideAWord(items, m, last) {
    if (last.kind !== "W" || last.text.length < K.Aligner.MIN_CUT_WORD) { return false; }
    var starts = false;
    for (var i = 0; i < m; i++) {
      var it = items[i];
      if (it.slot === "LITERAL") {
        if (it.text === last.text) { return false; }
        if (it.text.indexOf(last.text) === 0) { starts = true; }
      }
    }
    return starts;
  }

  function trace(t, weights, op, w, m, n, endI, endJ, slots, headMayBeCut, tailMayBeCut) {
    var items = t.items, itemOp = new Uint8Array(m), itemTok = new Int32Array(m), matched = [], insertions = 0;
    itemOp.fill(OP_DEL, endI, m);
    var i = endI, j = endJ, startJ = endJ, k;
    while (i > 0) {
      var o = op[i * w + j];
      if (o === OP_MATCH || o === OP_SUB || o === OP_NEAR) {
        itemOp[i - 1] = o; itemTok[i - 1] = j - 1;
        if ((o === OP_MATCH && isWord(items[i - 1])) || o === OP_NEAR) { matched.unshift(j - 1); }
        startJ = j - 1; i--; j--;
      } else if (o === OP_EXTEND) { startJ = j - 1; j--; }
      else if (o === OP_INS) { insertions++; j--; }
      else { itemOp[i - 1] = OP_DEL; i--; }
    }
    var first = -1, last = -1, literals = 0;
    for (k = 0; k < m; k++) {
      if (isWord(items[k]) && itemOp[k] === OP_MATCH) { literals++; }
      if (itemOp[k] === OP_MATCH || itemOp[k] === OP_SUB || itemOp[k] === OP_NEAR) { if (first < 0) { first = k; } last = k; }
    }
    if (literals === 0) { return NONE; }
    var headCut = startJ === 0 && headMayBeCut, tailCut = endJ === n && tailMayBeCut;
    var total = 0, cutWeight = 0, gained = 0, substituted = 0, evidence = 0, contradicted = false, complete = true;
    for (k = 0; k < m; k++) {
      var it = items[k];
      if (it.slot === "ANY") { continue; }
      var literal = isWord(it);
      var max = literal ? weights[k] : slots.max(k);
      total += max;
      if (itemOp[k] === OP_MATCH && slots.otherNumber(k, itemTok[k])) {
        substituted += max; complete = false; evidence -= max; contradicted = true;
        continue;
      }
      if (itemOp[k] === OP_NEAR) { gained += K.Aligner.NEAR_GAIN * max; evidence += K.Aligner.NEAR_GAIN * max; complete = false; continue; }
      var got = itemOp[k] !== OP_MATCH ? 0 : literal ? max : Math.min(max, slots.gain(k, itemTok[k]));
      var cut = itemOp[k] === OP_DEL && ((k < first && headCut) || (k > last && tailCut));
      if (got > 0) {
        gained += got; evidence += got;
        if (it.slot === "PATH" && got < max) { complete = false; }
        continue;
      }
      if (itemOp[k] === OP_SUB) { substituted += max; }
      if (it.slot === "NUMBER" && !t.explicit) { evidence -= K.Aligner.SLOT_GAIN; continue; }
      complete = false;
      if (cut) { cutWeight += max; continue; }
      evidence -= max;
      if (literal && (t.explicit || (isPlainWord(itemKey(it)) && max > K.Aligner.PLAIN_WORD_WEIGHT))) { contradicted = true; }
    }
    var quality = Math.max(0, (gained - K.Aligner.QUALITY_SUBSTITUTED * substituted - K.Aligner.INSERT * insertions)
      / Math.max(total - cutWeight, K.Aligner.MIN_TOTAL));
    var coverage = gained / Math.max(total, K.Aligner.MIN_TOTAL);
    var exact = complete && insertions === 0 && !contradicted;
    return { quality: Math.min(1, quality), coverage: Math.min(1, coverage), evidence: evidence - K.Aligner.INSERT * insertions, exact: exact,
      contradicted: contradicted, matchedLiterals: literals, matchedTokens: matched, start: startJ, end: endJ, tailCut: tailCut && last < m - 1 };
  }

  // ---------------------------------------------------------------------- matcher (Matcher.java)
  /** The lines most telling first, in paste order within a place (Matcher.mostTellingFirst). */
  function mostTellingFirst(lines, width) {
    var out = lines.slice(), R = Errata.text.order;
    if (!(width > 0)) {
      out.sort(function (x, y) { var d = R(x) - R(y); return d !== 0 ? d : x.number - y.number; });
      return out;
    }
    var order = wrappedOrder(lines, width);
    out.sort(function (x, y) { var d = order.get(x) - order.get(y); return d !== 0 ? d : x.number - y.number; });
    return out;
  }

  /** Each line's place: its own, or the most telling of the pieces of a record a terminal cut (Matcher.wrappedOrder). */
  function wrappedOrder(lines, width) {
    var out = new Map();
    lines.forEach(function (l) { out.set(l, Errata.text.order(l)); });
    if (width <= 0) { return out; }
    var inPaste = lines.slice().sort(function (x, y) { return x.number !== y.number ? x.number - y.number : (x.part || 0) - (y.part || 0); });
    var piece = [], previous = null;
    function settle() {
      if (piece.length <= 1) { return; }
      var best = Math.min.apply(null, piece.map(function (p) { return out.get(p); }));
      piece.forEach(function (p) { out.set(p, best); });
    }
    inPaste.forEach(function (l) {
      var part = l.part || 0;
      var goesOn = previous !== null && part === 0 && previous.span === 1 && previous.number + 1 === l.number
        && previous.original.length >= width - 1 && previous.original.length <= width;
      if (!goesOn) { settle(); piece = []; }
      if (part === 0) { piece.push(l); previous = l; } else { previous = null; }
    });
    settle();
    return out;
  }

  /**
   * What a prepared paste asks of the index: the lines matched and each one's keys, the keys
   * allowed to find templates, the relevance terms with their summed line weights, and every
   * word to look up.
   */
  function query(paste, rules) {
    var lines = mostTellingFirst(paste.lines, paste.width);
    var keysOf = lines.map(function (l) { return lineKeys(l.tokens); });
    var allowed = [], allowedSet = {};
    keysOf.forEach(function (ks) {
      ks.forEach(function (k) { if (allowed.length < K.Matcher.MAX_QUERY_KEYS && !allowedSet[k]) { allowedSet[k] = true; allowed.push(k); } });
    });
    var terms = new Map();
    lines.forEach(function (l) {
      Errata.text.terms(l.tokens, rules).forEach(function (t) {
        if (terms.size < K.Matcher.MAX_QUERY_TERMS || terms.has(t)) { terms.set(t, (terms.get(t) || 0) + Errata.text.lineWeight(l)); }
      });
    });
    var words = allowed.slice();
    terms.forEach(function (v, t) { if (!allowedSet[t]) { words.push(t); } });
    return { lines: lines, keysOf: keysOf, allowed: allowedSet, terms: terms, words: words };
  }

  /** A word found in few templates says more than a common one (MatchData.literalWeight). */
  function literalWeight(key, df, templates, stop) {
    if (stop[key]) { return K.MatchData.STOPWORD_WEIGHT; }
    return 1 + Math.log((templates + 1) / (df || 1));
  }

  /** Matcher.leastShare: what a template must share with a line of weight `lw` to be a candidate there. */
  function leastShare(lw) { return K.Matcher.MIN_LINE_SHARE * Math.min(lw, K.Matcher.LINE_WEIGHT_CAP); }

  /**
   * The templates worth aligning with a line: those sharing at least leastShare(weight of its
   * words), a quarter of it up to LINE_WEIGHT_CAP, most shared first, at most
   * CANDIDATES_PER_SHARE of any one share (Matcher.candidates). `literal` maps a word to its
   * templates, `weightOf(word, df)`.
   */
  function candidates(keys, allowed, literal, weightOf) {
    var acc = new Map(), lw = 0;
    keys.forEach(function (key) {
      if (!allowed[key]) { return; }
      var p = literal[key];
      if (!p) { return; }
      var w = weightOf(key, p.length);
      lw += w;
      for (var i = 0; i < p.length; i++) { acc.set(p[i], (acc.get(p[i]) || 0) + w); }
    });
    var out = [];
    var least = leastShare(lw);
    acc.forEach(function (v, tid) { if (v >= least) { out.push(tid); } });
    out.sort(function (a, b) { var d = acc.get(b) - acc.get(a); return d !== 0 ? (d > 0 ? 1 : -1) : a - b; });
    var taken = [], run = 0, share = NaN;
    for (var k = 0; k < out.length && taken.length < K.Matcher.CANDIDATES_PER_LINE; k++) {
      var v = acc.get(out[k]);
      run = v === share ? run + 1 : 1;
      share = v;
      if (run <= K.Matcher.CANDIDATES_PER_SHARE) { taken.push(out[k]); }
    }
    return taken;
  }

  /** Each line's candidates cut to what is left of the MAX_ALIGNMENTS budget, lines in order. */
  function withinBudget(perLine) {
    var left = K.Matcher.MAX_ALIGNMENTS;
    return perLine.map(function (c) { var kept = c.slice(0, Math.max(0, left)); left -= kept.length; return kept; });
  }

  /** What a line's evidence counts by its rank (Matcher.lineFactor). */
  function lineFactor(r) {
    if (r === K.PreparedLine.RANK_ERROR) { return K.Matcher.ERROR_LINE; }
    if (r === K.PreparedLine.RANK_WARNING) { return K.Matcher.WARNING_LINE; }
    if (r === K.PreparedLine.RANK_UNMARKED) { return K.Matcher.UNMARKED_LINE; }
    return r === K.PreparedLine.RANK_INFO_ERROR ? K.Matcher.INFO_ERROR_LINE : K.Matcher.INFO_LINE;
  }

  /** An alignment that could make a confident answer on its own (Matcher.sound). */
  function sound(a) {
    return !a.contradicted && (a.exact || (a.quality >= K.Matcher.LIKELY_QUALITY && a.coverage >= K.Matcher.LIKELY_COVERAGE));
  }

  /**
   * What the paste shows of each entry, by entry number: {best: {value, alignment, line, tokens,
   * template}, exact (the same, of its best word-for-word alignment, or null), first, occurrences}
   * (Matcher.align).
   */
  function bestPerEntry(lines, perLine, tpls, keyWeight, stop) {
    var a = aligner(lines, perLine, tpls, keyWeight, stop);
    while (!a.step(Infinity)) { /* aligns every line */ }
    return a.result();
  }

  /**
   * bestPerEntry a slice at a time: step(limit) aligns at most `limit` more lines and says
   * whether all are done; done() how many are; result() what bestPerEntry gives.
   */
  function aligner(lines, perLine, tpls, keyWeight, stop) {
    var found = new Map(), byNumber = new Map(), firstLine = Infinity, lastLine = 0, li = 0;
    lines.forEach(function (l) { byNumber.set(l.number, l); firstLine = Math.min(firstLine, l.number); lastLine = Math.max(lastLine, l.number); });
    // A line read from the same line of the paste as the one before goes on from it; else the
    // paste's line after the last it was read from (Matcher: after).
    var byPart = new Map();
    lines.forEach(function (l) { if (l.part > 0) { byPart.set(l.number + ":" + l.part, l); } });
    function after(l) { var same = byPart.get(l.number + ":" + ((l.part || 0) + 1)); return same !== undefined ? same : byNumber.get(l.number + (l.span || 1)); }
    // The line a line of its own goes on from, by the number of the line after it, when long enough
    // to be a terminal's wrap: for reading back (Matcher.align).
    var before = new Map();
    lines.forEach(function (l) {
      var at = l.number + (l.span || 1);
      if (!(l.part > 0) && l.original.length >= K.Paste.MIN_WRAPPED_LINE && !before.has(at)) { before.set(at, l); }
    });
    return {
      step: function (limit) {
        for (var end = Math.min(lines.length, li + limit); li < end; li++) { alignLine(li); }
        return li >= lines.length;
      },
      done: function () { return li; },
      result: function () { return found; }
    };
    function alignLine(li) {
      var line = lines[li], cands = perLine[li], next = after(line), first = line.number === firstLine;
      // A line as long as this one may be one more piece of a message a terminal wrapped (Matcher.align).
      var afterNext = next && next.original.length === line.original.length ? after(next) : undefined;
      var glued, gluedLast = afterNext ? afterNext.number === lastLine : next && next.number === lastLine;
      // Where a message may stop inside the line: on the paste's last, or on one a program shortened.
      var mayStop = line.number === lastLine || ellipsized(line);
      // The line before, when a terminal may have cut a word of this line's message in two there (Matcher.readBack).
      var back = line.part > 0 ? undefined : before.get(line.number), backGlued;
      // The line with the next and more lines after it, made on first need (Matcher.Lines.readOn).
      var readOns = [];
      function readOn(k) {
        while (readOns.length <= k) {
          var before = readOns.length === 0 ? next : readOns[readOns.length - 1].last, more = before ? after(before) : undefined;
          if (!more) { return null; }
          var base = readOns.length === 0 ? line.tokens.concat(next.tokens) : readOns[readOns.length - 1].tokens;
          readOns.push({ tokens: base.concat(more.tokens), last: more });
        }
        return readOns[k];
      }
      for (var c = 0; c < cands.length; c++) {
        var tpl = tpls[cands[c]];
        var weights = tpl.items.map(function (it) { return isWord(it) ? keyWeight(itemKey(it)) : 0; });
        var tokens = line.tokens, a = align(tpl, tokens, weights, keyWeight, first, true);
        if (a.tailCut) {
          // Cut only on the paste's last line; else the line alone, or joined with the next (a
          // wrapped message), cut there only if the paste stops there: the better (Matcher.alignOne).
          if (!mayStop) { a = align(tpl, tokens, weights, keyWeight, first, false); }
          if (next) {
            var joined = tokens.concat(next.tokens), b = align(tpl, joined, weights, keyWeight, first, next.number === lastLine);
            if (b.evidence > a.evidence) { a = b; tokens = joined; }
            // A message that goes on past the next line too is read on, a line at a time (Matcher.alignOne).
            var open = next.number === lastLine ? b : align(tpl, joined, weights, keyWeight, first, true);
            for (var k = 0; k < K.Matcher.READ_ON_LINES && open.tailCut; k++) {
              var more = readOn(k);
              if (!more) { break; }
              open = align(tpl, more.tokens, weights, keyWeight, first, true);
              var c2 = more.last.number === lastLine ? open : align(tpl, more.tokens, weights, keyWeight, first, false);
              if (c2.evidence > a.evidence) { a = c2; tokens = more.tokens; }
            }
          }
        }
        // A line wrapped inside a word, read as one with the next whether or not it seemed cut (Matcher.alignOne).
        if (next && glued === undefined) { glued = glue(line, next, afterNext); }
        if (next && glued) {
          var g = align(tpl, glued, weights, keyWeight, first, gluedLast);
          if (g.evidence > a.evidence) { a = g; tokens = glued; }
        }
        credit(tpl, a, line, tokens);
        // A message whose first words the line before holds, a word cut in two between (Matcher.readBack).
        if (back && !sound(a)) {
          var had = found.get(tpl.entry);
          if (had && had.best && had.best.line === back && had.best.template === tpl) { continue; }
          if (backGlued === undefined) { backGlued = glue(back, line, undefined); }
          if (backGlued) { credit(tpl, align(tpl, backGlued, weights, keyWeight, back.number === firstLine, line.number === lastLine), back, backGlued); }
        }
      }
    }

    /** Credits the template's entry with its alignment on a line (Matcher.credit). */
    function credit(tpl, a, line, tokens) {
      if (a.matchedLiterals === 0) { return; }
      var value = Math.max(0, a.evidence) * lineFactor(Errata.text.rank(line));
      if (a.contradicted) { value *= Errata.text.rank(line) >= K.PreparedLine.RANK_INFO_ERROR ? K.Matcher.CONTRADICTED_INFO : K.Matcher.CONTRADICTED; }
      if (a.exact) { value += K.Matcher.EXACT_BONUS; }
      if (tpl.primary) { value += K.Matcher.PRIMARY_BONUS; }
      var f = found.get(tpl.entry);
      if (!f) { f = { best: null, exact: null, first: Infinity, last: 0, occurrences: 0, lastCounted: -1, beyondWarnings: false }; found.set(tpl.entry, f); }
      var made = null;
      if (!f.best || value > f.best.value + K.Matcher.TIE) {
        f.best = made = { value: value, alignment: a, line: line, tokens: tokens, template: tpl };
      }
      if (a.exact && (!f.exact || value > f.exact.value + K.Matcher.TIE)) {
        var whole = made || { value: value, alignment: a, line: line, tokens: tokens, template: tpl };
        if (informative(whole, stop) >= K.Matcher.MIN_INFORMATIVE) { f.exact = whole; }
      }
      if (sound(a) && f.lastCounted !== line.number) {
        f.lastCounted = line.number;
        f.occurrences += line.repeats;
        f.first = Math.min(f.first, line.number);
        f.last = Math.max(f.last, line.lastNumber);
        var lineRank = Errata.text.rank(line);
        f.beyondWarnings = f.beyondWarnings || lineRank !== K.PreparedLine.RANK_WARNING && lineRank !== K.PreparedLine.RANK_ORDINARY;
      }
    }
  }

  /**
   * The pieces of a message a terminal wrapped, read as the line it was: the line, the next, and
   * the one after when given; a word cut in two is one word (Matcher.glue). Null when the line is
   * too short to have been wrapped, or the pieces are the line and the next with no word cut.
   */
  function glue(line, next, afterNext) {
    if (line.original.length < K.Paste.MIN_WRAPPED_LINE) { return null; }
    var out = line.tokens.slice(), cut = glueOnto(out, line.text, true, next);
    if (afterNext) { cut = glueOnto(out, next.text, next.tokens.length > (cut ? 1 : 0), afterNext) || cut; }
    return cut || afterNext ? out : null;
  }

  /** Adds a piece's tokens to those before it (Matcher.glueOnto); whether a word cut in two was made one. */
  function glueOnto(tokens, before, own, piece) {
    var b = piece.tokens, bare = piece.text.length === piece.original.length; // no log prefix of its own
    if (own && bare && tokens.length > 0 && b.length > 0) {
      var end = tokens[tokens.length - 1], start = b[0];
      if (end.end === before.length && start.start === 0 && gluable(end) && gluable(start)) {
        var one = Errata.text.tokenize(before.substring(end.start) + piece.text.substring(0, start.end));
        if (one.length === 1 && gluable(one[0])) {
          tokens[tokens.length - 1] = { text: one[0].text, kind: one[0].kind, start: end.start, end: end.end };
          for (var i = 1; i < b.length; i++) { tokens.push(b[i]); }
          return true;
        }
      }
    }
    for (var k = 0; k < b.length; k++) { tokens.push(b[k]); }
    return false;
  }

  /** Whether a line ends in an ellipsis, as a line a program shortened does (Matcher.ellipsized). */
  function ellipsized(line) {
    var s = line.original.replace(/[ \t]+$/, "");
    return /(\u2026|\.\.\.)$/.test(s);
  }

  function gluable(t) { return t.kind === "W" || t.kind === "N"; }

  /** BM25 relevance of each entry to the query terms; `postings` maps a term to {entries, weight}. */
  function relevance(terms, postings, entries) {
    var out = new Map();
    terms.forEach(function (qv, term) {
      var p = postings[term];
      if (!p) { return; }
      var idf = Errata.search.idf(entries, p.entries.length), qw = Math.min(K.Matcher.MAX_QUERY_WEIGHT, qv);
      for (var k = 0; k < p.entries.length; k++) {
        var e = p.entries[k];
        out.set(e, (out.has(e) ? out.get(e) : 0) + qw * idf * (p.weight[k] / K.Posting.SCALE));
      }
    });
    return out;
  }

  /** Every entry aligned or relevant, scored, best first: the RANKED best. */
  function rank(found, rel) {
    var scored = new Set(found.keys()), ranked = [];
    rel.forEach(function (v, e) { scored.add(e); });
    scored.forEach(function (e) {
      // The score from the best alignment, the label and the line shown from the best word-for-word one (Matcher.scored).
      var f = found.get(e), b = f ? f.best : null, shown = f ? f.exact || b : null, bm = rel.has(e) ? rel.get(e) : 0, r = bm / (bm + K.Matcher.REL_HALF);
      var line = b ? b.line.number : 0, seen = f && f.occurrences > 0;
      // Whether every line the answer stands on is only a logger's warning (Matcher.scored).
      var warningsOnly = seen ? !f.beyondWarnings : !!shown && Errata.text.rank(shown.line) === K.PreparedLine.RANK_WARNING;
      ranked.push({ entry: e, score: (b ? b.value : 0) + K.Matcher.W_RELEVANCE * r, quality: shown ? shown.alignment.quality : 0, rel: r, shown: shown,
        first: seen ? f.first : line, last: seen ? f.last : line, occurrences: f ? f.occurrences : 0, warningsOnly: warningsOnly });
    });
    ranked.sort(byScore);
    return ranked.slice(0, K.Matcher.RANKED);
  }

  function withScore(s, score) {
    return { entry: s.entry, score: score, quality: s.quality, rel: s.rel, shown: s.shown, first: s.first, last: s.last, occurrences: s.occurrences,
      warningsOnly: s.warningsOnly };
  }

  /** The entries whose ranges the versions judge: the VERSIONED best, when the paste has versions. */
  function judged(head, versions) {
    return versions.found.length > 0 ? head.slice(0, K.Matcher.VERSIONED).map(function (s) { return s.entry; }) : [];
  }

  /** Versions break ties: a small bonus when one falls in a range, a penalty when all fall outside. */
  function applyVersions(head, infos, versions) {
    if (versions.found.length === 0) { return head.slice(); }
    var out = head.map(function (s, r) {
      if (r >= K.Matcher.VERSIONED) { return s; }
      var v = verdicts(infos[s.entry], versions), delta = 0;
      // A component affected in every release ("*") breaks no tie (Matcher.applyVersions).
      if (v.length) {
        delta = !v.some(function (x) { return x.verdict === "affected"; }) ? -K.Matcher.VERSION_PENALTY
          : v.some(function (x) { return x.verdict === "affected" && x.ranges !== "*"; }) ? K.Matcher.VERSION_BONUS : 0;
      }
      return withScore(s, s.score + delta);
    });
    out.sort(byScore);
    return out;
  }

  /** One result per family of translations, in the preferred language when it scores as well. */
  function oneOfEachFamily(head, families, lang) {
    function family(e) { var f = families[e]; return f ? { family: f[0], lang: f[1] } : null; }
    var chosen = new Map();
    head.forEach(function (s) {
      var f = family(s.entry), key = f ? f.family : "#" + s.entry, elang = f ? f.lang : "en";
      var prev = chosen.get(key);
      if (!prev) { chosen.set(key, s); }
      else {
        var pf = family(prev.entry), plang = pf ? pf.lang : "en";
        if (elang === lang && plang !== lang && s.score >= prev.score * K.Matcher.FAMILY_SHARE) {
          chosen.set(key, withScore(s, prev.score));
        }
      }
    });
    var list = Array.from(chosen.values());
    list.sort(byScore);
    return list;
  }

  /**
   * The results shown (Matcher.match): each with its label, confident ones first in the order they
   * happened (the paste's, or its reverse when it runs newest first), those that follow from
   * others or are told only in the sender's words above the log after them, those found only on
   * warnings last, each cause an entry names (`follows`) just before what follows from it; then
   * the rest by score, at most `top`, without noise. `termsOf(entry)` gives an entry's relevance terms.
   */
  function pick(list, top, termsOf, postings, stop, newestFirst, askedWords, lines, rules, follows, session) {
    var labels = confidences(list, termsOf, postings, stop), order = [];
    var gone = unexplained(list, labels, lines || [], rules, newestFirst);
    if (gone) { labels = labels.map(function () { return "possible"; }); }
    for (var r = 0; r < list.length; r++) { order.push(r); }
    var asked = askedAbout(list, labels, askedWords || []), above = wordsAbove(lines || []);
    var moved = list.map(function (s, i) { return labels[i] !== "possible" && movedOn(i, list, labels, session); });
    order.sort(function (x, y) {
      var cx = labels[x] !== "possible", cy = labels[y] !== "possible";
      if (cx !== cy) { return cx ? -1 : 1; }
      // Answers found only on warnings after every other (Matcher.match).
      var wx = cx && !!list[x].warningsOnly, wy = cy && !!list[y].warningsOnly;
      if (wx !== wy) { return wx ? 1 : -1; }
      // Errors that follow from others, and answers told only in the sender's words above the log (SendersQuestion.wordsAbove), after the rest.
      // And those only in the output of a command the session ran again, failing otherwise (movedOn).
      var dx = cx && (downstream(list[x]) || list[x].last <= above || moved[x]),
        dy = cy && (downstream(list[y]) || list[y].last <= above || moved[y]);
      if (dx !== dy) { return dx ? 1 : -1; }
      // The one the sender's question names before the others (SendersQuestion).
      if (asked.has(x) !== asked.has(y)) { return asked.has(x) ? -1 : 1; }
      var fx = !cx ? 0 : happened(list[x], newestFirst), fy = !cy ? 0 : happened(list[y], newestFirst);
      return fx !== fy ? fx - fy : x - y;
    });
    order = causesFirst(order, list, labels, follows || {});
    var picked = [];
    for (var i = 0; i < order.length && picked.length < top; i++) {
      var s = list[order[i]], conf = labels[order[i]];
      if (conf === "possible" && s.quality < K.Matcher.MIN_QUALITY && s.rel < K.Matcher.MIN_RELEVANCE) { continue; }
      picked.push({ s: s, confidence: conf });
    }
    return { picked: picked, unexplained: gone };
  }

  /** Matcher.movedOn: answer r is last shown before its command runs again, and the run again shows another failure of its own. */
  function movedOn(r, list, labels, session) {
    for (var q = 0; q < list.length; q++) {
      if (q !== r && labels[q] !== "possible" && !list[q].warningsOnly && !downstream(list[q])
          && Errata.text.runAgainBetween(session, list[r].last, list[q].last)) { return true; }
    }
    return false;
  }

  /**
   * Matcher.unexplained: when every confident answer is downstream, the first failure of its own
   * the paste shows before them; when some stand only on warnings and the rest are downstream,
   * the first line that says the process is gone, or an unmarked exception before the downstream
   * ones; else null. The answers are then only possible.
   */
  function unexplained(list, labels, lines, rules, newestFirst) {
    var first = Infinity, besideWarnings = false;
    for (var r = 0; r < list.length; r++) {
      if (labels[r] !== "possible") {
        if (downstream(list[r])) {
          first = Math.min(first, happened(list[r], newestFirst));
        } else if (list[r].warningsOnly) {
          besideWarnings = true;
        } else {
          return null;
        }
      }
    }
    var at = function (l) { return newestFirst ? -l.number : l.number; };
    var earliestOf = function (admit) {
      var earliest = null;
      lines.forEach(function (l) {
        if ((earliest === null || at(l) < at(earliest) || (l.number === earliest.number && (l.part || 0) < (earliest.part || 0))) && admit(l)) {
          earliest = l;
        }
      });
      return earliest;
    };
    var before = first === Infinity ? Infinity : newestFirst ? first : recordStart(lines, first);
    if (besideWarnings) { return earliestOf(function (l) { return ends(l, rules) || at(l) < before && l.level === "" && saysItFailed(l, rules); }); }
    if (first === Infinity) { return null; }
    return earliestOf(function (l) { return at(l) < first && anywhere(l, rules) || at(l) < before && saysItFailed(l, rules); });
  }

  /** FailureLines.recordStart: the line a logger marked that unmarked line n goes on from, lines left out counting as unmarked; else n. */
  function recordStart(lines, n) {
    var levels = new Map();
    lines.forEach(function (l) { if (!l.part) { levels.set(l.number, l.level); } });
    if (!levels.has(n) || levels.get(n) !== "") { return n; }
    for (var k = n - 1; k >= 1; k--) {
      if (levels.has(k) && levels.get(k) !== "") { return k; }
    }
    return n;
  }

  /** FailureLines.saysItFailed: a line that says it failed the way a failure of its own is told. */
  function saysItFailed(line, rules) {
    if (!line.failing) { return false; }
    if (line.level === "error" || Errata.text.order(line) === K.PreparedLine.ORDER_INFO_FAILING) { return true; }
    if (line.level !== "") { return false; }
    return line.tokens.some(function (t) {
      return t.kind === "W" && t.end < line.text.length && line.text.charAt(t.end) === ":" && Errata.text.namesAnError(rules, t.text);
    });
  }

  /** FailureLines.anywhere: a line that reports a failure of its own wherever it stands, inside another line's record too. */
  function anywhere(line, rules) { return Errata.text.reportsFailure(rules, line.text); }

  /** FailureLines.ends: a line that says the process is gone (a crash, a kill). */
  function ends(line, rules) { return Errata.text.reportsEnd(rules, line.text); }

  /** Matcher.happened: where an answer comes in the order things happened (its first line, or minus its last when the paste runs newest first). */
  function happened(s, newestFirst) { return newestFirst ? -s.last : s.first; }

  /**
   * Matcher.causesFirst: the causes of each confident answer whose entry follows from another
   * confident answer's (`follows`: the manifest's entry numbers) brought forward to just before it.
   */
  function causesFirst(sorted, list, labels, follows) {
    function causes(r) { return labels[r] !== "possible" ? follows[list[r].entry] : undefined; }
    if (!sorted.some(function (r) { return causes(r); })) { return sorted; }
    var out = [], placing = new Set();
    function place(r) {
      if (placing.has(r)) { return; }
      placing.add(r);
      var c = causes(r);
      if (c) {
        sorted.forEach(function (q) {
          if (q !== r && labels[q] !== "possible" && c.indexOf(list[q].entry) >= 0) { place(q); }
        });
      }
      out.push(r);
    }
    sorted.forEach(place);
    return out;
  }

  /** Matcher.downstream: the answer's entry says its error follows from other failures. */
  function downstream(s) { return !!(s.shown && s.shown.template.downstream); }

  /** The words of the sender's question above the log, in order (SendersQuestion.words). */
  function askedWords(lines, rules) {
    var inOrder = linesInOrder(lines), paragraph = opening(inOrder);
    var question = paragraph.some(function (l) { return l.original.indexOf("?") >= 0; }) && inOrder.some(function (l) { return l.level !== ""; });
    var out = [];
    if (question) {
      paragraph.forEach(function (l) {
        l.tokens.forEach(function (t) {
          if (t.kind === "W" && t.text.length >= K.Matcher.MIN_ASKED_WORD && !rules.stop[t.text] && !Errata.text.isErrorWord(rules, t.text)) { out.push(t.text); }
        });
      });
    }
    return out;
  }

  /**
   * SendersQuestion.wordsAbove: the last line of the sender's words above the log (its opening
   * paragraph, a blank line after it, a marked line later), or 0.
   */
  function wordsAbove(lines) {
    var inOrder = linesInOrder(lines), paragraph = opening(inOrder);
    if (paragraph.length === 0 || paragraph.length === inOrder.length) { return 0; }
    var last = paragraph[paragraph.length - 1].number, apart = inOrder[paragraph.length].number > last + 1;
    return apart && inOrder.some(function (l) { return l.level !== ""; }) ? last : 0;
  }

  function linesInOrder(lines) {
    return lines.slice().sort(function (a, b) { return a.number !== b.number ? a.number - b.number : (a.part || 0) - (b.part || 0); });
  }

  /** SendersQuestion.opening: the first lines up to a blank or dropped one, or one a logger marked. */
  function opening(inOrder) {
    var paragraph = [];
    for (var i = 0; i < inOrder.length; i++) {
      if (inOrder[i].level !== "" || paragraph.length > 0 && inOrder[i].number > paragraph[paragraph.length - 1].number + 1) { break; }
      paragraph.push(inOrder[i]);
    }
    return paragraph;
  }

  /** Of two or more confident answers not downstream, those the sender asked about, by position (SendersQuestion.askedAbout). */
  function askedAbout(list, labels, words) {
    var confident = [];
    for (var r = 0; r < list.length; r++) {
      if (labels[r] !== "possible" && !downstream(list[r]) && list[r].shown) { confident.push(r); }
    }
    var out = new Set();
    if (words.length === 0) { return out; }
    var names = new Map();
    confident.forEach(function (r) { names.set(r, ownWords(list[r].shown)); });
    for (var w = 0; w < words.length; w++) {
      var with_ = confident.filter(function (r) { return names.get(r).has(words[w]); });
      if (with_.length > 0 && with_.length < confident.length) { with_.forEach(function (r) { out.add(r); }); return out; }
    }
    return out;
  }

  /** The words of the line shown other than those that matched its symptom's (SendersQuestion.ownWords). */
  function ownWords(shown) {
    var matched = new Set(shown.alignment.matchedTokens), out = new Set();
    shown.tokens.forEach(function (t, i) { if (t.kind === "W" && !matched.has(i)) { out.add(t.text); } });
    return out;
  }

  /** The query terms an entry has, rarest first. */
  function relevanceTerms(entry, terms, postings, entries) {
    var contrib = [];
    terms.forEach(function (v, term) {
      var p = postings[term];
      if (p && p.entries.indexOf(entry) >= 0) { contrib.push([term, Errata.search.idf(entries, p.entries.length)]); }
    });
    contrib.sort(function (a, b) { return a[1] !== b[1] ? (b[1] > a[1] ? 1 : -1) : (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
    return contrib.slice(0, K.Matcher.RELEVANCE_TERMS).map(function (x) { return x[0]; });
  }

  /** Matched literal words that are not stopwords. */
  function informative(b, stop) {
    var n = 0;
    b.alignment.matchedTokens.forEach(function (idx) {
      var t = b.tokens[idx];
      if (t.kind === "W" && !stop[t.text] && t.text.length >= K.Matcher.INFORMATIVE_LENGTH) { n++; }
    });
    return n;
  }

  /**
   * Each entry's label (Matcher.confidences): only the best-scoring entry on its line may be
   * confident, against the next entry aligned on the same line.
   */
  function confidences(list, termsOf, postings, stop) {
    var out = [], claimed = new Set();
    for (var r = 0; r < list.length; r++) {
      var s = list[r], b = s.shown, c = "possible";
      if (b && !claimed.has(b.line.number)) {
        claimed.add(b.line.number);
        var rival = null;
        for (var k = r + 1; k < list.length && rival === null; k++) {
          var o = list[k].shown;
          if (o && o.line.number === b.line.number) { rival = list[k]; }
        }
        c = byAlignment(s, rival, stop);
      }
      if (r === 0 && c === "possible" && (!b || b.alignment.quality < K.Matcher.WEAK_QUALITY)) {
        c = byRelevance(s, list.length > 1 ? list[1] : null, termsOf(s.entry), postings);
      }
      out.push(c);
    }
    return out;
  }

  function byAlignment(s, rival, stop) {
    var b = s.shown;
    if (b.alignment.contradicted) { return "possible"; }
    var margin = rival === null ? s.score : s.score - rival.score;
    var needed = Math.max(K.Matcher.MIN_MARGIN, K.Matcher.MARGIN_SHARE * s.score);
    var rivalExact = rival !== null && rival.shown.alignment.exact && rival.shown.alignment.matchedLiterals >= b.alignment.matchedLiterals
      && !(b.template.primary && !rival.shown.template.primary);
    var inf = informative(b, stop);
    if (b.alignment.exact && inf >= K.Matcher.MIN_INFORMATIVE && !(rivalExact && margin < needed)) { return "exact"; }
    if (b.alignment.quality >= K.Matcher.LIKELY_QUALITY && b.alignment.coverage >= K.Matcher.LIKELY_COVERAGE
        && inf >= K.Matcher.MIN_INFORMATIVE && (margin >= needed || b.alignment.exact)) { return "likely"; }
    return "possible";
  }

  function byRelevance(s, runnerUp, terms, postings) {
    var margin = runnerUp === null ? s.score : s.score - runnerUp.score;
    var distinctive = terms.filter(function (t) {
      return postings[t].entries.length <= K.Matcher.DISTINCTIVE_DF && t.length >= K.Matcher.DISTINCTIVE_LENGTH
        && (t.indexOf("_") >= 0 || t.indexOf(".") >= 0);
    }).length;
    return distinctive >= K.Matcher.MIN_DISTINCTIVE && s.rel >= K.Matcher.DISTINCTIVE_RELEVANCE && margin >= K.Matcher.DISTINCTIVE_MARGIN
      ? "likely" : "possible";
  }

  /** How each known version stands against an entry's ranges (Matcher.verdicts). */
  function verdicts(info, versions) {
    var out = [], V = Errata.version;
    if (!info) { return out; }
    info.components.forEach(function (c) {
      var found = versions.byComponent[c.name];
      if (!found || !V.valid(found.version)) { return; }
      var affected = c.affected.some(function (r) { return V.inRange(r, found.version); });
      var fixed = c.fixed.some(function (f) { return V.compare(found.version, f) >= 0; });
      out.push({ component: c.name, ranges: c.affected.join("; "), source: found.source, verdict: affected ? "affected" : fixed ? "fixed" : "not-affected", version: found.version });
    });
    return out;
  }

  /** One result as `errata match --json` shows it (Matcher.explain). */
  function explain(s, conf, info, versions, termsOf, stop, keyWeight) {
    // reasons are the English sentences `errata match` prints; why holds their parts, which the
    // search page says in its own language.
    var b = s.shown, reasons = [], why = [], line = null, symptom = "", toks = [];
    if (b && b.alignment.quality > 0) {
      var highlights = [], offset = b.line.original.length - b.line.text.length, lineTokens = b.line.tokens.length;
      b.alignment.matchedTokens.forEach(function (idx) {
        var t = b.tokens[idx];
        if (idx < lineTokens) { highlights.push([offset + t.start, offset + t.end]); }
        if (!stop[t.text] && toks.indexOf(t.text) < 0) { toks.push(t.text); }
      });
      toks.sort(function (x, y) {
        var wx = keyWeight(x), wy = keyWeight(y);
        return wx !== wy ? (wy > wx ? 1 : -1) : (x < y ? -1 : x > y ? 1 : 0);
      });
      line = { highlights: highlights, number: b.line.number, text: b.line.original };
      symptom = b.template.text;
      var how = b.alignment.exact ? "matches the symptom word for word"
        : b.alignment.contradicted ? "resembles the symptom but differs in " + (b.template.explicit ? "a fixed word or number" : "some words")
        : "matches " + Math.round(100 * b.alignment.coverage) + "% of the symptom";
      reasons.push("line " + b.line.number + " " + how);
      why.push(b.alignment.exact ? { k: "exact", line: b.line.number }
        : b.alignment.contradicted ? { k: b.template.explicit ? "differs_fixed" : "differs_words", line: b.line.number }
        : { k: "coverage", line: b.line.number, pct: Math.round(100 * b.alignment.coverage) });
      if (s.occurrences > 1) {
        reasons.push("seen " + s.occurrences + " times, first at line " + s.first);
        why.push({ k: "seen", n: s.occurrences, first: s.first });
      }
    }
    if (toks.length === 0) {
      toks = termsOf.slice();
      if (termsOf.length) {
        reasons.push("shares the words " + termsOf.slice(0, K.Matcher.REASON_WORDS).join(", "));
        why.push({ k: "shares", words: termsOf.slice(0, K.Matcher.REASON_WORDS) });
      }
    }
    var v = verdicts(info, versions);
    v.forEach(function (x) {
      reasons.push(x.component + " " + x.version + " (" + x.source + ") is " + x.verdict.replace("-", " ") + " (affected: " + x.ranges + ")");
      why.push({ k: "verdict", component: x.component, version: x.version, source: x.source, verdict: x.verdict, ranges: x.ranges });
    });
    return {
      affected: v, confidence: conf, confident: conf !== "possible", fix: { commands: info.fix, title: info.fixTitle },
      first_line: s.occurrences > 0 ? s.first : null, id: info.id, line: line, occurrences: s.occurrences, reasons: reasons, why: why, score: Math.round(s.score * 1000) / 1000, status: info.status,
      summary: info.summary, symptom: symptom, tokens: toks.slice(0, K.Matcher.SHOWN_TOKENS), title: info.title, url: info.url, lang: info.lang
    };
  }

  Errata.match = {
    pathParts: pathParts, pathWords: pathWords, lineKeys: lineKeys, templateKeys: templateKeys, isWord: isWord, itemKey: itemKey,
    align: align, mostTellingFirst: mostTellingFirst, query: query, withinBudget: withinBudget, literalWeight: literalWeight, candidates: candidates, bestPerEntry: bestPerEntry, aligner: aligner,
    relevance: relevance, rank: rank, judged: judged, applyVersions: applyVersions, oneOfEachFamily: oneOfEachFamily,
    pick: pick, askedWords: askedWords, relevanceTerms: relevanceTerms, confidences: confidences, verdicts: verdicts, explain: explain
  };
})(typeof window !== "undefined" ? window : globalThis);
