package dev.errata.match;

import dev.errata.text.PreparedLine;
import dev.errata.text.Rules;
import dev.errata.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The question a sender wrote above the log, and which of the confident answers it asks about.
 * A log where two models fail, pasted under "why does 'classifier' fail to load? labels_py is
 * just a placeholder", is answered about the classifier first, though the log shows the other
 * failure first. The browser's port is {@code askedWords} and {@code askedAbout} in
 * errata-match.js.
 */
final class SendersQuestion {
  private SendersQuestion() {}

  /**
   * The words of the question, in order: the paste's opening paragraph (its first lines up to a
   * blank or dropped one, or one a logger marked), when it asks something (a {@code ?}) and a
   * marked line follows (never one of the paragraph's, which ends at it); without stopwords, error words and words under {@link
   * Matcher#MIN_ASKED_WORD} letters. Empty when the paste opens with no question.
   */
  static List<String> words(List<PreparedLine> lines, Rules rules) {
    List<PreparedLine> inOrder = inOrder(lines);
    List<PreparedLine> paragraph = opening(inOrder);
    boolean question = paragraph.stream().anyMatch(l -> l.original().contains("?")) && inOrder.stream().anyMatch(l -> !l.level().isEmpty());
    List<String> out = new ArrayList<>();
    if (question) {
      paragraph.forEach(l -> l.tokens().stream()
          .filter(t -> t.kind() == Token.Kind.WORD && t.text().length() >= Matcher.MIN_ASKED_WORD && !rules.isStopword(t.text())
              && !rules.isErrorWord(t.text()))
          .forEach(t -> out.add(t.text())));
    }
    return out;
  }

  /**
   * The last line of the sender's own words above the log: the opening paragraph, when a blank
   * line ends it and a line a logger marked comes later; 0 when the paste does not open so. An
   * error quoted there is often what the sender saw before (an earlier attempt, yesterday's
   * error), told as context. A client's error right above the server's log, with no blank line
   * between, is part of the log.
   */
  static int wordsAbove(List<PreparedLine> lines) {
    List<PreparedLine> inOrder = inOrder(lines);
    List<PreparedLine> paragraph = opening(inOrder);
    if (paragraph.isEmpty() || paragraph.size() == inOrder.size()) {
      return 0;
    }
    int last = paragraph.get(paragraph.size() - 1).number();
    boolean apart = inOrder.get(paragraph.size()).number() > last + 1;
    return apart && inOrder.stream().anyMatch(l -> !l.level().isEmpty()) ? last : 0;
  }

  private static List<PreparedLine> inOrder(List<PreparedLine> lines) {
    List<PreparedLine> inOrder = new ArrayList<>(lines);
    inOrder.sort(Comparator.comparingInt(PreparedLine::number).thenComparingInt(PreparedLine::part));
    return inOrder;
  }

  /** The paste's opening paragraph: its first lines up to a blank or dropped one, or one a logger marked. */
  private static List<PreparedLine> opening(List<PreparedLine> inOrder) {
    List<PreparedLine> paragraph = new ArrayList<>();
    for (PreparedLine l : inOrder) {
      if (!l.level().isEmpty() || !paragraph.isEmpty() && l.number() > paragraph.get(paragraph.size() - 1).number() + 1) {
        break;
      }
      paragraph.add(l);
    }
    return paragraph;
  }

  /**
   * The words of an answer's line other than those that matched its symptom's: what filled its
   * slots (a tensor's name) and what the line says around the message (the model it failed to
   * load).
   */
  static Set<String> ownWords(List<Token> tokens, Alignment alignment) {
    Set<String> out = new HashSet<>();
    Set<Integer> matched = new HashSet<>(alignment.matchedTokens());
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.WORD && !matched.contains(i)) {
        out.add(t.text());
      }
    }
    return out;
  }

  /**
   * Of the answers (each by its position, with its {@link #ownWords}), those the question asks
   * about: the first of its words that some of them show but not all. Empty when no word tells
   * them apart.
   */
  static Set<Integer> askedAbout(Map<Integer, Set<String>> answers, List<String> words) {
    for (String w : words) {
      Set<Integer> with = new HashSet<>();
      answers.forEach((r, own) -> {
        if (own.contains(w)) {
          with.add(r);
        }
      });
      if (!with.isEmpty() && with.size() < answers.size()) {
        return with;
      }
    }
    return Set.of();
  }
}
