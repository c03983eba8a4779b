/**
 * Measuring the matcher: evaluation pastes read from a folder ({@code src/test/resources/eval}
 * for the shipped content), top-1 and false-confident figures, and the word-search baseline that
 * {@code errata eval} prints beside them.
 */
package dev.errata.eval;
