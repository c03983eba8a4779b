package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.text.Paste;
import dev.errata.text.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which words of a paste are the sender's question, and which answers they ask about. */
class SendersQuestionTest {
  private static final Rules RULES = Rules.defaults();
  private static final String LOG = "E0117 09:02:12.804417 1 model_lifecycle.cc:641] failed to load 'ranker' version 1\n";

  private static List<String> words(String paste) {
    return SendersQuestion.words(Paste.prepare(paste, RULES).lines(), RULES);
  }

  @Test
  void theOpeningParagraphIsAQuestionWhenItAsksOneAndALogFollows() {
    assertEquals(List.of("why", "classifier", "load", "labels_py", "placeholder"),
        words("why does 'classifier' fail to load?\nlabels_py is a placeholder\n\n" + LOG));
    assertEquals(List.of("why", "classifier"), words("why does 'classifier' fail?\n" + LOG), "a logger's line ends the paragraph too");
    assertEquals(List.of(), words("the classifier fails, labels_py is a placeholder\n\n" + LOG), "a remark that asks nothing");
    assertEquals(List.of(), words("why does 'classifier' fail?\n\nTraceback (most recent call last):\nValueError: x\n"),
        "no line a logger marked: nothing tells the question from the paste");
    assertEquals(List.of(), words(LOG + "why?\n"), "a question after the log is not above it");
  }

  @Test
  void theFirstWordThatTellsTheAnswersApartDecides() {
    Map<Integer, Set<String>> answers = Map.of(0, Set.of("ranker", "load"), 1, Set.of("classifier", "load"));
    assertEquals(Set.of(1), SendersQuestion.askedAbout(answers, List.of("load", "classifier", "ranker")));
    assertEquals(Set.of(), SendersQuestion.askedAbout(answers, List.of("load", "version")), "no word tells them apart");
  }
}
