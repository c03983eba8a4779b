package dev.errata.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words and phrases that a knowledge base says mean the same ({@code synonyms:} in {@code
 * matching.yml}), in one {@link TermTable}'s numbers. Where a counted text has one phrase of a
 * group, the terms of the group's other phrases are counted with it: word search then finds an
 * entry that says "out of memory" when "oom" is typed, and the other way round. Java and the
 * browser search the same counts, so the browser needs no list of its own.
 *
 * <p>A phrase is found by all its words, stopwords included: search drops "out" and "of", but
 * "out of memory" must not be found in every text that says "memory". Its words must follow one
 * another with only spaces, line ends or apostrophes between them ("doesn't match"); a number, a
 * path or a sign between two words ends the run.
 */
public final class Synonyms {
  /** The most words a phrase may have. */
  public static final int MAX_WORDS = 6;

  /** Each phrase's words, by their numbers in the table. */
  private final List<int[]> phraseWords = new ArrayList<>();
  /** Each phrase's others: the terms of the other phrases of its group, by number, to count beside it. */
  private final List<int[]> others = new ArrayList<>();
  /** The words that end a phrase: one bit test per word counted, a map look-up only for these. */
  private final BitSet ends = new BitSet();
  private final Map<Integer, int[]> endingWith = new HashMap<>();

  Synonyms(List<List<String>> groups, TermTable table) {
    for (List<String> group : groups) {
      List<int[]> termsOf = new ArrayList<>();
      int first = phraseWords.size();
      for (String phrase : group) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        phraseWords.add(tokens.stream().mapToInt(t -> table.id(t.text())).toArray());
        termsOf.add(Terms.of(tokens, table.rules()).stream().mapToInt(table::id).toArray());
      }
      for (int p = 0; p < group.size(); p++) {
        List<Integer> counted = new ArrayList<>();
        for (int q = 0; q < group.size(); q++) {
          if (q != p) {
            for (int t : termsOf.get(q)) {
              counted.add(t);
            }
          }
        }
        others.add(counted.stream().mapToInt(Integer::intValue).toArray());
        int[] w = phraseWords.get(first + p);
        int last = w[w.length - 1];
        ends.set(last);
        int[] before = endingWith.getOrDefault(last, new int[0]);
        int[] grown = java.util.Arrays.copyOf(before, before.length + 1);
        grown[before.length] = first + p;
        endingWith.put(last, grown);
      }
    }
  }

  /**
   * What is wrong with {@code phrase} as a synonym, if anything: it must be words (no number,
   * path or sign of its own), at most {@link #MAX_WORDS} of them, and not only words that search
   * ignores.
   */
  public static Optional<String> problem(String phrase, Rules rules) {
    List<Token> tokens = Tokenizer.tokenize(phrase);
    if (tokens.isEmpty()) {
      return Optional.of("it has no words");
    }
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.CJK) {
        return Optional.of("'" + t.text() + "' is not a word (a number, a version or a path)");
      }
    }
    if (tokens.size() > MAX_WORDS) {
      return Optional.of("it has " + tokens.size() + " words, more than " + MAX_WORDS);
    }
    String joined = phrase.strip().replaceAll("\\s+", " ");
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != ' ' && c != '\'' && c != '\u2019' && c != '-' && c != '_' && c != '.') {
        return Optional.of("'" + c + "' is neither a letter, a digit nor a space");
      }
    }
    if (Terms.of(tokens, rules).isEmpty()) {
      return Optional.of("its words are all ones that search ignores (such as 'the', 'not', 'of')");
    }
    return Optional.empty();
  }

  /** Follows one text's words, counting the others of each phrase it completes into {@code out}. */
  Run run(java.util.function.IntConsumer out) {
    return new Run(out);
  }

  /** The last words of one text, as a scan meets them. */
  final class Run {
    private final java.util.function.IntConsumer out;
    private final int[] recent = new int[MAX_WORDS];
    /** How many of {@link #recent} belong to the current run of words (at most its length). */
    private int inRun;
    private int lastStop = -1;

    private Run(java.util.function.IntConsumer out) {
      this.out = out;
    }

    /** A word of {@code text} at {@code [start, stop)}, by its number in the table. */
    void word(char[] text, int id, int start, int stop) {
      if (lastStop < 0 || !joins(text, lastStop, start)) {
        inRun = 0;
      }
      lastStop = stop;
      System.arraycopy(recent, 1, recent, 0, MAX_WORDS - 1);
      recent[MAX_WORDS - 1] = id;
      inRun = Math.min(inRun + 1, MAX_WORDS);
      if (!ends.get(id)) {
        return;
      }
      for (int p : endingWith.get(id)) {
        int[] w = phraseWords.get(p);
        if (w.length <= inRun && endsWith(w)) {
          for (int t : others.get(p)) {
            out.accept(t);
          }
        }
      }
    }

    /** Anything that is not a word (a number, a path) ends the run. */
    void other() {
      inRun = 0;
    }

    private boolean endsWith(int[] w) {
      for (int i = 0; i < w.length; i++) {
        if (recent[MAX_WORDS - w.length + i] != w[i]) {
          return false;
        }
      }
      return true;
    }

    private static boolean joins(char[] text, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = text[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\'' && c != '\u2019') {
          return false;
        }
      }
      return true;
    }
  }
}
