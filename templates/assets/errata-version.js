// Version ordering and range membership, as dev.errata.version gives them: Java wraps Maven's
// ComparableVersion, this is a port of the orderings it gives the versions entries use (numbers
// compare as numbers, trailing zeros do not count, pre-releases come before the release, a PEP 440
// local label such as +cu121 is dropped). Part of the site's search engine; no dependencies.
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});

  // ComparableVersion's qualifiers in order; the release itself ("") is 5, unknown ones sort last.
  var QUALIFIERS = { alpha: 0, a: 0, beta: 1, b: 1, milestone: 2, m: 2, rc: 3, cr: 3, snapshot: 4, "": 5, ga: 5, "final": 5, release: 5, sp: 6 };
  var RELEASE = QUALIFIERS[""], UNKNOWN = QUALIFIERS.sp + 1;

  function parse(text) {
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
    while (items.length && ((items[items.length - 1].n === 0) || (items[items.length - 1].s !== undefined && QUALIFIERS[items[items.length - 1].s] === RELEASE))) { items.pop(); }
    return items;
  }

  function compareItem(a, b) {
    if (a === undefined) { a = { s: "" }; }
    if (b === undefined) { b = { s: "" }; }
    if (a.n !== undefined && b.n !== undefined) { return a.n < b.n ? -1 : a.n > b.n ? 1 : 0; }
    if (a.n !== undefined) { return b.s === "" ? (a.n === 0 ? 0 : 1) : 1; }
    if (b.n !== undefined) { return a.s === "" ? (b.n === 0 ? 0 : -1) : -1; }
    var qa = Object.prototype.hasOwnProperty.call(QUALIFIERS, a.s) ? QUALIFIERS[a.s] : UNKNOWN;
    var qb = Object.prototype.hasOwnProperty.call(QUALIFIERS, b.s) ? QUALIFIERS[b.s] : UNKNOWN;
    if (qa !== qb) { return qa < qb ? -1 : 1; }
    if (qa === UNKNOWN) { return a.s < b.s ? -1 : a.s > b.s ? 1 : 0; }
    return 0;
  }

  /** -1, 0 or 1 as Version.compareTo orders x and y. */
  function compare(x, y) {
    var a = parse(x), b = parse(y);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var c = compareItem(a[i], b[i]);
      if (c !== 0) { return c; }
    }
    return 0;
  }

  /** Whether Version.parse takes the text: a digit first (after an optional v), then version characters. */
  function valid(v) {
    var s = String(v).trim();
    if (s.charAt(0) === "v" || s.charAt(0) === "V") { s = s.substring(1); }
    return /^[0-9][0-9A-Za-z.+_-]*$/.test(s);
  }

  /** Whether version v is in a window such as ">=23.12, <24.10" or "*" (VersionRange.contains). */
  function inRange(range, v) {
    var text = range.trim();
    if (text === "*") { return true; }
    var parts = text.split(",");
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i].trim(), op = null;
      ["<=", ">=", "==", "<", ">"].forEach(function (o) { if (op === null && p.indexOf(o) === 0) { op = o; } });
      if (op === null) { return false; }
      var c = compare(v, p.substring(op.length).trim());
      var ok = op === ">=" ? c >= 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : op === "<" ? c < 0 : c === 0;
      if (!ok) { return false; }
    }
    return true;
  }

  Errata.version = { compare: compare, valid: valid, inRange: inRange };
})(typeof window !== "undefined" ? window : globalThis);
