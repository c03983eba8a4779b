/**
 * Errata turns a folder of Markdown troubleshooting entries into a static site and a matcher for
 * pasted errors. The pipeline reads in one direction: {@code content -> model -> (check, match,
 * index) -> render -> site}, with {@code cli} on top. This root package holds only the error
 * vocabulary shared by every stage: {@link dev.errata.ErrataException}, {@link
 * dev.errata.Diagnostic} and {@link dev.errata.ExitCode}.
 */
package dev.errata;
