/**
 * Word search: counting the weighted terms of every entry at build time ({@link
 * dev.errata.search.TermCounts}), their BM25 postings ({@link dev.errata.search.Posting}), and the
 * word index and ranked word queries of the site's search box ({@link dev.errata.search.WordIndex},
 * {@link dev.errata.search.WordSearch}). The matcher uses the same postings for relevance. No file
 * I/O.
 */
package dev.errata.search;
