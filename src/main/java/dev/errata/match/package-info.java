/**
 * The matcher, a library the CLI and the site's search both use: preparing pasted text ({@link
 * dev.errata.match.Paste}, rules in {@code rules.json}), symptom templates and their alignment
 * ({@link dev.errata.match.Template}, {@link dev.errata.match.Aligner}), ranking and confidence
 * ({@link dev.errata.match.Matcher}), word search ({@link dev.errata.match.WordSearch}) and the
 * evaluation. Pure: no I/O besides reading its own rules; {@code
 * templates/assets/errata-engine.js} is its port, held to the same answers by {@code
 * ParityTest}. See {@code docs/matching.md}.
 */
package dev.errata.match;
