package dev.errata.match;

import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.Symptom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How symptoms pasted as seen keep what names an error and drop what varies. */
class TemplateTest {
  @Test
  void aPathKeepsItsWordsAndOnlyTheNumbersTheTitleNames() {
    Set<String> title = Set.of("myelin", "encoder/layer.21/attention", "nvcr.io/nvidia/tritonserver:24.10-py3");
    assertEquals("encoder/layer/21/attention/einsum", Template.identityPath("/encoder/layer.21/attention/einsum_147", title));
    assertEquals("nvcr/io/nvidia/tritonserver/24/10/py3", Template.identityPath("nvcr.io/nvidia/tritonserver:24.10-py3", title));
    assertEquals("models/resnet/model/onnx", Template.identityPath("/models/resnet/3/model.onnx", title));
  }

  @Test
  void aPathOfNumbersTheTitleDoesNotNameStaysASlotWithNoWords() {
    assertEquals("/", Template.identityPath("0/6", Set.of()));
    assertEquals(List.of(), MatchIndex.pathParts("/"));
  }

  @Test
  void pathPartsAreWordsAndNumbers() {
    assertEquals(List.of("layer", "12", "attention", "onehot", "7"), MatchIndex.pathParts("/layer.12/attention/onehot_7"));
    assertEquals(List.of("layer", "attention", "onehot"), MatchIndex.pathWords("/layer.12/attention/onehot_7"));
  }

  private static Alignment align(Template t, String paste) {
    return align(t, paste, java.util.Map.of());
  }

  /** Words weigh 2 unless {@code weights} says otherwise. */
  private static Alignment align(Template t, String paste, java.util.Map<String, Double> weights) {
    List<Token> tokens = Tokenizer.tokenize(paste.toLowerCase(java.util.Locale.ROOT));
    double[] w = new double[t.items().size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = t.items().get(i).isWord() ? weights.getOrDefault(t.items().get(i).key(), 2.0) : 0;
    }
    return Aligner.align(t, tokens, w, k -> weights.getOrDefault(k, 2.0));
  }

  @Test
  void aNumberTheTitleNamesMustBeEqual() {
    Template t = Template.compile(0, Symptom.parse("No matching distribution found for flash-attn==1.16.3 (from versions: 0.1.0, 0.2.0)"),
        Set.of("1.16.3"), true);
    Alignment same = align(t, "No matching distribution found for flash-attn==1.16.3 (from versions: 3.0.0)");
    Alignment other = align(t, "No matching distribution found for flash-attn==10.0.1 (from versions: 3.0.0)");
    assertFalse(same.contradicted());
    assertTrue(other.contradicted());
    assertTrue(same.evidence() > other.evidence() + 2, same + " vs " + other);
  }

  @Test
  void aNamedNumberIsFreeInAListWhenTheSymptomNamesItElsewhere() {
    Template t = Template.compile(0, Symptom.parse(
        "requirement polygraphy==3.0.0 (from versions: 3.0.0, 3.3.1, 3.6.2) ERROR: No matching distribution found for polygraphy==3.0.0"),
        Set.of("3.0.0"), true);
    List<String> numbers = t.items().stream().filter(i -> i.slot() == Template.Slot.NUMBER).map(Template.Item::text).toList();
    // Named where it names the version asked for; the list is one free run.
    assertEquals(List.of("3.0.0", "", "3.0.0"), numbers);
    assertFalse(align(t, "requirement polygraphy==3.0.0 (from versions: 0.0.0, 0.3.1) ERROR: No matching distribution found"
        + " for polygraphy==3.0.0").contradicted());
    assertTrue(align(t, "requirement polygraphy==2.0.0 (from versions: 3.0.0, 3.3.1) ERROR: No matching distribution found"
        + " for polygraphy==2.0.0").contradicted());
  }

  @Test
  void aNamedNumberOnlyInALineOfNumbersStaysNamed() {
    Template t = Template.compile(0, Symptom.parse("Reshaping [1,32] to [64,12,256]"), Set.of("64", "256"), true);
    List<String> named = t.items().stream().filter(i -> i.slot() == Template.Slot.NUMBER && !i.text().isEmpty())
        .map(Template.Item::text).toList();
    assertEquals(List.of("64", "256"), named);
  }

  @Test
  void aPathThatTellsSiblingsApartDoesNotMergeWithTheNumberAfterIt() {
    Template t = Template.compile(0, Symptom.parse("0/8 nodes are available: 58 Insufficient nvidia.com/gpu, 17 node(s) had taint"),
        Set.of(), true);
    assertTrue(t.items().stream().noneMatch(i -> i.slot() == Template.Slot.ANY), t.items().toString());
  }

  @Test
  void aPasteCutAfterARepeatedWordStopsAtItsFirstOccurrence() {
    Template t = Template.compile(0, Symptom.parse(
        "status = StatusCode.INTERNAL details = \"GOAWAY received\" debug_error_string = \"UNKNOWN:Error received from peer ipv4:127.0.0.1:8002\">"),
        Set.of(), true);
    // Weights as the generated corpus gives them.
    java.util.Map<String, Double> weights = java.util.Map.of("status", 4.1, "statuscode.internal", 7.0, "details", 5.5,
        "goaway", 7.7, "received", 4.8, "debug_error_string", 5.6, "unknown", 4.3, "error", 2.3, "from", 0.3, "peer", 5.6);
    Alignment cut = align(t, "status = StatusCode.INTERNAL details = \"GOAWAY received\"", weights);
    assertFalse(cut.contradicted(), cut.toString());
    assertTrue(cut.tailCut(), cut.toString());
    assertEquals(5, cut.matchedLiterals(), cut.toString());
    assertTrue(cut.evidence() >= 28, "the words after the cut count neither way: " + cut);
  }
}
