package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the simple front-matter reader accepts, it must bind exactly as Jackson does, and Jackson
 * must have nothing to report about it; everything else it must leave to Jackson.
 */
class SimpleYamlTest {
  private static final ObjectMapper YAML = ContentLoader.mapper(ContentLoader.factory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void assertSameAsJackson(String yaml, EntryDto simple) throws IOException {
    Problems problems = new Problems("test.md", 2);
    Optional<EntryDto> jackson = new EntryBinder(YAML).bind(yaml, EntryDto.class, problems);
    assertTrue(problems.all().isEmpty(), () -> "Jackson reports " + problems.all() + " for:\n" + yaml);
    assertTrue(jackson.isPresent(), yaml);
    assertEquals(JSON.writeValueAsString(jackson.get()), JSON.writeValueAsString(simple), () -> "differs for:\n" + yaml);
  }

  @Test
  void takesItsSubsetAndDeclinesTheRest() throws IOException {
    String[] parts = Files.readString(Path.of("src/test/resources/yaml/subset.txt")).split("(?m)^== ");
    int cases = 0;
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      cases++;
      int nl = part.indexOf('\n');
      String what = part.substring(0, nl);
      String yaml = part.substring(nl + 1);
      Optional<EntryDto> simple = SimpleYaml.entry(yaml);
      if (what.startsWith("accept")) {
        assertTrue(simple.isPresent(), () -> "should read itself: " + what);
        assertSameAsJackson(yaml, simple.get());
      } else {
        assertTrue(simple.isEmpty(), () -> "should leave to Jackson: " + what);
      }
    }
    assertTrue(cases > 15);
  }

