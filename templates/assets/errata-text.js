// Reading text as dev.errata.text does: the tokenizer, the terms relevance and word search count,
// the rules for pasted text (rules.json), versions named in a paste, and prepared paste lines.
// Part of the site's search engine (errata-engine.js wires the parts); no DOM, no dependencies,
// so Node runs it too for the parity vectors. Every limit is a Java constant the manifest
// carries: K.Class.NAME is the public constant NAME of the Java class Class.
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});
  var K = Errata.constants || (Errata.constants = {});

  // ---------------------------------------------------------------- tokenizer (Tokenizer.java)
  var RE_LETTER = /\p{L}/u, RE_DIGIT = /\p{Nd}/u, RE_LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

  var RE_KEYCHAR = /^[A-Za-z0-9_.\-]$/;
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
    var stop = Math.min(end, start + K.Tokenizer.MAX_TOKEN);
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
      while (j < n && j - i < K.Tokenizer.MAX_SCHEME && isLetter(s.charCodeAt(j))) { j++; }
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
    if (allHex && digits > 0 && end - start >= K.Tokenizer.MIN_HEX_ID && digits * K.Tokenizer.HEX_DIGIT_SHARE >= end - start) { return "N"; }
    if (letters === 0) { return "N"; }
    return "W";
  }

  /** Tokens of a text: {text (lower case), kind (W word, N number, P path, C CJK character), start, end}. */
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

  /** The terms relevance and word search count, in order, repeats kept. */
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
      if (t.kind === "N" && t.text.indexOf(".") > 0 && t.text.length <= K.Terms.MAX_VERSION) { out.push(t.text); continue; }
      if (t.kind !== "W" || rules.stop[t.text] || t.text.length < K.Terms.MIN_WORD) { continue; }
      out.push(t.text);
      if (isCompound(t.text)) {
        var parts = t.text.split(/[._\-+]/);
        for (var p = 0; p < parts.length; p++) {
          var part = parts[p];
          if (part.length >= K.Terms.MIN_PART && !rules.stop[part] && !isDigit(part.charCodeAt(0))) { out.push(part); }
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

  /** Whether a line is read as the lines its escaped line breaks hold apart (Paste.escapesLines). */
  function escapesLines(rules, line) {
    var first = line.indexOf("\\n");
    if (first < 0 || line.length <= rules.escapedLineChars) { return false; }
    return line.length > rules.maxLineChars || line.indexOf("\\n", first + 2) >= 0 && line.indexOf("{\"") < 0;
  }

  /** rules.json, as the manifest carries it, made ready to use. */
  function compileRules(json) {
    var r = {
      json: json, maxLineChars: json.maxLineChars, escapedLineChars: json.escapedLineChars, maxLines: json.maxLines,
      maxPreparedLines: json.maxPreparedLines, ansi: new RegExp(json.ansi, "g"),
      prefixes: json.prefixes.map(function (p) {
        return { re: new RegExp(p.pattern), level: p.levelGroup || 0, first: !!p.levelFromFirst, inside: !!p.inside, gate: gate(p) };
      }),
      noise: json.noise.map(function (p) { return { re: new RegExp(p.pattern), skip: !!p.skipIndentedNext, gate: gate(p) }; }),
      levels: json.levels, errorWords: {}, failureWords: {}, stop: {}, packages: json.packages, aliases: json.aliases,
      aliasDrop: json.aliasDrop || {},
      versions: json.versionPatterns.map(function (p) {
        return { component: p.component || "", re: new RegExp(p.pattern, p.ignoreCase ? "gi" : "g"), alias: p.alias || "",
          pkg: !!p["package"], gate: gate(p) };
      })
    };
    json.errorWords.forEach(function (w) { r.errorWords[w] = true; });
    (json.failureWords || []).forEach(function (w) { r.failureWords[w] = true; });
    r.errorSuffixes = json.errorSuffixes || [];
    r.failureLines = (json.failureLines || []).map(function (p) { return { re: new RegExp(p.pattern, p.ignoreCase ? "i" : ""), gate: gate(p), ends: !!p.ends }; });
    r.restatements = (json.restatements || []).map(function (p) { return { re: new RegExp(p.pattern), as: p.as, gate: gate(p) }; });
    json.stopwords.forEach(function (w) { r.stop[w] = true; });
    var shell = json.prompts || {};
    r.prompts = (shell.patterns || []).map(function (p) { return { re: new RegExp(p.pattern), gate: gate(p) }; });
    r.subcommands = {}; r.views = {}; r.valueOptions = {}; r.commandWrappers = {};
    (shell.subcommands || []).forEach(function (w) { r.subcommands[w] = true; });
    (shell.views || []).forEach(function (w) { r.views[w] = true; });
    (shell.valueOptions || []).forEach(function (w) { r.valueOptions[w] = true; });
    (shell.wrappers || []).forEach(function (w) { r.commandWrappers[w] = true; });
    return r;
  }

  // --------------------------------------------------------------------- versions (Versions.java)
  /** The component versions a paste names: the first found for a component wins, unless overriding. */
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
    if (line.length > K.Versions.MAX_SCANNED) { line = line.substring(0, K.Versions.MAX_SCANNED); }
    var lower = line.toLowerCase(), rules = this.rules;
    for (var i = 0; i < rules.versions.length; i++) {
      var p = rules.versions[i];
      if (!admits(p.gate, line, lower)) { continue; }
      p.re.lastIndex = 0;
      var m;
      while ((m = p.re.exec(line)) !== null) {
        if (p.pkg) {
          var name = m[1].toLowerCase();
          var component = Object.prototype.hasOwnProperty.call(rules.packages, name) ? rules.packages[name] : "";
          if (component) { this.add(component, m[2], source, false); }
        } else {
          var v = m[1];
          var skip = false;
          if (p.alias) {
            var table = rules.aliases[p.alias] || {};
            var drop = rules.aliasDrop[p.alias] || [];
            v = Object.prototype.hasOwnProperty.call(table, v) ? table[v]
              : (drop.some(function (x) { return v.indexOf(x) === 0; }) ? "" : v);
            if (!v) { skip = true; }
          }
          if (!skip) { this.add(p.component, v, source, false); }
        }
        if (m.index + m[0].length >= line.length) { break; }
        if (m[0].length === 0) { p.re.lastIndex++; }
      }
    }
  };

  // ------------------------------------------------------------------------ paste (Paste.java)
  function indentOf(s) { var i = 0; while (i < s.length && (s.charAt(i) === " " || s.charAt(i) === "\t")) { i++; } return i; }

  /** The prefix `p` at the start of `text`, matched, or null (Paste.prefixAt). */
  function prefixAt(p, text) {
    if (!admits(p.gate, text, null)) { return null; }
    var m = p.re.exec(text);
    return m !== null && m.index === 0 && m[0].length > 0 ? m : null;
  }

  function prepareLine(number, raw, rules) {
    rules.ansi.lastIndex = 0;
    var original = (raw.indexOf("\u001b") >= 0 ? raw.replace(rules.ansi, "") : raw).replace(/\u0000/g, " ");
    var text = original, level = "";
    for (var round = 0; round < K.Paste.PREFIX_ROUNDS; round++) {
      var stripped = false;
      for (var i = 0; i < rules.prefixes.length; i++) {
        var p = rules.prefixes[i], m = p.inside ? null : prefixAt(p, text);
        if (m !== null) {
          if (level === "") { level = levelOf(p, m, text, rules); }
          text = text.substring(m[0].length);
          stripped = true;
        }
      }
      if (!stripped) { break; }
    }
    // A logger's header after text no other prefix knows (Paste.prepareLine).
    rules.prefixes.forEach(function (p) {
      var m = p.inside && level === "" ? prefixAt(p, text) : null;
      if (m !== null) { level = levelOf(p, m, text, rules); text = text.substring(m[0].length); }
    });
    var tokens = tokenize(text);
    // An INFO line can still carry the failure ("Found 0 live models"); count it only when it says so.
    // ... and an unmarked line that reports a failure of its own is one (Paste.prepareLine).
    var reportsIt = level === "" && reportsFailure(rules, text);
    var errorish = reportsIt || level === "error" || level === "warning" || says(tokens, rules, level === "info"
      ? function (w) { return isErrorWord(rules, w) && w !== "no" && w !== "not"; } : function (w) { return isErrorWord(rules, w); });
    var failing = reportsIt || errorish && says(tokens, rules, function (w) { return isFailureWord(rules, w); });
    return { number: number, original: original, text: text, level: level, errorish: errorish, failing: failing, tokens: tokens, repeats: 1, lastNumber: number, span: 1 };
  }

  /** Paste.levelOf: the level a prefix gives the line it starts, "" when none. */
  function levelOf(p, m, text, rules) {
    if (p.first) { return rules.levels[text.charAt(0)] || ""; }
    return p.level > 0 && m[p.level] !== undefined ? rules.levels[m[p.level]] || "" : "";
  }

  /** Paste.says: whether a word of the line, or of its CJK runs, is one `word` takes. */
  function says(tokens, rules, word) {
    var cjk = false;
    for (var k = 0; k < tokens.length; k++) {
      if (word(tokens[k].text)) { return true; }
      cjk = cjk || tokens[k].kind === "C";
    }
    return cjk && terms(tokens, rules).some(word);
  }

  /** Rules.isErrorWord: an error word, or a word that ends like an error's name (ValueError). */
  function isErrorWord(rules, w) { return !!rules.errorWords[w] || namesAnError(rules, w); }

  /** Rules.isFailureWord: a word that says outright that something failed, or an error's name. */
  function isFailureWord(rules, w) { return !!rules.failureWords[w] || namesAnError(rules, w); }

  /** Rules.reportsFailure: the line's text reports a failure of its own whatever mark it has (a crash signal, an out-of-memory kill...). */
  function reportsFailure(rules, text) { return reports(rules, text, false); }

  /** Rules.reportsEnd: the line's text says the process is gone (a crash, a kill), not only that something failed. */
  function reportsEnd(rules, text) { return reports(rules, text, true); }

  function reports(rules, text, end) {
    return rules.failureLines.some(function (f) { return (f.ends || !end) && admits(f.gate, text, null) && f.re.test(text); });
  }

  function namesAnError(rules, w) {
    return rules.errorSuffixes.some(function (x) { return w.length > x.length && w.slice(-x.length) === x; });
  }

  function shape(line) {
    var b = "";
    for (var i = 0; i < line.tokens.length; i++) {
      var t = line.tokens[i];
      b += (t.kind === "N" ? "<n>" : t.kind === "P" ? "<p>" : t.text) + " ";
    }
    return b;
  }

  /** Ordinary lines (PreparedLine.ordinary): INFO without an error word. */
  function ordinary(line) { return !line.errorish && line.level === "info"; }

  /** How telling a line is, most telling first (PreparedLine.rank). */
  function rank(line) {
    if (line.level === "error" || (line.level === "" && line.errorish)) { return K.PreparedLine.RANK_ERROR; }
    if (line.level === "warning") { return K.PreparedLine.RANK_WARNING; }
    if (line.level === "") { return K.PreparedLine.RANK_UNMARKED; }
    return line.errorish ? K.PreparedLine.RANK_INFO_ERROR : K.PreparedLine.RANK_ORDINARY;
  }

  /** Where a line comes in the order a long paste is looked at (PreparedLine.order). */
  function order(line) {
    var r = rank(line);
    if (r === K.PreparedLine.RANK_INFO_ERROR && line.failing) { return K.PreparedLine.ORDER_INFO_FAILING; }
    return r < K.PreparedLine.RANK_UNMARKED ? r : r + 1;
  }

  /**
   * LogRecord.lines: a log collector's record its one line (its "log"), a structured record its
   * text values, each cut at its line breaks, empty ones left out, and a value that is itself a
   * record read the same way; else the line itself.
   */
  /** The index of the quote that closes the string opened at `start`, or -1 (LogRecord.stringEnd). */
  function stringEnd(line, start) { return closing(line, start + 1, line.length, "\""); }

  /** Where a string's closing quote is in text[from, end), or -1 (LogRecord.closing). */
  function closing(text, from, end, quote) {
    for (var k = from; k < end; k++) {
      var c = text.charAt(k);
      if (quote === "\"" && c === "\\") { k++; }
      else if (c === quote) {
        if (quote === "'" && k + 1 < end && text.charAt(k + 1) === "'") { k++; } else { return k; }
      }
    }
    return -1;
  }

  /** LogRecord.blanks: past the blanks of text[from, end), end the text's end when not given. */
  function blanks(text, from, end) {
    var e = end === undefined ? text.length : end, i = from;
    while (i < e && (text.charAt(i) === " " || text.charAt(i) === "\t")) { i++; }
    return i;
  }

  /** LogRecord.memberStart: where a member's key starts, after the indent and an element's "- ". */
  function memberStart(text, from, end) {
    var i = blanks(text, from, end);
    if (i + 1 < end && text.charAt(i) === "-" && text.charAt(i + 1) === " ") { i = blanks(text, i + 1, end); }
    return i;
  }

  /** LogRecord.keyEnd: the colon after a key written without quotes, or -1. */
  function keyEnd(text, from, end) {
    var k = from;
    while (k < end && RE_KEYCHAR.test(text.charAt(k))) { k++; }
    return k === from || k >= end || text.charAt(k) !== ":" ? -1 : k;
  }

  /** Where the quoted value of a member line with an escaped line break starts, or -1 (LogRecord.memberValue). */
  function memberValue(line) {
    var n = line.length, i = memberStart(line, 0, n), value = -1, end, after;
    if (i < n && line.charAt(i) === "\"") {
      end = stringEnd(line, i);
      if (end < 0) { return -1; }
      after = blanks(line, end + 1);
      if (after < n && line.charAt(after) === ":") { i = blanks(line, after + 1); } else { value = i; }
    } else {
      var colon = keyEnd(line, i, n);
      if (colon < 0) { return -1; }
      i = blanks(line, colon + 1);
    }
    if (value < 0) {
      if (i >= n || line.charAt(i) !== "\"") { return -1; }
      value = i;
    }
    end = stringEnd(line, value);
    if (end < 0) { return -1; }
    var rest = blanks(line, end + 1);
    if (rest < n && line.charAt(rest) === ",") { rest = blanks(line, rest + 1); }
    return rest === n && line.substring(value, end).indexOf("\\n") >= 0 ? value : -1;
  }

  /** A member line's quoted value with escaped line breaks, read as its lines (LogRecord.member). */
  function memberLines(line) {
    var value = memberValue(line);
    if (value < 0) { return trailingLines(line); }
    var text;
    try { text = JSON.parse(line.substring(value, stringEnd(line, value) + 1)); } catch (notJson) { return [line]; }
    return linesOf([text], line);
  }

  /**
   * LogRecord.trailing: a line that ends with a JSON object after words of its own, a text value
   * of it holding an escaped line break, read as the values' lines, the words before the object
   * starting the first; else [line]. Only the first TRAILING_TRIES of its '{"' are tried.
   */
  function trailingLines(line) {
    var n = line.length;
    if (n < 2 || line.charAt(n - 1) !== "}" || line.indexOf("\\n") < 0) { return [line]; }
    var open = line.indexOf("{\"");
    for (var tries = 0; open > 0 && tries < K.LogRecord.TRAILING_TRIES; tries++, open = line.indexOf("{\"", open + 1)) {
      var record;
      try { record = JSON.parse(line.substring(open)); } catch (notJson) { continue; }
      if (record === null || typeof record !== "object" || Array.isArray(record)) { continue; }
      var texts = textsOf(record);
      if (!texts.some(function (t) { return /[\n\r]/.test(t); })) { return [line]; }
      var lines = linesOf(texts, line);
      if (lines.length === 1 && lines[0] === line) { return lines; }
      lines[0] = line.substring(0, open) + lines[0];
      return lines;
    }
    return [line];
  }

  /** The text values under `node`, in JSON.parse's order of keys (LogRecord.texts). */
  function textsOf(node) {
    var texts = [];
    (function walk(n) {
      if (typeof n === "string") { texts.push(n); }
      else if (Array.isArray(n)) { for (var i = 0; i < n.length; i++) { walk(n[i]); } }
      else if (n !== null && typeof n === "object") {
        var keys = Object.keys(n);
        for (var k = 0; k < keys.length; k++) { walk(n[keys[k]]); }
      }
    })(node);
    return texts;
  }

  /** The lines of `texts`, each cut at its line breaks, empty ones left out, each read again; [line] when none (LogRecord.linesOf). */
  function linesOf(texts, line) {
    var out = [];
    for (var t = 0; t < texts.length; t++) {
      var parts = texts[t].split(/\r\n|\n|\r/);
      for (var p = 0; p < parts.length; p++) {
        if (parts[p] !== "") { Array.prototype.push.apply(out, recordLines(parts[p])); }
      }
    }
    return out.length === 0 ? [line] : out;
  }

  function recordLines(line) {
    var n = line.length;
    if (n < 2 || line.charAt(0) !== "{" || line.charAt(n - 1) !== "}") { return memberLines(line); }
    var record;
    try { record = JSON.parse(line); } catch (notJson) { return memberLines(line); }
    if (record === null || typeof record !== "object" || Array.isArray(record)) { return memberLines(line); }
    var v = Object.prototype.hasOwnProperty.call(record, "log") ? record.log : undefined;
    if (typeof v === "string") {
      if (/\r\n$/.test(v)) { v = v.substring(0, v.length - 2); } else if (/[\n\r]$/.test(v)) { v = v.substring(0, v.length - 1); }
      return [v.replace(/\r\n/g, " ").replace(/[\n\r]/g, " ")];
    }
    return linesOf(textsOf(record), line);
  }

  /**
   * Paste.prepare, a slice at a time: step(limit) reads at most `limit` more lines and says
   * whether the paste is done; line() is the last line read; result() is what prepare gives.
   * Reading in slices gives the same paste as reading at once (the page yields between slices).
   */
  function lineEnd(text, start) {
    var end = start, n = text.length;
    while (end < n) { var ch = text.charCodeAt(end); if (ch === 10 || ch === 13) { break; } end++; }
    return end;
  }

  function nextLine(text, end) {
    return end < text.length && text.charCodeAt(end) === 13 && end + 1 < text.length && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }

  /** The width a terminal wrapped the paste at, or 0 (Paste.wrapWidth). */
  function wrapWidth(text) {
    var max = 0, atMax = -1, differs = false, atSpace = false, candidates = 0, n = text.length;
    // For a copy that dropped the trailing spaces: whether any line kept one, and whether a line of
    // the longest length, and one of a character less, is followed by a word (Paste.wrapWidth).
    var trailing = false, wordAfterMax = false, wordAfterShort = false;
    // How many lines are the longest, whether one is a table's row or edge, how many are not empty (Paste.wrapWidth).
    var longest = 0, tableAtMax = false, filled = 0, startsDiffer = false;
    for (var start = 0; start <= n;) {
      var end = lineEnd(text, start), next = nextLine(text, end), length = end - start;
      var wordAfter = next < n && !blank(text.charAt(next));
      trailing = trailing || end > start && blank(text.charAt(end - 1));
      if (length > 0) { filled++; }
      if (length > max) { wordAfterShort = length === max + 1 && wordAfterMax; wordAfterMax = false; max = length; atMax = start; differs = false; atSpace = false; longest = 0; tableAtMax = false; startsDiffer = false; }
      else if (length === max && !differs && text.substring(start, end) !== text.substring(atMax, atMax + length)) { differs = true; }
      if (length === max) {
        longest++;
        tableAtMax = tableAtMax || length > 0 && tableEdge(text.charAt(start));
        var k = Math.min(length, K.Paste.CUT_START);
        startsDiffer = startsDiffer || text.substring(start, start + k) !== text.substring(atMax, atMax + k);
        wordAfterMax = wordAfterMax || wordAfter;
      } else if (length === max - 1) { wordAfterShort = wordAfterShort || wordAfter; }
      if (length === max && !atSpace) { atSpace = cutAtSpace(text, start, end, next); }
      if (length >= K.Paste.MIN_WRAPPED_LINE && length <= K.Paste.MAX_TERMINAL_WIDTH) { candidates++; }
      if (end >= n) { break; }
      start = next;
    }
    // A short paste cut inside words only: three or more lines of one length, a third of its lines, starting differently (Paste.wrapWidth).
    var cutLines = longest >= K.Paste.FULL_LINES && 3 * longest >= filled && startsDiffer && !tableAtMax;
    if (max >= K.Paste.MIN_WRAPPED_LINE && (differs && atSpace || !trailing && wordAfterShort || cutLines)) { return max; }
    return candidates < K.Paste.FULL_LINES ? 0 : fullestWidth(text);
  }

  function blank(ch) { return ch === " " || ch === "\t" || ch === "\n" || ch === "\r"; }

  /** Paste.tableEdge: a character a table's row or edge starts with. */
  function tableEdge(ch) { return ch === "|" || ch === "+"; }

  /** Paste.shortCut: a line one shorter than the width is followed by a line that starts with a word. */
  function shortCut(text, width) {
    var n = text.length;
    for (var start = 0; start <= n;) {
      var end = lineEnd(text, start), next = nextLine(text, end);
      if (end - start === width - 1 && next < n && !blank(text.charAt(next))) { return true; }
      if (end >= n) { break; }
      start = next;
    }
    return false;
  }

  /** Paste.noTrailingSpace: no line ends in a space or a tab. */
  function noTrailingSpace(text) {
    return !/[ \t](?:\r|\n|$)/.test(text);
  }

  /** Paste.noLeadingSpace: no line starts with a space or a tab. */
  function noLeadingSpace(text) {
    return !/(?:^|[\r\n])[ \t]/.test(text);
  }

  /** Paste.cutAtSpace. */
  function cutAtSpace(text, start, end, next) {
    return (end > start && text.charCodeAt(end - 1) === 32) || (next + 1 < text.length && text.charCodeAt(next) === 32 && text.charCodeAt(next + 1) !== 32);
  }

  /** Paste.fullestWidth: the length the most lines have, twice as many as are longer. */
  function fullestWidth(text) {
    var widest = K.Paste.MAX_TERMINAL_WIDTH, n = text.length, wider = 0;
    var count = new Int32Array(widest + 1), first = new Int32Array(widest + 1), differs = new Uint8Array(widest + 1), atSpace = new Uint8Array(widest + 1);
    for (var start = 0; start <= n;) {
      var end = lineEnd(text, start), next = nextLine(text, end), length = end - start;
      if (length > widest) { wider++; }
      else if (length >= K.Paste.MIN_WRAPPED_LINE) {
        if (count[length]++ === 0) { first[length] = start; }
        else if (!differs[length] && text.substring(start, end) !== text.substring(first[length], first[length] + length)) { differs[length] = 1; }
        if (cutAtSpace(text, start, end, next)) { atSpace[length] = 1; }
      }
      if (end >= n) { break; }
      start = next;
    }
    var best = 0, longer = wider;
    for (var w = widest; w >= K.Paste.MIN_WRAPPED_LINE; w--) {
      if (count[w] >= K.Paste.FULL_LINES && count[w] >= 2 * longer && differs[w] && atSpace[w] && (best === 0 || count[w] > count[best])) { best = w; }
      longer += count[w];
    }
    return best;
  }

  /** What `line` also says in another form, by rules.json's restatements (Rules.restate). */
  function restate(rules, line) {
    var out = [];
    rules.restatements.forEach(function (r) {
      if (!admits(r.gate, line, null)) { return; }
      var m = r.re.exec(line);
      if (m === null) { return; }
      out.push(r.as.replace(/\$([1-9])/g, function (all, k) {
        var i = Number(k);
        return i < m.length ? (m[i] === undefined ? "" : m[i]) : all;
      }));
    });
    return out;
  }

  /** Whether `next` goes on with `line`, which filled the width (Paste.continues). */
  function continues(line, next, rules) {
    if (next === "" || /[|+]$/.test(line) || /^[|+]/.test(line) && /^[|+]/.test(next)) { return false; }
    for (var i = 0; i < rules.prefixes.length; i++) {
      if (prefixAt(rules.prefixes[i], next) !== null) { return false; }
    }
    return true;
  }

  /** Where the HTML break (<br>, <br/>, <br />, any case) that starts at `at` ends, or `at` (HtmlBreaks.after). */
  function htmlBreakEnd(line, at) {
    if (line.substr(at, 3).toLowerCase() !== "<br") { return at; }
    var i = skipBlanks(line, at + 3);
    if (line.charAt(i) === "/") { i = skipBlanks(line, i + 1); }
    return line.charAt(i) === ">" ? i + 1 : at;
  }

  /** Past the spaces and tabs at `i` (HtmlBreaks.skipBlanks). */
  function skipBlanks(line, i) {
    while (i < line.length && (line.charAt(i) === " " || line.charAt(i) === "\t")) { i++; }
    return i;
  }

  /** The lines, each cut at its HTML breaks (HtmlBreaks.split). */
  function htmlBreaks(lines) {
    var out = [];
    for (var k = 0; k < lines.length; k++) {
      var line = lines[k], from = 0;
      for (var at = line.indexOf("<"); at >= 0; at = line.indexOf("<", at + 1)) {
        var end = htmlBreakEnd(line, at);
        if (end > at) {
          out.push(line.substring(from, at));
          from = end;
          at = end - 1;
        }
      }
      out.push(line.substring(from));
    }
    return out;
  }

  /** Where a line's text ends, blanks after the last bar aside (TableRows.contentEnd). */
  function tableEnd(line) {
    var end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) { end--; }
    return end;
  }

  /** The corners of a divider that ends `line`, as distances from its end, or null (TableRows.corners). */
  function tableCorners(line) {
    var end = tableEnd(line);
    if (end === 0 || line.charAt(end - 1) !== "+") { return null; }
    var start = end;
    while (start > 0 && /[+=-]/.test(line.charAt(start - 1))) { start--; }
    while (line.charAt(start) !== "+") { start++; }
    var corners = [];
    for (var i = start; i < end; i++) {
      if (line.charAt(i) === "+") {
        if (corners.length > 0 && i - (end - corners[corners.length - 1]) < 4) { return null; }
        corners.push(end - i);
      }
    }
    return corners.length < 3 ? null : corners;
  }

  /** Whether `line` is a row of the table with `corners` (TableRows.isRow). */
  function tableRow(line, corners) {
    var end = tableEnd(line);
    if (end < corners[0]) { return false; }
    for (var k = 0; k < corners.length; k++) { if (line.charAt(end - corners[k]) !== "|") { return false; } }
    return true;
  }

  /** Whether row `line` goes on with the row before: its first cell is blank (TableRows.goesOn). */
  function tableGoesOn(line, corners) {
    if (!tableRow(line, corners)) { return false; }
    var end = tableEnd(line);
    for (var i = end - corners[0] + 1; i < end - corners[1]; i++) { if (line.charAt(i) !== " ") { return false; } }
    return true;
  }

  /** Appends each cell's piece of `row` to `cells` (TableRows.Record.add). */
  function tableAdd(cells, row, corners) {
    var end = tableEnd(row);
    for (var c = 0; c < cells.length; c++) {
      var from = Math.min(end - corners[c] + 2, end - corners[c + 1]);
      var to = Math.max(from, end - corners[c + 1] - 1);
      cells[c] += row.substring(from, to);
    }
  }

  /**
   * A piece of the last column broken by line breaks of its own, from text[start, end) on, added
   * to `rec`: how many lines it took, 0 when they do not add up (TableRows.Record.addBroken).
   */
  function tableBroken(rec, text, start, end, maxLines) {
    var line = text.substring(start, end), corners = rec.corners;
    if (line.length <= rec.lastStart || line.length - rec.lastStart >= rec.lastWidth) { return 0; }
    var bars = rec.prefix.length + corners[0];
    for (var c = 0; c < corners.length - 1; c++) { if (line.charAt(bars - corners[c]) !== "|") { return 0; } }
    for (var i = rec.prefix.length + 1; i < bars - corners[1]; i++) { if (line.charAt(i) !== " ") { return 0; } }
    var piece = line.substring(rec.lastStart) + "\n", n = text.length, from = nextLine(text, end);
    for (var taken = 1; taken <= maxLines && from < n; taken++) {
      var to = lineEnd(text, from), next = text.substring(from, to), close = tableEnd(next) - 2;
      if (close >= 0 && next.charAt(close + 1) === "|" && next.charAt(close) === " " && piece.length + close === rec.lastWidth) {
        rec.cells[rec.cells.length - 1] += piece + next.substring(0, close);
        rec.brokenEnd = to;
        return taken + 1;
      }
      if (piece.length + next.length + 1 > rec.lastWidth) { return 0; }
      piece += next + "\n";
      from = nextLine(text, to);
    }
    return 0;
  }

  /** Where the quote that opens a member's string is on text[start, end), when it does not close there; -1 (FoldedScalar.opening). */
  function foldedOpening(text, start, end) {
    var colon = keyEnd(text, memberStart(text, start, end), end);
    if (colon < 0 || colon + 2 >= end || text.charAt(colon + 1) !== " ") { return -1; }
    var open = blanks(text, colon + 1, end);
    if (open >= end || (text.charAt(open) !== "\"" && text.charAt(open) !== "'")) { return -1; }
    return closing(text, open + 1, end, text.charAt(open)) < 0 ? open : -1;
  }

  var YAML_ESCAPED = "0abt\tnvfre \"/\\N_LP", YAML_MEANING = "\0\u0007\b\t\t\n\u000b\f\r\u001b \"/\\\u0085\u00a0\u2028\u2029";

  /** YAML's escapes decoded; one YAML does not have kept as written (FoldedScalar.unescape). */
  function yamlUnescape(s) {
    var out = "", n = s.length;
    for (var i = 0; i < n; i++) {
      var c = s.charAt(i);
      if (c !== "\\" || i + 1 >= n) { out += c; continue; }
      var e = s.charAt(i + 1), hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      if (hex > 0) {
        var digits = s.substring(i + 2, i + 2 + hex), code = digits.length === hex && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : -1;
        if (code >= 0 && code <= 0x10FFFF) { out += String.fromCodePoint(code); i += 1 + hex; } else { out += c; }
        continue;
      }
      var at = YAML_ESCAPED.indexOf(e);
      if (at < 0) { out += c; continue; }
      out += YAML_MEANING.charAt(at);
      i++;
    }
    return out;
  }

  /** A folded string's value from its lines as written (FoldedScalar.decode). */
  function foldedDecode(raw, quote) {
    var out = "", last = raw.length - 1;
    for (var i = 0; i <= last; ) {
      var line = raw[i];
      if (i === last) { out += line; break; }
      var to = line.length;
      while (to > 0 && (line.charAt(to - 1) === " " || line.charAt(to - 1) === "\t")) { to--; }
      var joined = false;
      if (quote === "\"") {
        var slashes = 0;
        while (slashes < to && line.charAt(to - 1 - slashes) === "\\") { slashes++; }
        if (slashes % 2 === 1) {
          if (to < line.length) { to++; } else { to--; joined = true; }
        }
      }
      out += line.substring(0, to);
      var empty = 0;
      i++;
      while (i < last && raw[i] === "") { empty++; i++; }
      if (!joined) { out += empty === 0 ? " " : "\n".repeat(empty); }
    }
    return quote === "\"" ? yamlUnescape(out) : out.split("''").join("'");
  }

  /** A quoted YAML string folded over lines from text[start, end) on, as its lines, or null (FoldedScalar.read). */
  function foldedRead(text, start, end, maxMore) {
    var open = foldedOpening(text, start, end);
    if (open < 0) { return null; }
    var quote = text.charAt(open), indent = blanks(text, start, end) - start;
    var raw = [text.substring(open + 1, end)], chars = end - start, n = text.length, next = nextLine(text, end);
    for (var lines = 1; lines <= maxMore && next < n; lines++) {
      var contEnd = lineEnd(text, next);
      chars += contEnd - next;
      var k = blanks(text, next, contEnd);
      if (chars > K.Paste.MAX_FOLDED_CHARS || (k < contEnd && k - next <= indent)) { return null; }
      var close = closing(text, k, contEnd, quote);
      if (close >= 0) {
        if (blanks(text, close + 1, contEnd) !== contEnd) { return null; }
        raw.push(text.substring(k, close));
        var kept = foldedDecode(raw, quote).split(/\r\n|\n|\r/).filter(function (x) { return x !== ""; });
        return kept.length === 0 ? null : { line: kept.join("\n"), lines: lines, end: contEnd, next: nextLine(text, contEnd) };
      }
      raw.push(text.substring(k, contEnd));
      next = nextLine(text, contEnd);
    }
    return null;
  }

  /** The record whose first row is text[start, end), with the rows that go on with it, as its cells' lines (TableRows.read). */
  function tableRead(text, start, end, corners, maxMore) {
    var first = text.substring(start, end), fe = tableEnd(first), lines = 0, next = nextLine(text, end), n = text.length;
    var rec = { corners: corners, prefix: first.substring(0, fe - corners[0]), cells: [], brokenEnd: 0,
      lastStart: fe - corners[corners.length - 2] + 2, lastWidth: corners[corners.length - 2] - corners[corners.length - 1] - 3 };
    for (var c = 1; c < corners.length; c++) { rec.cells.push(""); }
    tableAdd(rec.cells, first, corners);
    while (next < n && lines < maxMore) {
      var contEnd = lineEnd(text, next), cont = text.substring(next, contEnd), broken;
      if (tableGoesOn(cont, corners)) {
        tableAdd(rec.cells, cont, corners);
        lines++;
        end = contEnd;
      } else if ((broken = tableBroken(rec, text, next, contEnd, maxMore - lines - 1)) > 0) {
        lines += broken;
        end = rec.brokenEnd;
      } else {
        break;
      }
      next = nextLine(text, end);
    }
    // Each cell a line, blank ones left out, the first after the row's prefix (TableRows.Record.lines).
    var kept = rec.cells.map(function (x) { return x.replace(/^[ \t\n]+|[ \t\n]+$/g, ""); }).filter(function (x) { return x !== ""; });
    return { line: rec.prefix + kept.join("\n"), lines: lines, end: end, next: next };
  }

  /**
   * The first hh:mm:ss of a line with up to nine digits of its fraction, in nanoseconds of the day
   * (as a number: below 2^53), or -1 (TimeOrder.timeOfDay).
   */
  function timeOfDay(line) {
    var n = line.length;
    function digit(k) { var c = line.charCodeAt(k); return c >= 48 && c <= 57; }
    for (var i = line.indexOf(":"); i >= 0 && i + 5 < n; i = line.indexOf(":", i + 1)) {
      if (!digit(i + 1) || !digit(i + 2) || line.charAt(i + 3) !== ":" || !digit(i + 4) || !digit(i + 5)
          || (i + 6 < n && digit(i + 6)) || i < 1 || !digit(i - 1)) { continue; }
      var h0 = i >= 2 && digit(i - 2) ? i - 2 : i - 1;
      if (h0 > 0 && digit(h0 - 1)) { continue; }
      var seconds = parseInt(line.substring(h0, i), 10) * 3600 + parseInt(line.substring(i + 1, i + 3), 10) * 60 + parseInt(line.substring(i + 4, i + 6), 10);
      var nanos = 0, f = i + 6;
      if (f + 1 < n && (line.charAt(f) === "." || line.charAt(f) === ",") && digit(f + 1)) {
        for (var k = f + 1, scale = 100000000; k < n && digit(k) && scale > 0; k++, scale = Math.floor(scale / 10)) { nanos += (line.charCodeAt(k) - 48) * scale; }
      }
      return seconds * 1000000000 + nanos;
    }
    return -1;
  }

  // ------------------------------------------------------ quoted-printable (QuotedPrintable.java)
  /** QuotedPrintable.is: at least QP_SOFT_BREAKS lines of an encoder's width end in a soft break. */
  function quotedPrintable(text) {
    var soft = 0, n = text.length;
    for (var start = 0; start <= n && soft < K.Paste.QP_SOFT_BREAKS; ) {
      var end = lineEnd(text, start), length = end - start;
      if (length >= K.Paste.QP_MIN_LINE && length <= K.Paste.QP_MAX_LINE && text.charAt(end - 1) === "=") { soft++; }
      if (end >= n) { break; }
      start = nextLine(text, end);
    }
    return soft >= K.Paste.QP_SOFT_BREAKS;
  }

  var utf8 = new TextDecoder("utf-8");
  function qpHex(c) { return c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c >= "A" && c <= "F" ? c.charCodeAt(0) - 55 : -1; }

  /** QuotedPrintable.decode: =XX escapes decoded, each run of them as UTF-8 bytes. */
  function qpDecode(line) {
    if (line.indexOf("=") < 0) { return line; }
    var out = "", bytes = [], i = 0;
    function flush() { if (bytes.length > 0) { out += utf8.decode(new Uint8Array(bytes)); bytes = []; } }
    while (i < line.length) {
      var hi = i + 2 < line.length && line.charAt(i) === "=" ? qpHex(line.charAt(i + 1)) : -1;
      var lo = hi >= 0 ? qpHex(line.charAt(i + 2)) : -1;
      if (lo >= 0) { bytes.push(hi * 16 + lo); i += 3; continue; }
      flush();
      out += line.charAt(i++);
    }
    flush();
    return out;
  }

  // -------------------------------------------------- a terminal session's attempts (Attempts.java)
  var has = Object.prototype.hasOwnProperty;

  /** Rules.promptCommand: the command typed after a prompt that starts the line, or null. */
  function promptCommand(rules, line) {
    for (var i = 0; i < rules.prompts.length; i++) {
      var p = rules.prompts[i], m = admits(p.gate, line, null) ? p.re.exec(line) : null;
      if (m !== null && m.index === 0 && m[0].length === line.length) { return m[1]; }
    }
    return null;
  }

  /** Attempts.trim: without spaces and tabs at either end. */
  function trimCommand(s) { return s.replace(/^[ \t]+|[ \t]+$/g, ""); }

  /** Attempts.key: what a command runs (its program, and for some its subcommand), or null for a comment. */
  function commandKey(command, rules) {
    var last = command, seps = ["&&", "||", ";"];
    for (var s = 0; s < seps.length; s++) {
      var at = last.lastIndexOf(seps[s]);
      if (at >= 0 && trimCommand(last.substring(at + seps[s].length)) !== "") { last = last.substring(at + seps[s].length); }
    }
    var pipe = last.indexOf("|");
    if (pipe >= 0) { last = last.substring(0, pipe); }
    var program = null, wrapped = false, value = false, words = trimCommand(last).split(/[ \t]+/);
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (word === "") { continue; }
      if (value) { value = false; }
      else if (program === null) {
        if (word.charAt(0) === "#") { return null; }
        if (has.call(rules.commandWrappers, word)) { wrapped = true; continue; }
        if (wrapped && (word.charAt(0) === "-" || isDigit(word.charAt(0))) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) { continue; }
        var w = word.replace(/["']/g, ""), slash = Math.max(w.lastIndexOf("/"), w.lastIndexOf("\\"));
        program = w.substring(slash + 1);
        if (!has.call(rules.subcommands, program)) { return program; }
      } else if (has.call(rules.valueOptions, word)) { value = true; }
      else if (word.charAt(0) !== "-") {
        if (!has.call(rules.subcommands, word)) { return program + " " + word; }
        program = program + " " + word;
      }
    }
    return program;
  }

  /** Attempts.similar: the longest common subsequence covers RERUN_SIMILARITY of the shorter command. */
  function similarCommands(a, b) {
    var shorter = Math.min(a.length, b.length);
    if (shorter === 0) { return false; }
    var previous = new Array(b.length + 1).fill(0), current = new Array(b.length + 1).fill(0);
    for (var i = 1; i <= a.length; i++) {
      for (var j = 1; j <= b.length; j++) {
        current[j] = a.charAt(i - 1) === b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      var t = previous; previous = current; current = t;
    }
    return previous[b.length] >= K.Paste.RERUN_SIMILARITY * shorter;
  }

  /** Attempts: each prompt's line, and where its command runs again (0: never; -1: it runs nothing, a view or a comment). */
  function attempts(rules) {
    var lines = [], commands = [], keys = [], again = [];
    return {
      line: function (number, line) {
        var plain = line.indexOf("\u001b") < 0 ? line : line.replace(rules.ansi, "");
        var command = lines.length < K.Paste.MAX_PROMPTS ? promptCommand(rules, plain) : null;
        if (command === null) { return; }
        command = trimCommand(command);
        if (command.length > K.Paste.MAX_COMMAND_CHARS) { command = command.substring(0, K.Paste.MAX_COMMAND_CHARS); }
        var key = commandKey(command, rules);
        if (key !== null && has.call(rules.views, key)) { key = null; }
        for (var i = keys.length - 1, compared = 0; key !== null && i >= 0 && compared < K.Paste.MAX_COMPARED_COMMANDS; i--) {
          if (again[i] === 0 && keys[i] === key) {
            compared++;
            if (similarCommands(commands[i], command)) { again[i] = number; }
          }
        }
        lines.push(number); commands.push(command); keys.push(key); again.push(0);
      },
      result: function () { return { lines: lines, again: again.map(function (a, i) { return keys[i] === null ? -1 : a; }) }; }
    };
  }

  /** Attempts.runAgain: the line where the command behind line n runs again, or 0. */
  function runAgain(session, n) {
    var i = session.lines.length - 1;
    while (i >= 0 && session.lines[i] > n) { i--; }
    for (; i >= 0; i--) { if (session.again[i] >= 0) { return session.again[i]; } }
    return 0;
  }

  /** Paste.runAgainBetween: the command behind line `shown` runs again after it, at or before line `later`. */
  function runAgainBetween(session, shown, later) {
    var at = session ? runAgain(session, shown) : 0;
    return at > shown && at <= later;
  }

  function preparer(text, rules, versions) {
    var byShape = new Map(), number = 0, truncated = false, skipIndented = false, skipIndent = -1, table = null;
    // Whether the paste runs newest first (TimeOrder): times that go back, and forward.
    var previousTime = -1, back = 0, forward = 0, partOf = -1, part = 0, session = attempts(rules);
    var ordinaryKept = 0, tellingKept = 0, skipped = 0;
    // An e-mail in quoted-printable: its soft breaks join its lines (Paste.prepare, QuotedPrintable).
    var qp = quotedPrintable(text);
    var start = 0, n = text.length, done = false, width = qp ? 0 : wrapWidth(text);
    // A paste that lost its trailing spaces: a line cut at a space ends one before the width (Paste.prepare).
    var stripped = width > 0 && noTrailingSpace(text) && shortCut(text, width), fullCuts = !stripped || !noLeadingSpace(text);
    /** Fold.take: reads one line; false when it is noise or a skipped body line. */
    function take(raw, number, first, span) {
      // Which of its number's lines this is: the matcher reads a message on into the next part (Fold.take).
      part = number === partOf ? part + 1 : 0;
      partOf = number;
      var indent = indentOf(raw);
      if (skipIndented && indent > skipIndent && raw.trim() !== "") { skipIndented = false; return false; }
      skipIndented = false;
      var noise = null;
      for (var q = 0; q < rules.noise.length; q++) {
        var nm = admits(rules.noise[q].gate, raw, null) ? rules.noise[q].re.exec(raw) : null;
        if (nm !== null && nm.index === 0) { noise = rules.noise[q]; break; }
      }
      if (noise !== null) {
        if (noise.skip) { skipIndented = true; skipIndent = indent; }
        return false;
      }
      if (versions && first) { versions.scan(raw, "paste line " + number); }
      var line = prepareLine(number, raw, rules);
      line.part = part;
      line.span = span;
      if (line.tokens.length === 0) { return true; }
      var key = shape(line), seen = byShape.get(key);
      if (seen) { seen.repeats++; seen.lastNumber = Math.max(seen.lastNumber, number); }
      else if (ordinary(line) ? ordinaryKept++ < rules.maxPreparedLines : tellingKept++ < rules.maxPreparedLines) { byShape.set(key, line); }
      else { skipped++; }
      return true;
    }
    function step(limit) {
      for (var count = 0; !done && count < limit; count++) {
        if (start > n) { done = true; break; }
        var end = lineEnd(text, start), next = nextLine(text, end);
        number++;
        if (number > rules.maxLines) { truncated = true; done = true; break; }
        var firstNumber = number, whole = text.substring(start, end), last = end - start;
        var time = timeOfDay(whole);
        session.line(number, whole);
        if (time >= 0) {
          if (previousTime >= 0 && time < previousTime) { back++; } else if (previousTime >= 0 && time > previousTime) { forward++; }
          previousTime = time;
        }
        // A table's record over several rows, read as one row (Paste.prepare, TableRows).
        // A quoted YAML string folded over lines, the same way (FoldedScalar).
        var isRow = table !== null && tableRow(whole, table);
        var rec0 = isRow ? tableRead(text, start, end, table, rules.maxLines - number) : foldedRead(text, start, end, rules.maxLines - number);
        if (!isRow) { table = rec0 === null ? tableCorners(whole) : null; }
        var row = rec0 !== null;
        if (row) {
          whole = rec0.line;
          number += rec0.lines;
          end = rec0.end;
          next = rec0.next;
        }
        // A quoted-printable line that ends in a soft break goes on in the next, its escapes decoded.
        if (!row && qp) {
          if (whole.charAt(whole.length - 1) === "=") {
            var joinedQp = whole.substring(0, whole.length - 1);
            while (next < n && number < rules.maxLines && joinedQp.length < rules.maxLineChars) {
              var qpEnd = lineEnd(text, next), qpLine = text.substring(next, qpEnd);
              number++;
              end = qpEnd;
              next = nextLine(text, end);
              var soft = qpLine.charAt(qpLine.length - 1) === "=";
              joinedQp += soft ? qpLine.substring(0, qpLine.length - 1) : qpLine;
              if (!soft) { break; }
            }
            whole = joinedQp;
          }
          whole = qpDecode(whole);
        }
        // A message a terminal wrapped at its width, read as the one line it was (Paste.prepare).
        while (!row && width > 0 && (last === width && fullCuts || stripped && last === width - 1) && next < n && number < rules.maxLines
            && whole.length < rules.maxLineChars) {
          var contEnd = lineEnd(text, next), cont = text.substring(next, contEnd);
          if (!continues(whole, cont, rules)) { break; }
          number++;
          // The space the terminal cut at, which the copy dropped (Paste.prepare).
          whole += (last === width ? "" : " ") + cont;
          last = contEnd - next;
          end = contEnd;
          next = nextLine(text, end);
        }
        // A table's record is its cells' lines (Paste.prepare).
        // ... and a long line that holds escaped line breaks is the lines it escapes (Paste.escapesLines).
        // ... and lines that HTML breaks are the lines they were (Paste.prepare).
        // A record goes on through its parts; a line joined otherwise, after its last piece (Paste.prepare).
        var span = row ? 1 : number - firstNumber + 1;
        var ones = htmlBreaks(row ? whole.split("\n") : escapesLines(rules, whole) ? whole.split("\\n") : [whole]);
        // ... and what the line also says in another form is read beside it (Paste.prepare).
        ones = ones.concat(restate(rules, whole));
        for (var o = 0; o < ones.length; o++) {
          var one = ones[o];
          for (var piece = 0; piece < one.length || piece === 0; piece += rules.maxLineChars) {
            var cut = one.substring(piece, Math.min(one.length, piece + rules.maxLineChars));
            var lines = one.length <= rules.maxLineChars ? recordLines(cut) : [cut];
            var record = lines.length > 1 || lines[0] !== cut;
            var droppedLine = false;
            for (var r = 0; r < lines.length; r++) {
              // The later cuts of a line whose first was noise are not read; a record's other lines are.
              if (!take(lines[r], firstNumber, piece === 0 || record, span) && !record) { droppedLine = true; break; }
            }
            if (droppedLine || piece + rules.maxLineChars >= one.length) { break; }
          }
        }
        start = next;
        if (end >= n) { done = true; }
      }
      return done;
    }
    return {
      step: step,
      line: function () { return Math.min(number, rules.maxLines); },
      result: function () {
        return { lines: Array.from(byShape.values()), totalLines: number, truncated: truncated, skipped: skipped,
          newestFirst: back >= 3 && back > 2 * forward, session: session.result(), width: width };
      }
    };
  }

  /** Paste.prepare: {lines, totalLines, truncated, skipped}; collects versions into `versions` when given. */
  function prepare(text, rules, versions) {
    var p = preparer(text, rules, versions);
    while (!p.step(Infinity)) { /* reads to the end */ }
    return p.result();
  }

  /** How many lines a text has, as prepare counts them (for progress: "line 12,000 of 48,000"). */
  function countLines(text) {
    var count = 1, n = text.length;
    for (var i = 0; i < n; i++) {
      var ch = text.charCodeAt(i);
      if (ch === 10) { if (i + 1 < n) { count++; } }
      else if (ch === 13) { if (i + 1 < n && text.charCodeAt(i + 1) === 10) { i++; } if (i + 1 < n) { count++; } }
    }
    return count;
  }

  /** How much a prepared line counts in relevance (PreparedLine.weight). */
  function lineWeight(line) { return line.errorish ? K.PreparedLine.ERROR_WEIGHT : K.PreparedLine.OTHER_WEIGHT; }

  Errata.text = {
    tokenize: tokenize, terms: terms, compileRules: compileRules, Versions: Versions, prepare: prepare, preparer: preparer,
    countLines: countLines,
    lineWeight: lineWeight, rank: rank, order: order, isDigit: isDigit, isLetter: isLetter, isErrorWord: isErrorWord,
    namesAnError: namesAnError,
    reportsFailure: reportsFailure, runAgainBetween: runAgainBetween,
    reportsEnd: reportsEnd
  };
})(typeof window !== "undefined" ? window : globalThis);
