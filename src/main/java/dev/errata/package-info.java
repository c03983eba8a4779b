/**
 * Errata turns a folder of Markdown troubleshooting entries into a static site and a matcher for
 * pasted errors. The pipeline reads in one direction: {@code content -> model -> (text, search,
 * match) -> (check, eval, index) -> render -> site -> workspace -> cli}; {@code ArchitectureTest}
 * holds it. This root package holds only the error vocabulary shared by every stage: {@link
 * dev.errata.ErrataException}, {@link dev.errata.Diagnostic} and {@link dev.errata.ExitCode}.
 */
package dev.errata;