  @Test
  void agreesWithJacksonOnEveryShippedEntryItTakes() throws IOException {
    for (String dir : List.of("content", "src/test/resources/fixture/content", "src/test/resources/check/broken")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
          Optional<FrontMatter> fm = FrontMatter.split(Files.readString(p), new StringBuilder());
          if (fm.isPresent()) {
            Optional<EntryDto> simple = SimpleYaml.entry(fm.get().yaml());
            if (simple.isPresent()) {
              assertSameAsJackson(fm.get().yaml(), simple.get());
            }
          }
        }
      }
    }
  }

  /**
   * The shipped entries are real ones (causes quoted over several lines, tracebacks in their
   * examples, titles of release notes that start with a version, translations): all of them must
   * be read here, or every real knowledge base pays for a failed try and Jackson per file (a
   * 10,000-entry copy of them loaded in 2.1 s against 0.8 s for the generated corpus).
   */
  @Test
  void takesTheShippedEntries() throws IOException {
    int taken = 0;
    List<Path> declined = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String yaml = FrontMatter.split(Files.readString(p), new StringBuilder()).orElseThrow().yaml();
        if (SimpleYaml.entry(yaml).isPresent()) {
          taken++;
        } else {
          declined.add(p);
        }
      }
    }
    assertTrue(taken >= 100 && declined.isEmpty(), () -> "declined " + declined);
  }

  /** The front matter people write (folded summaries and causes, literal examples) is read here, as Jackson reads it. */
  @Test
  void takesEveryEntryOfTheGeneratedCorpus(@TempDir Path dir) throws IOException, InterruptedException {
    Path generator = Path.of("../shared/corpus/gen_corpus.py");
    if (System.getenv("CI") == null) {
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(generator), generator + " is missing; CI has it");
    }
    Path entries = dir.resolve("entries");
    Process p = new ProcessBuilder("python3", generator.toString(), "150", entries.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) && p.exitValue() == 0, "the corpus generator failed");
    int taken = 0;
    try (Stream<Path> files = Files.list(entries)) {
      for (Path f : files.sorted().toList()) {
        String yaml = FrontMatter.split(Files.readString(f), new StringBuilder()).orElseThrow().yaml();
        Optional<EntryDto> simple = SimpleYaml.entry(yaml);
        assertTrue(simple.isPresent(), () -> "declined " + f);
        assertSameAsJackson(yaml, simple.get());
        taken++;
      }
    }
    assertEquals(150, taken);
  }

  @Test
  void deepNestingIsLeftToJacksonRatherThanOverflowingTheStack() {
    String flow = "tags: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertTrue(SimpleYaml.entry(flow).isEmpty());
    StringBuilder block = new StringBuilder("examples:\n");
    for (int i = 1; i < 20_000; i++) {
      block.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    block.append(" ".repeat(20_000)).append("v: x\n");
    assertTrue(SimpleYaml.entry(block.toString()).isEmpty());
  }

  /** Front matter put together from lines in the subset and lines just outside it. */
  @Property(tries = 1500)
  void randomFrontMatterBindsAsJacksonBindsIt(@ForAll long seed) throws IOException {
    String[] inside = {
      "id: some-id", "title: \"A title: with a colon\"", "title: 'single ''quoted'''", "summary: Plain words here",
      "status: confirmed", "published: 2024-07-11", "tags: [a, b-c, d_e]", "tags: []", "tags: gpu",
      "tags:\n  - gpu\n  - cpu", "tags:\n- gpu", "components: [{name: numpy, affected: [\">=2\"]}]",
      "components:\n  - name: numpy\n    affected: [\">=2.0\", \"<3\"]\n    fixed:\n      - \"3.0\"",
      "fixes:\n  - title: Fix it\n    commands: [\"a --b=c\", 'd e']\n\n  - title: Other\n    detail: x",
      "examples:\n  match: [\"e: 1\"]\n  no_match:\n    - \"e: 2\"", "references: {type: report, url: https://x.org/a, title: T}",
      "# a comment", "", "related: [x]", "causes:\n  - One.\n  # note\n  - Two.",
      "summary: >-\n  folded words\n  go on\n\n  a new paragraph\n\n\n  two breaks",
      "summary: >\n  clipped, # not a comment\n  words\n\n", "causes:\n  - >-\n    one\n    two\n  - |\n    literal\n\n    lines\n",
      "examples:\n  match:\n    - |\n      E1 x: y\n      E2 \"z\"\n    - \"one\"\n  no_match:\n    - |-\n      stripped",
      "fixes:\n  - title: T\n    detail: >-\n      Some detail\n      more.\n    commands: [\"a\"]",
      "causes:\n  - \"two\n    lines\"", "title: two\n  lines", "summary: |\n  a\n    more\n  b",
      "causes:\n  - \"one  \n\n     two \\\"q\\\" \\t \n    three\"", "causes:\n  - 'it''s\n\n\n    here'",
      "summary: Plain\n  (folded) `code`\n\n  paragraph", "causes:\n  - One\n    two\n    # note\n  - Three",
      "examples:\n  match:\n    - |\n      Traceback:\n        File \"x.py\", line 1\n      Error: boom  \n",
      "title: 到汇总行上方找真正的错误", "tags: [gpu, 中文]", "references:\n  - type: report\n    url: https://x.org\n    title: 20.06 needs driver 450.36, host has 440.100",
      "references:\n  - type: docs\n    url: https://x.org\n    title: ./build.py --enable-gpu (23.04)", "title: /v2/health/ready is false",
      "title: --reuse-port parsed as integer", "title: 2.27.0 (22.10) release notes",
    };
    String[] outside = {
      "title: yes", "title: 12", "title: \"a\\u0041b\"", "title: \"a\\\\b \\\" \\t\"", "title: x # c", "summary: >-\n  folded", "colour: red",
      "tags: [a,\n  b]", "title:", "title: [a]", "tags: [a: b]", "  id: indented", "id: ~", "title: Null",
      "tags: ['']", "tags: \"\"", "examples: [a]", "causes:\n  - \"two \\\n    lines\"", "causes:\n  - \"two\n  lines\"",
      "causes:\n  - \"never closed\n    here", "title: two\n  - lines", "title: two\n  and: three", "title: 1.5", "title: 0x1F cats",
      "title: 12:30 today", "title: 2024-01-01 10:00:00", "title: .inf", "title: - x", "title: 1_000", "title: +1 more: x",
      "summary: |\n  a\n     \n  b", "title: a\u2028b", "title: 20 # c", "published: 2024-01-01\n  10:00:00",
      "fixes:\n  - title: x\n   detail: y", "id: &a x", "title: !!str x",
      "summary: >-\n    deeper\n  less", "summary: >+\n  keep\n", "summary: >2\n  x", "summary: |\n  a\n    more\n  b",
      "summary: >-\n  trailing \n  space", "summary: >-\n\n  late", "summary: |\n  a\n   \n  b", "summary: >- # c\n  x",
      "summary: >-\n  a\n # c\n  b", "causes:\n  - >-\n  at the dash",
    };
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      String[] pool = random.nextInt(6) == 0 ? outside : inside;
      lines.add(pool[random.nextInt(pool.length)]);
    }
    String yaml = String.join("\n", lines) + "\n";
    Optional<EntryDto> simple = SimpleYaml.entry(yaml);
    Statistics.collect(simple.isPresent() ? "taken" : "declined");
    if (simple.isPresent()) {
      assertSameAsJackson(yaml, simple.get());
    }
    Statistics.coverage(c -> c.check("taken").percentage(p -> p > 10));
  }
}
