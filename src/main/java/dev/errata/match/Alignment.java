package dev.errata.match;

import java.util.List;

/**
 * How well one symptom template lines up with a stretch of pasted tokens.
 *
 * @param quality 0 to 1: the weighted share of the template found in order, less penalties, of
 *     the part the paste shows (a paste cut short is judged on what it has)
 * @param coverage 0 to 1: the weighted share of the whole template found
 * @param evidence for ranking: weight of what matched less weight of what should be there and is not
 * @param exact every literal and slot matched in order, nothing extra in between
 * @param contradicted a literal of the template faces a different word or number in the paste:
 *     the paste shows a related but different error
 * @param matchedLiterals how many literal words matched
 * @param matchedTokens indexes (into the aligned tokens) of the tokens that matched literals
 * @param start index of the first aligned token
 * @param end index after the last aligned token
 */
public record Alignment(double quality, double coverage, double evidence, boolean exact, boolean contradicted, int matchedLiterals,
    List<Integer> matchedTokens, int start, int end, boolean tailCut) {

  static final Alignment NONE = new Alignment(0, 0, 0, false, false, 0, List.of(), 0, 0, false);
}
