/**
 * The Markdown dialect of entries: Flexmark, configured once, with HTML escaped; and a one-pass
 * reader and writer of ours for the plain subset of bodies, which hands anything outside it to
 * Flexmark whole ({@code MarkdownTest} holds the two byte-equal). Hostile text is contained here:
 * {@link dev.errata.markdown.LinkPolicy} decides which link addresses a page may hold, and {@link
 * dev.errata.markdown.MarkdownLimits} how large and how deep a text may be before it is parsed.
 */
package dev.errata.markdown;
