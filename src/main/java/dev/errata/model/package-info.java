/**
 * The knowledge base as typed records: {@link dev.errata.model.Entry} and its parts. No I/O and no
 * library types (versions come from {@code dev.errata.version}); every record checks its own
 * invariants, so a value that exists is valid.
 */
package dev.errata.model;
