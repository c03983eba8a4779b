package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.testing.CliRun;
import dev.errata.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code errata match --json}, the documented shape of docs/matching.md, pinned whole: for each
 * {@code golden/match/NAME.paste} (read from standard input, with the arguments of {@code
 * NAME.args}, one a line, when there is one) over the fixture content, the output is {@code
 * NAME.json} and the exit code says whether the first match is confident. The fixture content
 * (three entries, one a translation) keeps these files still while the shipped content grows;
 * the answers over the shipped content are pinned by {@code parity/answers.json}.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class MatchJsonGoldenTest {
  static final Path DIR = Golden.ROOT.resolve("match");
  static final String FIXTURE = "src/test/resources/fixture/content";

  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".paste"))
          .map(n -> n.substring(0, n.length() - ".paste".length())).sorted().toList();
    }
  }

  @Test
  void everyFileBelongsToAPasteAndThereArePastes() throws IOException {
    List<String> names = cases();
    assertFalse(names.isEmpty(), "no pastes in " + DIR);
    List<String> unpaired = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        String base = n.substring(0, n.lastIndexOf('.'));
        if (!names.contains(base)) {
          unpaired.add(n);
        }
      }
    }
    assertEquals(List.of(), unpaired, "files without a .paste");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchJsonIsTheGoldenFile(String name) throws IOException {
    List<String> args = new ArrayList<>(List.of("match", "--json", "--content", FIXTURE, "--site", "target/no-site"));
    Path extra = DIR.resolve(name + ".args");
    if (Files.exists(extra)) {
      Files.readAllLines(extra, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(args::add);
    }
    CliRun r = CliRun.withInput(Files.readString(DIR.resolve(name + ".paste"), StandardCharsets.UTF_8), args.toArray(String[]::new));
    assertEquals("", r.err());
    boolean confident = new ObjectMapper().readTree(r.out()).get("confident").asBoolean();
    assertEquals(confident ? 0 : 1, r.code(), "exit code of " + name);
    Golden.assertMatches(DIR.resolve(name + ".json"), r.out());
  }

  @Test
  void theCasesCoverWhatTheShapeCanSay() throws IOException {
    String all = String.join("\n", cases().stream().map(n -> {
      try {
        return Files.exists(DIR.resolve(n + ".json")) ? Files.readString(DIR.resolve(n + ".json"), StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList());
    for (String said : List.of("\"confidence\" : \"exact\"", "\"confident\" : false", "\"verdict\" : \"affected\"",
        "\"verdict\" : \"fixed\"", "\"source\" : \"--env\"", "\"id\" : \"numpy2-empty-tensors-zh\"", "\"matches\" : [ ]")) {
      assertTrue(all.contains(said), "no golden file says " + said);
    }
  }
}
