package dev.errata.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
