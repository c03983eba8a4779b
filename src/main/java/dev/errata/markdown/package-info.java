/**
 * The Markdown dialect of entries: Flexmark, configured once, with HTML escaped; and a one-pass
 * reader and writer of ours for the plain subset of bodies, which hands anything outside it to
 * Flexmark whole ({@code MarkdownTest} holds the two byte-equal).
 */
package dev.errata.markdown;
