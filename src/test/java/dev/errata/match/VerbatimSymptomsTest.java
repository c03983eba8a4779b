package dev.errata.match;

import dev.errata.testing.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Symptom;
import dev.errata.site.SiteBuilder;
import dev.errata.text.Rules;
import dev.errata.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symptom pasted as written, its placeholders filled with plausible values, finds its own
 * entry first and exact, over every symptom of the shipped content ({@code VerbatimSymptomsIT}
 * does the same over a generated 10,000-entry corpus). Left out, because nothing can tell them
 * apart: symptoms whose template is another entry's too (they differ only in numbers or paths
 * that vary), and symptoms with fewer telling words than a confident answer needs.
 */
class VerbatimSymptomsTest {
  @Test
  void everyShippedSymptomFindsItsEntryExactly() {
    List<String> misses = misses(Workspace.of(Path.of("content"), null).knowledgeBase(), false, e -> true);
    assertEquals(List.of(), misses);
  }

  @Test
  void aLiteralFileNameIsALiteral(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cudart-missing.md"), """
        ---
        id: cudart-missing
        title: libcudart.so.12 cannot be opened
        summary: The CUDA 12 runtime is not on the library path.
        lang: en
        status: confirmed
        published: 2026-12-03
        modified: 2026-12-03
        tags: [cuda]
        components:
          - name: cuda
            affected: ["*"]
        symptoms:
          - "ImportError: libcudart.so.12: cannot open shared object file: {*}"
        causes: [The CUDA 12 runtime is missing.]
        fixes:
          - title: Install it
            commands: [apt-get install cuda-cudart-12-4]
        examples:
          match:
            - "ImportError: libcudart.so.12: cannot open shared object file: No such file or directory"
            - "E1203 ImportError: libcudart.so.12: cannot open shared object file: No such file"
          no_match:
            - "ImportError: libcudnn.so.8: cannot open shared object file: No such file or directory"
        references:
          - type: docs
            url: https://docs.nvidia.com/cuda/
        ---
        Body.
        """);
    Matcher m = new Matcher(MatchIndex.build(SiteBuilder.check(dir, false).knowledgeBase(), ShippedRules.get()), ShippedRules.get());
    MatchReport other = m.match("ImportError: libcudnn.so.8: cannot open shared object file: No such file or directory",
        Matcher.Options.defaults());
    assertTrue(!other.confident(), "another library matched: " + other.matches());
    assertEquals(Confidence.EXACT, m.match("ImportError: libcudart.so.12: cannot open shared object file: No such file",
        Matcher.Options.defaults()).matches().get(0).confidence());
  }

  /** The symptoms that do not find their entry first and exact; {@code firstOnly} tests each entry's first symptom only. */
  static List<String> misses(KnowledgeBase kb, boolean firstOnly, java.util.function.Predicate<Entry> tested) {
    MatchIndex index = MatchIndex.build(kb, ShippedRules.get());
    Matcher matcher = new Matcher(index, ShippedRules.get());
    Map<List<Template.Item>, Integer> shared = new HashMap<>();
    for (Template t : index.templates()) {
      shared.merge(t.items(), 1, Integer::sum);
    }
    List<String> misses = new ArrayList<>();
    for (int e = 0; e < kb.entries().size(); e++) {
      Entry entry = kb.entries().get(e);
      if (entry.translationOf() != null || !tested.test(entry)) {
        continue;
      }
      int e0 = e;
      List<Template> own = index.templates().stream().filter(t -> t.entry() == e0).toList();
      for (int k = 0; k < (firstOnly ? 1 : entry.symptoms().size()); k++) {
        String display = entry.symptoms().get(k).display();
        Template t = own.stream().filter(x -> x.text().equals(display)).findFirst().orElseThrow();
        if (shared.get(t.items()) > 1 || telling(t) < Matcher.MIN_INFORMATIVE) {
          continue;
        }
        String paste = filled(entry.symptoms().get(k));
        MatchReport r = matcher.match(paste, Matcher.Options.defaults());
        Match top = r.matches().isEmpty() ? null : r.matches().get(0);
        if (top == null || !top.entry().family().equals(entry.id()) || top.confidence() != Confidence.EXACT) {
          misses.add(entry.id() + ": " + paste + " -> " + (top == null ? "nothing" : top.entry().id() + " " + top.confidence().label()));
        }
      }
    }
    return misses;
  }

  /** Literal words of two letters or more that are not stopwords: what can make an answer confident. */
  private static int telling(Template t) {
    return (int) t.items().stream().filter(i -> i.slot() == Template.Slot.LITERAL && i.text().length() >= Matcher.INFORMATIVE_LENGTH
        && !ShippedRules.get().isStopword(i.text()) && i.text().chars().anyMatch(Character::isLetter)).count();
  }

  /** The symptom as a person would paste it: each placeholder filled with a plausible value. */
  static String filled(Symptom s) {
    StringBuilder b = new StringBuilder();
    for (Symptom.Part part : s.parts()) {
      if (part instanceof Symptom.Literal lit) {
        b.append(lit.text());
      } else {
        b.append(switch (((Symptom.Placeholder) part).kind()) {
          case NUMBER -> "4096";
          case NAME -> "resnet50_onnx";
          case PATH -> "/models/resnet50_onnx/1/model.onnx";
          case ANY -> " No such file or directory ";
        });
      }
    }
    return b.toString();
  }
}
