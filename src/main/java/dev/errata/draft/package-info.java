/**
 * Drafting entries: the skeleton of a new entry, and a draft made from a pasted error (the line
 * the matcher would look at first, its varying parts turned into placeholders). Pure: text in,
 * the entry's Markdown out; the command line writes the file.
 */
package dev.errata.draft;
