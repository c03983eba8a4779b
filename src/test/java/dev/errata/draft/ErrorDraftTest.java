package dev.errata.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.text.Rules;
import org.junit.jupiter.api.Test;

/** The symptom a draft proposes is the failure's message, not the columns of the table it was printed in. */
class ErrorDraftTest {
  private static String symptom(String paste) {
    return ErrorDraft.of(paste, Rules.defaults(), 400).orElseThrow().symptom();
  }

  @Test
  void aKubernetesEventIsDraftedFromItsMessage() {
    assertEquals("Failed to pull image \"{name}\": rpc error: code = Unknown desc = pull access denied",
        symptom("  Warning  Failed     9m40s (x4 over 11m)   kubelet            Failed to pull image "
            + "\"registry.example/triton:24.11-py3\": rpc error: code = Unknown desc = pull access denied"), "kubectl describe's Events");
    assertEquals("MountVolume.SetUp failed for volume \"{name}\" : configmap \"{name}\" not found",
        symptom("2m9s        Warning   FailedMount        pod/triton-7c9f8d6b5-x2kqp   MountVolume.SetUp failed for volume "
            + "\"model-repo\" : configmap \"triton-models\" not found"), "kubectl get events");
    assertEquals("Warning: the model config has no max_batch_size, batching is off",
        symptom("Warning: the model config has no max_batch_size, batching is off"), "a line that is no event keeps its words");
  }
}
