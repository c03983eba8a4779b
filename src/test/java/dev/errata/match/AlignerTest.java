package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.Symptom;
import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignerTest {
  private static final String SYMPTOM = "in ensemble '{name}', onnx runtime error 2: not enough space: expected {n}, got 0";
  private static final String BARE = "not enough space: expected 1048576, got 0";

  /**
   * The paste starts inside the message: the positions before its first word are cut, not
   * missing. The alignment once charged for skipping them, so the name slot near the symptom's
   * head took the paste's first word ("not", a stopword worth little), and every word between
   * ("onnx", "runtime", "error", the "2" the title names) counted as missing: contradicted.
   */
  @Test
  void aPasteThatStartsInsideTheMessageStartsWithOneOfItsWords() {
    Template t = Template.compile(0, Symptom.parse(SYMPTOM), Set.of("2", "0"), true);
    double[] weights = new double[t.items().size()];
    for (int i = 0; i < weights.length; i++) {
      Template.Item it = t.items().get(i);
      // As a knowledge base weighs them: stopwords little, rare words much.
      weights[i] = !it.isWord() ? 0 : it.key().equals("in") || it.key().equals("not") ? MatchData.STOPWORD_WEIGHT : 4.5;
    }
    List<Token> tokens = Tokenizer.tokenize(BARE);
    Alignment a = Aligner.align(t, tokens, weights, k -> 4.5, true, true);
    assertFalse(a.contradicted(), a::toString);
    assertEquals(List.of(0, 1, 2, 3, 5, 6), a.matchedTokens(), "every word of the paste, 'not' first");

    // A line after others may not start inside a message: there the head is missing.
    assertTrue(Aligner.align(t, tokens, weights, k -> 4.5, false, true).contradicted());
  }

  /**
   * A selection that stops inside a word ("... not enough spa") stopped inside the template's
   * word: the fragment is left out and the rest counts as cut, not as a word that differs. Only
   * on a paste's last line, and only for a fragment that is none of the template's words.
   */
  @Test
  void aPasteThatStopsInsideAWordStopsInsideTheMessage() {
    Template t = Template.compile(0, Symptom.parse(SYMPTOM), Set.of("2", "0"), true);
    double[] weights = new double[t.items().size()];
    java.util.Arrays.fill(weights, 4.5);
    List<Token> cut = Tokenizer.tokenize("in ensemble 'p', onnx runtime error 2: not enough spa");
    Alignment a = Aligner.align(t, cut, weights, k -> 4.5, true, true);
    assertFalse(a.contradicted(), a::toString);
    assertTrue(a.quality() > 0.9, a::toString);
    assertEquals(List.of(0, 1, 3, 4, 5, 6, 7, 8), a.matchedTokens(), "every word but the fragment");

    // A line the paste goes on after is not cut: there "spa" is another word than "space".
    assertTrue(Aligner.align(t, cut, weights, k -> 4.5, true, false).quality() < a.quality());
    // A fragment alone aligns with nothing, and a whole word of the template is no fragment.
    assertEquals(0, Aligner.align(t, Tokenizer.tokenize("spa"), weights, k -> 4.5, true, true).matchedLiterals());
    assertTrue(Aligner.align(t, Tokenizer.tokenize("onnx runtime error"), weights, k -> 4.5, true, true).matchedTokens().contains(2));
  }

  /**
   * A paste cut short stops inside the message it copies: a template word that the paste's last
   * token matches ends the alignment early only when the token before it is aligned too, not
   * skipped. "... Internal: onnx runtime error 7: ... Protobuf parsing failed." ends with
   * "failed", but it is not "... Internal: failed to stat file ..." cut after "failed".
   */
  @Test
  void aPasteEndsInsideTheMessageOnlyRightAfterItsWords() {
    Template t = Template.compile(0, Symptom.parse("failed to load '{name}' version {n}: Internal: failed to stat file {path}"),
        Set.of(), true);
    double[] weights = new double[t.items().size()];
    java.util.Arrays.fill(weights, 4.5);
    Alignment other = Aligner.align(t, Tokenizer.tokenize("failed to load 'yolo' version 1: Internal: onnx runtime error 7: Load "
        + "model from /models/yolo/1/model.onnx failed:Protobuf parsing failed."), weights, k -> 4.5, true, true);
    assertFalse(other.tailCut(), other::toString);
    assertTrue(other.quality() < Matcher.LIKELY_QUALITY, other::toString);

    Alignment cut = Aligner.align(t, Tokenizer.tokenize("failed to load 'yolo' version 1: Internal: failed to"), weights,
        k -> 4.5, true, true);
    assertTrue(cut.tailCut(), cut::toString);
    assertTrue(cut.quality() > 0.9, cut::toString);
  }

  /** The founding case's error line, pasted alone, finds its entry first and says so with confidence. */
  @Test
  void theBareFoundingCaseLineFindsItsEntryConfidently() {
    dev.errata.workspace.Workspace w = dev.errata.workspace.Workspace.of(Path.of("content"), null);
    MatchReport r = w.matcher().match(BARE, Matcher.Options.defaults());
    assertEquals("python-backend-numpy2-empty-output-tensors", r.matches().get(0).entry().id());
    assertTrue(r.matches().get(0).confidence().confident(), () -> r.matches().get(0).toString());
  }
  /**
   * A word typed again with a slip is one edit away: a letter changed, added or dropped, two side
   * by side swapped. Words that part at their first letter or only at their last are other words
   * or other forms of one (a plural, a tense), not slips.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "creating, cerating, true",
    "creating, craeting, true",
    "creating, creting, true",
    "creating, creatxing, true",
    "creating, crexting, true",
    "creating, creatign, true",
    "ensemble, ensmble, true",
    "creating, creating, false",
    "creating, xreating, false",
    "creating, creatinx, false",
    "models, model, false",
    "model, models, false",
    "required, require, false",
    "specifies, specified, false",
    "provides, provider, false",
    "creating, cretaign, false",
    "creating, crating, true",
    "creating, ceratign, false",
  })
  void aSlipIsOneEditInsideTheWord(String word, String typed, boolean near) {
    assertEquals(near, Aligner.near(word, typed), word + " / " + typed);
  }

  /**
   * Text read back from a screenshot confuses letters that look alike in a terminal's font: I, l
   * and 1, O and 0, m and rn. Such a word is a slip of the one it looks like, at its first letter
   * and in more than one place too (but rn for m only after the first letter, where a line's
   * words are looked up); other letters at the first place, and inflections, stay other words.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "internal, lnternal, true",
    "initialization, initia1ization, true",
    "initialization, lnitia1izatlon, true",
    "named, narned, true",
    "unavailable, unavai1able, true",
    "unavailable, unavallable, true",
    "loaded, 1oaded, true",
    "module, m0du1e, true",
    "internal, internal, false",
    "internal, ontornal, false",
    "unable, enable, false",
    "models, mode1, false",
    "named, narnes, false",
    "module, rnodule, false",
  })
  void aScreenshotsLookAlikesAreSlips(String word, String typed, boolean near) {
    assertEquals(near, Aligner.near(word, typed), word + " / " + typed);
  }

  /** A token that may be a slip: letters, and 0 or 1 after the first; a number or a name with other digits is not. */
  @Test
  void digitsThatLookLikeLettersMayBeSlips() {
    assertTrue(Aligner.slipLetters("fai1ed") && Aligner.slipLetters("m0del") && Aligner.slipLetters("failed"));
    assertFalse(Aligner.slipLetters("1oaded"), "a digit first: the spelling index is by first letter");
    assertFalse(Aligner.slipLetters("conv2d") || Aligner.slipLetters("100") || Aligner.slipLetters(""));
  }

  /**
   * A long word of the message misspelt in the paste is found, at half its weight: the symptom is
   * not contradicted (a different error) but not exact (word for word) either. A short word
   * misspelt is another word.
   */
  @Test
  void aMisspeltLongWordIsFoundButNotWordForWord() {
    Template t = Template.compile(0, Symptom.parse("error: creating server: Internal - failed to load all models"), Set.of(), true);
    double[] weights = new double[t.items().size()];
    java.util.Arrays.fill(weights, 2.0);
    Alignment right = Aligner.align(t, Tokenizer.tokenize("error: creating server: Internal - failed to load all models"),
        weights, k -> 2.0, true, true);
    Alignment slip = Aligner.align(t, Tokenizer.tokenize("error: cerating server: Internal - failed to load all models"),
        weights, k -> 2.0, true, true);
    Alignment other = Aligner.align(t, Tokenizer.tokenize("error: creating server: Internal - failed to lod all models"),
        weights, k -> 2.0, true, true);
    assertTrue(right.exact());
    assertFalse(slip.exact(), slip::toString);
    assertFalse(slip.contradicted(), slip::toString);
    assertTrue(slip.quality() > 0.9 && slip.quality() < right.quality(), slip::toString);
    assertTrue(slip.matchedTokens().contains(1), "the misspelt word is shown as found: " + slip);
    assertTrue(other.contradicted(), "'lod' is too short to be a slip of 'load': " + other);
  }

  /**
   * A screenshot's text reads look-alike letters into short words too ("bui1t", "forrn"): found at
   * half their weight, as a long word's slip is. A short word one edit away ("lead" for "load") is
   * another word, read alike or not.
   */
  @Test
  void aShortWordReadAlikeIsFoundButAShortWordMisspeltIsNot() {
    Template t = Template.compile(0, Symptom.parse("this image was built for another driver form"), Set.of(), true);
    double[] weights = new double[t.items().size()];
    java.util.Arrays.fill(weights, 2.0);
    Alignment read = Aligner.align(t, Tokenizer.tokenize("this image was bui1t for another driver forrn"), weights, k -> 2.0,
        true, true);
    Alignment typo = Aligner.align(t, Tokenizer.tokenize("this image was biult for another driver from"), weights, k -> 2.0,
        true, true);
    assertFalse(read.exact(), read::toString);
    assertFalse(read.contradicted(), read::toString);
    assertTrue(read.matchedTokens().containsAll(List.of(3, 7)), "both words read alike are found: " + read);
    assertTrue(typo.contradicted(), "a short word's swapped letters are another word: " + typo);
    assertTrue(Aligner.readAlike("numpy", "nurnpy") && Aligner.readAlike("built", "bui1t"));
  }
}
