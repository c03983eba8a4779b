package dev.errata.text;

/**
 * Lines of a paste read as one record ({@link TableRows}, {@link FoldedScalar}): the lines it
 * reads as, separated by {@code \n}, how many lines after its first it took, and where the last
 * of them ends and the next begins.
 */
record Joined(String line, int lines, int end, int next) {}
