/** The Markdown dialect of entries: one Flexmark parser and renderer, configured once. */
package dev.errata.markdown;
