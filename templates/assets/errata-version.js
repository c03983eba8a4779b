// Version ordering and range membership, as dev.errata.version gives them. Java wraps Maven's
// ComparableVersion (maven-artifact 3.9); this is a port of its parsing and ordering, item for
// item: numbers, qualifiers (alpha < beta < milestone < rc < snapshot < release < sp < others
// by name) and sub-lists opened by "-" or by a change between letters and digits. A PEP 440
// local label (+cu121) is dropped first, as Version.parse does. Part of the site's search
// engine; no dependencies. The parity vectors (parity/versions.json) hold it to Java's answers.
(function (root) {
  "use strict";
  var Errata = root.Errata || (root.Errata = {});

  // ComparableVersion's item kinds, and its known qualifiers in order ("" is the release).
  var INT = "int", STRING = "string", LIST = "list";
  var QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
  var ALIASES = { ga: "", "final": "", release: "", cr: "rc" };
  var RELEASE = String(QUALIFIERS.indexOf(""));

  function sign(n) { return n < 0 ? -1 : n > 0 ? 1 : 0; }
  function compareStrings(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /**
   * A number as ComparableVersion keeps it: its digits without leading zeros, and its size
   * class (int up to 9 digits, long up to 18, big beyond), which orders numbers of different
   * classes before their values do.
   */
  function number(digits) {
    var i = 0;
    while (i < digits.length && digits.charAt(i) === "0") { i++; }
    var kept = i === digits.length ? digits : digits.substring(i);
    var size = kept.length <= 9 ? 0 : kept.length <= 18 ? 1 : 2;
    return { kind: INT, size: size, digits: i === digits.length ? "0" : kept };
  }
  function qualifier(value, followedByDigit) {
    if (followedByDigit && value.length === 1) {
      value = value === "a" ? "alpha" : value === "b" ? "beta" : value === "m" ? "milestone" : value;
    }
    return { kind: STRING, value: Object.prototype.hasOwnProperty.call(ALIASES, value) ? ALIASES[value] : value };
  }
  function comparable(q) {
    var i = QUALIFIERS.indexOf(q);
    return i === -1 ? QUALIFIERS.length + "-" + q : String(i);
  }
  function isNull(item) {
    if (item.kind === INT) { return item.digits === "0"; }
    if (item.kind === STRING) { return comparable(item.value) === RELEASE; }
    return item.items.length === 0;
  }
  function item(isDigit, text) { return isDigit ? number(text) : qualifier(text, false); }

  /** ComparableVersion.parseVersion: a list of items, sub-lists for "-" and letter/digit changes. */
  function parse(version) {
    var items = { kind: LIST, items: [] }, list = items, stack = [list], isDigit = false, start = 0, i;
    function open() { var l = { kind: LIST, items: [] }; list.items.push(l); list = l; stack.push(l); }
    version = version.toLowerCase();
    for (i = 0; i < version.length; i++) {
      var c = version.charAt(i);
      if (c === ".") {
        list.items.push(i === start ? number("0") : item(isDigit, version.substring(start, i)));
        start = i + 1;
      } else if (c === "-") {
        list.items.push(i === start ? number("0") : item(isDigit, version.substring(start, i)));
        start = i + 1;
        open();
      } else if (c >= "0" && c <= "9") {
        if (!isDigit && i > start) {
          if (list.items.length) { open(); }
          list.items.push(qualifier(version.substring(start, i), true));
          start = i;
          open();
        }
        isDigit = true;
      } else {
        if (isDigit && i > start) {
          list.items.push(item(true, version.substring(start, i)));
          start = i;
          open();
        }
        isDigit = false;
      }
    }
    if (version.length > start) {
      if (!isDigit && list.items.length) { open(); }
      list.items.push(item(isDigit, version.substring(start)));
    }
    while (stack.length) { normalize(stack.pop()); }
    return items;
  }

  /** Drops trailing null items (0, the release, empty lists), looking past lists. */
  function normalize(list) {
    for (var i = list.items.length - 1; i >= 0; i--) {
      var last = list.items[i];
      if (isNull(last)) { list.items.splice(i, 1); }
      else if (last.kind !== LIST) { break; }
    }
  }

  /** Item.compareTo, with null for a missing item; the sign only. */
  function compareItems(a, b) {
    if (a.kind === INT) {
      if (b === null) { return a.digits === "0" ? 0 : 1; }
      if (b.kind !== INT) { return 1; }
      if (a.size !== b.size) { return a.size < b.size ? -1 : 1; }
      return a.digits.length !== b.digits.length ? (a.digits.length < b.digits.length ? -1 : 1) : compareStrings(a.digits, b.digits);
    }
    if (a.kind === STRING) {
      if (b === null) { return sign(compareStrings(comparable(a.value), RELEASE)); }
      if (b.kind === STRING) { return compareStrings(comparable(a.value), comparable(b.value)); }
      return -1;
    }
    if (b === null) {
      for (var k = 0; k < a.items.length; k++) {
        var r = compareItems(a.items[k], null);
        if (r !== 0) { return r; }
      }
      return 0;
    }
    if (b.kind === INT) { return -1; }
    if (b.kind === STRING) { return 1; }
    for (var i = 0; i < Math.max(a.items.length, b.items.length); i++) {
      var l = i < a.items.length ? a.items[i] : null, rr = i < b.items.length ? b.items[i] : null;
      var result = l === null ? (rr === null ? 0 : -compareItems(rr, l)) : compareItems(l, rr);
      if (result !== 0) { return result; }
    }
    return 0;
  }

  /** The text Version.parse hands to ComparableVersion: without a leading v and a +local label. */
  function comparableText(text) {
    var s = String(text).trim();
    if (s.charAt(0) === "v" || s.charAt(0) === "V") { s = s.substring(1); }
    var plus = s.indexOf("+");
    return plus >= 0 ? s.substring(0, plus) : s;
  }

  /** -1, 0 or 1 as Version.compareTo orders x and y. */
  function compare(x, y) {
    return compareItems(parse(comparableText(x)), parse(comparableText(y)));
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
