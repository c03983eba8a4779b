/**
 * What the build writes for machines rather than people: {@code api/entries.json}, the search
 * index the browser reads (word postings, templates and the manifest with the matcher's
 * constants), and the match index file that {@code errata match} maps instead of recompiling the
 * content ({@link dev.errata.index.MatchIndexCodec}). These files are a contract with other tools
 * and with the site's JavaScript; their shapes are documented in {@code docs/} and pinned by
 * golden and round-trip tests.
 */
package dev.errata.index;
