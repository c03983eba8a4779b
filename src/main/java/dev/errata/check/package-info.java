/**
 * Rules across entries (unique ids, links that resolve, examples that match), each
 * a small class returning diagnostics; {@link dev.errata.check.Checker} runs them all so that one
 * run reports every problem.
 */
package dev.errata.check;
