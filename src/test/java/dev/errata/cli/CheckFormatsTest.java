package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code errata check --format}: the same problems for a person, a program and a pull request. */
class CheckFormatsTest {
  @TempDir Path tmp;
  Path content;
  Path entry;

  /** A knowledge base whose one entry has an error (a related entry that does not exist) and warnings (a heading that repeats a section). */
  @BeforeEach
  void content() throws IOException {
    content = tmp.resolve("content");
    Files.createDirectories(content);
    Files.writeString(content.resolve("site.yml"), "title: T\n");
    entry = content.resolve("disk-full.md");
    Files.writeString(entry, """
        ---
        id: disk-full
        title: "Writes fail with: no space left, device full"
        summary: The volume is full.
        status: confirmed
        tags: [disk]
        related: [no-such-entry]
        published: 2026-10-01
        modified: 2026-10-01
        components:
          - name: storage
            affected: ["*"]
        symptoms:
          - "write {path}: no space left on device"
        causes: [The volume filled up.]
        fixes:
          - title: Free space
            commands: ["df -h"]
        ---

        ## Fix

        Remove old files.
        """);
  }

  /**
   * A body's link to another entry's Markdown source leads nowhere on the site: {@code errata
   * check} and {@code errata build} both warn on its line and say what to write instead.
   */
  @Test
  void aLinkToAnEntrysSourceIsAWarningOnItsLine() throws IOException {
    Files.writeString(entry, Files.readString(entry).replace("related: [no-such-entry]\n", "")
        + "\nSee [the quota entry](quota-exceeded.md) first.\n");
    int line = (int) Files.readString(entry).lines().count();
    String expected = entry + ":" + line + ": warning: a link to 'quota-exceeded.md' leads nowhere on the site";
    CliRun check = CliRun.of("check", "--content", content.toString());
    assertTrue(check.out().contains(expected), check.out() + check.err());
    assertTrue(check.out().contains("write another entry's page as its id and .html"), check.out());
    CliRun build = CliRun.of("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertTrue((build.out() + build.err()).contains(expected), build.out() + build.err());
  }

  @Test
  void textIsALinePerProblem() {
    CliRun run = CliRun.of("check", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(run.out().contains(entry + ":7: error: related entry 'no-such-entry' does not exist"), run.out());
    assertTrue(run.out().contains(": warning: the heading 'Fix' repeats"), run.out());
    assertTrue(run.out().strip().endsWith("Checked 1 entry: 1 error, " + warnings(run) + " warnings."), run.out());
  }

  @Test
  void jsonIsOneObjectWithEveryProblem() throws IOException {
    CliRun text = CliRun.of("check", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    CliRun run = CliRun.of("check", "--format", "json", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(3, run.code(), "the same exit code as text");
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(1, report.get("errors").asInt());
    assertEquals(1, report.get("entries").asInt());
    JsonNode first = java.util.stream.StreamSupport.stream(report.get("diagnostics").spliterator(), false)
        .filter(d -> d.get("severity").asText().equals("error")).findFirst().orElseThrow();
    assertEquals(entry.toString(), first.get("file").asText());
    assertEquals(7, first.get("line").asInt());
    assertEquals("error", first.get("severity").asText());
    assertTrue(first.get("message").asText().contains("no-such-entry"), first.toString());
    assertTrue(!first.get("hint").asText().isEmpty(), first.toString());
    assertEquals(problemLines(text).size(), report.get("diagnostics").size(), "every problem the text lists");
    assertEquals(List.of("column", "file", "hint", "line", "message", "severity"), fieldNames(first));
  }

  @Test
  void githubAnnotatesEachProblemOnItsLine() {
    CliRun run = CliRun.of("check", "--format", "github", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(3, run.code());
    List<String> lines = run.out().lines().toList();
    String error = lines.stream().filter(l -> l.startsWith("::error ")).findFirst().orElseThrow();
    // A file property's colons and commas are escaped, as the Actions toolkit escapes them.
    assertTrue(error.startsWith("::error file=" + entry.toString().replace(":", "%3A").replace(",", "%2C")
        + ",line=7,title=errata check::related entry 'no-such-entry' does not exist (remove it or write that entry)"), error);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("::warning file=") && l.contains("the heading 'Fix' repeats")), run.out());
    assertEquals(problemLines(CliRun.of("check", "--content", content.toString(), "--out", tmp.resolve("site").toString())).size(),
        lines.stream().filter(l -> l.startsWith("::")).count(), "one annotation per problem");
    assertTrue(lines.get(lines.size() - 1).startsWith("Checked 1 entry: 1 error"), run.out());
  }

  @Test
  void gitlabIsACodeQualityReportWithFingerprintsThatSurviveAnEditAbove() throws IOException {
    CliRun run = CliRun.of("check", "--format", "gitlab", "--content", content.toString(), "--out", tmp.resolve("site").toString());
    assertEquals(3, run.code(), "the same exit code as text");
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertTrue(report.isArray());
    assertEquals(problemLines(CliRun.of("check", "--content", content.toString(), "--out", tmp.resolve("site").toString())).size(),
        report.size(), "one issue per problem");
    JsonNode error = java.util.stream.StreamSupport.stream(report.spliterator(), false)
        .filter(d -> d.get("severity").asText().equals("critical")).findFirst().orElseThrow();
    assertEquals(entry.toString(), error.at("/location/path").asText());
    assertEquals(7, error.at("/location/lines/begin").asInt());
    assertTrue(error.get("description").asText().startsWith("related entry 'no-such-entry' does not exist"), error.toString());
    assertEquals("errata-error", error.get("check_name").asText());
    List<String> fingerprints = new java.util.ArrayList<>();
    report.forEach(d -> fingerprints.add(d.get("fingerprint").asText()));
    assertEquals(fingerprints.size(), new java.util.HashSet<>(fingerprints).size(), "each issue its own fingerprint");
    assertTrue(java.util.stream.StreamSupport.stream(report.spliterator(), false)
        .allMatch(d -> d.at("/location/lines/begin").asInt() >= 1), "GitLab counts lines from 1; a whole-file problem is at 1");

    // A line added above the problems moves them, and GitLab must not see new ones.
    Files.writeString(entry, Files.readString(entry).replace("summary: The volume is full.\n",
        "summary: The volume is full.\nlang: en\n"));
    JsonNode moved = new ObjectMapper().readTree(CliRun.of("check", "--format", "gitlab", "--content", content.toString(),
        "--out", tmp.resolve("site").toString()).out());
    List<String> after = new java.util.ArrayList<>();
    moved.forEach(d -> after.add(d.get("fingerprint").asText()));
    assertEquals(new java.util.HashSet<>(fingerprints), new java.util.HashSet<>(after));
    assertEquals(8, java.util.stream.StreamSupport.stream(moved.spliterator(), false)
        .filter(d -> d.get("severity").asText().equals("critical")).findFirst().orElseThrow().at("/location/lines/begin").asInt());
  }

  @Test
  void aLineBreakInAMessageStaysOneAnnotation() {
    StringBuilder sb = new StringBuilder();
    java.io.PrintWriter to = new java.io.PrintWriter(new java.io.StringWriter() {
      @Override
      public void write(String s, int off, int len) {
        sb.append(s, off, off + len);
      }
    }, true);
    DiagnosticsPrinter.github(List.of(dev.errata.Diagnostic.warning("a,b:c.md", 3, "50% of it\nis wrong", "")), to);
    assertEquals("::warning file=a%2Cb%3Ac.md,line=3,title=errata check::50%25 of it%0Ais wrong", sb.toString().strip());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = CliRun.of("check", "--format", "xml", "--content", content.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--format takes text, json, github or gitlab, not 'xml'"), run.err());
  }

  private static List<String> problemLines(CliRun text) {
    return text.out().lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
  }

  private static long warnings(CliRun text) {
    return text.out().lines().filter(l -> l.contains(": warning: ")).count();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
