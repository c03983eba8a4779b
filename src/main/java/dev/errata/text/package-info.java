/**
 * Reading pasted text: the one-pass {@link dev.errata.text.Tokenizer}, the search terms of a text
 * ({@link dev.errata.text.Terms}), a paste cut into prepared lines with their log level and
 * weight ({@link dev.errata.text.Paste}), the versions a paste mentions ({@link
 * dev.errata.text.Versions}), and the rules all of it follows ({@link dev.errata.text.Rules},
 * data in {@code rules.json} that the browser reads too). No file I/O.
 */
package dev.errata.text;
