package dev.errata.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.site.SiteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Parity vectors: one file per job of the matcher in {@code src/test/resources/parity/}, which
 * Java and the site's JavaScript both read. A file is {@code {"about": ..., "vectors": [...]}};
 * each vector has a unique {@code name}, its inputs, and {@code expected}, what Java gives.
 * {@link #assertJavaGives} holds Java to the recorded values (rewrite them with
 * -Derrata.golden.update=true after a deliberate change, and review the diff);
 * {@link #assertJavaScriptGives} runs {@code src/test/js/parity.js} in Node over the same file,
 * with the scripts and the index of a site built from {@code content/}, and holds the
 * JavaScript to them. Numbers compare exactly; a failing vector is named in the message.
 */
public final class Parity {
  public static final Path DIR = Path.of("src/test/resources/parity");
  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path SITE = Path.of("target/parity/site");
  private static boolean built;

  private Parity() {}

  /** An empty vector named {@code name}, to add inputs and {@code expected} to. */
  public static ObjectNode vector(ArrayNode vectors, String name) {
    return vectors.addObject().put("name", name);
  }

  public static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** Java gives the vectors recorded in {@code file}: the same names, each with the same expected values. */
  public static void assertJavaGives(String file, String about, ArrayNode vectors) {
    Path path = DIR.resolve(file);
    Set<String> names = new HashSet<>();
    for (JsonNode v : vectors) {
      assertTrue(names.add(v.get("name").asText()), file + ": two vectors are named " + v.get("name"));
    }
    ObjectNode root = JSON.createObjectNode().put("about", about);
    root.set("vectors", vectors);
    try {
      if (!Golden.updating() && Files.exists(path)) {
        JsonNode recorded = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        Map<String, JsonNode> byName = byName(recorded.get("vectors"));
        for (JsonNode v : vectors) {
          JsonNode was = byName.remove(v.get("name").asText());
          if (was == null) {
            differences.add(file + " › " + v.get("name").asText() + ": not recorded");
          } else if (!same(was, v)) {
            differences.add(file + " › " + v.get("name").asText() + ": recorded " + was.get("expected") + ", java "
                + v.get("expected"));
          }
        }
        byName.keySet().forEach(n -> differences.add(file + " › " + n + ": recorded, but no longer a vector"));
        assertEquals(List.of(), differences,
            "Java no longer gives the recorded vectors (rewrite with -Derrata.golden.update=true and review the diff)");
      }
      Golden.assertMatches(path, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JavaScript gives each vector's expected values. */
  public static void assertJavaScriptGives(String file) {
    assertJavaScriptGives(DIR.resolve(file));
  }

  /** As {@link #assertJavaScriptGives(String)}, for vectors anywhere; the file's name says the job ({@code versions.json}). */
  public static void assertJavaScriptGives(Path path) {
    String file = path.getFileName().toString();
    boolean ci = System.getenv("CI") != null;
    boolean node = hasNode();
    assumeTrue(node || ci, "node is not installed (CI installs it; this test never skips there)");
    assertTrue(node, "CI must have node for the parity tests");
    try {
      JsonNode recorded = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
      JsonNode js = node(path);
      List<String> differences = new ArrayList<>();
      for (JsonNode v : recorded.get("vectors")) {
        String name = v.get("name").asText();
        JsonNode got = js.get(name);
        if (got == null || !same(v.get("expected"), got)) {
          differences.add(file + " › " + name + ": java " + v.get("expected") + " vs js " + got);
        }
      }
      assertTrue(recorded.get("vectors").size() > 0, file + " has no vectors");
      assertEquals(List.of(), differences);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Equal JSON, numbers compared as the doubles they are (Java writes 1.0 where JavaScript writes 1). */
  public static boolean same(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numbers = (x, y) -> x.equals(y) || (x.isNumber() && y.isNumber() && x.doubleValue() == y.doubleValue()) ? 0 : 1;
    return a.equals(numbers, b);
  }

  private static Map<String, JsonNode> byName(JsonNode vectors) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    for (JsonNode v : vectors) {
      out.put(v.get("name").asText(), v);
    }
    return out;
  }

  /** What parity.js answers for every vector of a file, by name. */
  private static JsonNode node(Path file) throws IOException {
    Path site = site();
    Process p = new ProcessBuilder("node", "src/test/js/parity.js", site.toString(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertEquals(0, p.exitValue(), "node failed on " + file);
    return JSON.readTree(out);
  }

  /** A site built from {@code content/}, once per test run: its scripts, as search.html includes them, and its index. */
  public static synchronized Path site() {
    if (!built) {
      try {
        if (Files.exists(SITE)) {
          try (Stream<Path> s = Files.walk(SITE)) {
            for (Iterator<Path> it = s.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
              Files.delete(it.next());
            }
          }
        }
        Files.createDirectories(SITE.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      new SiteBuilder(Clock.systemUTC()).build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), SITE));
      built = true;
    }
    return SITE;
  }

  static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
