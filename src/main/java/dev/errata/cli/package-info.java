/**
 * The command line (picocli): one class per command, streams passed in so tests run exactly what
 * users run, exit codes named in {@link dev.errata.ExitCode}. {@link dev.errata.cli.Main} is the
 * only place that exits the process.
 */
package dev.errata.cli;
