package dev.errata.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The word index is cut into runs of the sorted terms: every term is in exactly the part
 * {@link WordIndex#partOf} names, the parts follow the size of the index, and a prefix's terms
 * are all in the parts {@link WordIndex#partsStartingWith} lists.
 */
class WordPartsTest {
  private static WordIndex synthetic(int terms) {
    TreeMap<String, Posting> postings = new TreeMap<>();
    for (int i = 0; i < terms; i++) {
      postings.put(String.format("t%06d", i * 7919 % 1_000_003), new Posting(new int[] {i % 50}, new int[] {1}));
    }
    return new WordIndex(50, postings);
  }

  @Test
  void everyTermIsInThePartItsKeyNames() {
    WordIndex index = synthetic(20_000);
    int seen = 0;
    for (Map.Entry<String, List<String>> part : index.parts().entrySet()) {
      for (String term : part.getValue()) {
        assertEquals(part.getKey(), index.partOf(term), term);
        seen++;
      }
    }
    assertEquals(index.postings().size(), seen);
    assertEquals("", index.parts().firstKey());
  }

  @Test
  void thePartsFollowTheSizeOfTheIndexNotItsFirstLetters() {
    WordIndex index = synthetic(20_000);
    // 20,000 terms of about 25 bytes each: some 20 parts of 24 KB.
    assertTrue(index.parts().size() >= 15 && index.parts().size() <= 30, "parts: " + index.parts().size());
    WordIndex shipped = Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH);
    long bytes = shipped.postings().entrySet().stream()
        .mapToLong(p -> p.getKey().length() + 8 + 10L * p.getValue().entries().length).sum();
    assertTrue(shipped.parts().size() <= bytes / WordIndex.PART_BYTES + 2,
        shipped.parts().size() + " parts for " + bytes + " bytes");
  }

  @Test
  void aPrefixsTermsAreInThePartsListedForIt() {
    WordIndex index = Workspace.of(Path.of("content"), null).words(WordIndex.Weights.SEARCH);
    for (String prefix : List.of("n", "nu", "numpy", "co", "tensorrt", "zzzz", "", "0")) {
      List<String> keys = index.partsStartingWith(prefix);
      List<String> listed = new ArrayList<>();
      keys.forEach(k -> listed.addAll(index.parts().get(k)));
      for (String term : index.postings().subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
        assertTrue(listed.contains(term), prefix + ": " + term);
      }
    }
  }
}
