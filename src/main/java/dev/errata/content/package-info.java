/**
 * Reads a content folder into the model: walks it in sorted order, splits front matter from the
 * body keeping file line numbers, binds YAML with Jackson (unknown keys reported, not ignored)
 * and maps it to records, collecting every problem as a {@link dev.errata.Diagnostic}.
 */
package dev.errata.content;
