/**
 * The matcher, a library the CLI and the site's search both use: symptom templates and their
 * token-by-token alignment with a pasted line ({@link dev.errata.match.Template}, {@link
 * dev.errata.match.Aligner}), ranking across the lines of a paste, version verdicts and
 * confidence ({@link dev.errata.match.Matcher}), over an index of the entries ({@link
 * dev.errata.match.MatchIndex}, or the mapped one the build wrote). No file I/O; {@code
 * templates/assets/errata-match.js} is its port, held to the same answers by the parity vectors,
 * and reads the public constants of these classes from the search manifest.
 * See {@code docs/matching.md}.
 */
package dev.errata.match;
