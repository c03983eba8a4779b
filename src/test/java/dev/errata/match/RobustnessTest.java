package dev.errata.match;

import dev.errata.testing.ShippedRules;
import dev.errata.text.Rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/** Whatever is pasted, the matcher answers: no exception, the same answer twice, bounded work. */
class RobustnessTest {
  private static Matcher matcher;

  @BeforeContainer
  static void indexForProperties() {
    index();
  }

  @org.junit.jupiter.api.BeforeAll
  static void index() {
    if (matcher == null) {
      var kb = new ContentLoader().load(Path.of("src/test/resources/fixture/content")).knowledgeBase();
      matcher = new Matcher(MatchIndex.build(kb, ShippedRules.get()), ShippedRules.get());
    }
  }

  private static List<String> ids(MatchReport r) {
    return r.matches().stream().map(m -> m.entry().id() + ":" + m.confidence()).toList();
  }

  @Property(tries = 300)
  void neverThrowsAndIsDeterministic(@ForAll @StringLength(max = 400) String text) {
    MatchReport a = matcher.match(text, Matcher.Options.defaults());
    MatchReport b = matcher.match(text, Matcher.Options.defaults());
    assertNotNull(a);
    assertEquals(ids(a), ids(b));
  }

  @Property(tries = 60)
  void theOrderOfNoiseLinesDoesNotChangeTheTopAnswer(@ForAll long seed) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("I1126 10:00:" + String.format("%02d", i) + ".000000 1 server.cc:674] model m" + i + " READY");
    }
    lines.add("E1126 10:00:31.000000 1 x.cc:1] failed to start GRPC service: Unavailable - Socket '0.0.0.0:8001' already in use");
    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(seed));
    String top = matcher.match(String.join("\n", lines), Matcher.Options.defaults()).matches().get(0).entry().id();
    assertEquals(top, matcher.match(String.join("\n", shuffled), Matcher.Options.defaults()).matches().get(0).entry().id());
  }

  @Test
  void emptyAndBlankPastesGetNoMatch() {
    for (String s : new String[] {"", " ", "\n\n\t\n", "\u0000\u0000"}) {
      MatchReport r = matcher.match(s, Matcher.Options.defaults());
      assertFalse(r.confident());
      assertTrue(r.matches().isEmpty());
    }
  }

  @Test
  void binaryBytesAndInvalidUtf8AreJustText() {
    byte[] bytes = new byte[20_000];
    new Random(7).nextBytes(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(matcher.match(text, Matcher.Options.defaults()).confident());
  }

  @Test
  void everyScriptIsHandled() {
    StringBuilder b = new StringBuilder();
    for (int cp = 0x20; cp < 0x30000; cp += 97) {
      if (Character.isValidCodePoint(cp) && !Character.isSurrogate((char) cp)) {
        b.appendCodePoint(cp);
      }
      if (cp % 5000 < 97) {
        b.append('\n');
      }
    }
    assertNotNull(matcher.match(b.toString(), Matcher.Options.defaults()));
  }

  @Test
  void aHugeSingleLineAndAMillionShortLinesAreReadWithinLimits() {
    String huge = "x".repeat(50 * 1024 * 1024);
    MatchReport r = matcher.match(huge, Matcher.Options.defaults());
    assertFalse(r.confident());
    StringBuilder million = new StringBuilder(8_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      million.append("ok ").append(i).append('\n');
    }
    MatchReport m = matcher.match(million.toString(), Matcher.Options.defaults());
    assertFalse(m.confident());
    // Past the line limit the paste is counted, not kept, and the report says so.
    assertTrue(m.truncated(), "a million lines exceed the limit of " + ShippedRules.get().maxLines);
    assertTrue(m.lines() <= ShippedRules.get().maxLines + 1, "lines read: " + m.lines());
  }

  @Test
  void deeplyRepeatedTokensStayBounded() {
    String line = "failed to start GRPC service: " + "Unavailable - Socket ".repeat(5000) + "'0.0.0.0:8001' already in use";
    assertNotNull(matcher.match(line, Matcher.Options.defaults()));
  }
}
