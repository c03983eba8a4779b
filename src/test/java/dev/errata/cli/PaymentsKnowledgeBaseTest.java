package dev.errata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge base that is not about Triton ({@code kb/payments}: its own service, PostgreSQL and
 * Kubernetes, aliases, version extractors and a failure line in its {@code matching.yml}) checks, builds and
 * matches with version verdicts from its own rules, not from the Triton ones in {@code content/}.
 */
class PaymentsKnowledgeBaseTest {
  static final String KB = "src/test/resources/kb/payments";

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  private static CliRun match(String paste, String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("match", "--json", "--content", KB, "--site", "target/no-site"));
    args.addAll(java.util.List.of(extra));
    args.add(paste);
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode verdict(JsonNode report, String component) {
    for (JsonNode a : report.get("matches").get(0).get("affected")) {
      if (a.get("component").asText().equals(component)) {
        return a;
      }
    }
    throw new AssertionError("no verdict for " + component + " in " + report);
  }

  @Test
  void checksClean() {
    CliRun run = CliRun.of("check", "--content", KB);
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("0 errors, 0 warnings"), run.out());
  }

  @Test
  void theServiceBannerInThePasteGivesTheVerdict() throws Exception {
    String log = "ledger-service v3.4.1 (commit 8f2c1e0, go1.22.2) starting on :8443\n"
        + "level=error msg=\"idempotency key pay_91xQ already used with a different request body\" request_id=a1\n";
    CliRun run = match(log);
    assertEquals(0, run.code(), run.err());
    JsonNode report = json(run);
    assertEquals("ledger-idempotency-key-reused", report.get("matches").get(0).get("id").asText());
    assertEquals("3.4.1", report.get("versions").get("ledger").get("version").asText());
    assertEquals("affected", verdict(report, "ledger").get("verdict").asText());

    JsonNode fixed = json(match(log.replace("v3.4.1", "v3.4.2")));
    assertEquals("fixed", verdict(fixed, "ledger").get("verdict").asText());
  }

  @Test
  void kubectlVersionOutputGivesTheClusterVersion() throws Exception {
    String log = "Client Version: v1.30.1\nKustomize Version: v5.0.4\nServer Version: v1.29.3\n"
        + "Warning  Unhealthy  2m (x9 over 6m)  kubelet  Liveness probe failed: command \"/bin/ledger-health\" timed out\n";
    JsonNode report = json(match(log));
    assertEquals("kubernetes-probe-timeout-exec", report.get("matches").get(0).get("id").asText());
    assertEquals("1.29.3", report.get("versions").get("kubernetes").get("version").asText(), "the server's version, not the client's");
    assertEquals("affected", verdict(report, "kubernetes").get("verdict").asText());
  }

  @Test
  void envTakesTheComponentsOwnNamesAndAliases() throws Exception {
    String paste = "FATAL:  sorry, too many clients already";
    JsonNode byAlias = json(match(paste, "--env", "postgresql=13.9"));
    assertEquals("13.9", byAlias.get("versions").get("postgres").get("version").asText());
    assertEquals("not-affected", verdict(byAlias, "postgres").get("verdict").asText(), "13.9 is below the affected >=14.0");
    JsonNode byName = json(match(paste, "--env", "postgres=16.2"));
    assertEquals("affected", verdict(byName, "postgres").get("verdict").asText());
    CliRun human = CliRun.of("match", "--content", KB, "--site", "target/no-site", "--env", "psql=16.2", paste);
    assertTrue(human.out().contains("postgres 16.2 (--env) is affected"), human.out());
  }

  @Test
  void pipStyleRowsReadTheAliases() throws Exception {
    JsonNode report = json(match("k8s==1.29.1\nLiveness probe failed: command \"x\" timed out"));
    assertEquals("1.29.1", report.get("versions").get("kubernetes").get("version").asText());
  }

  @Test
  void tritonRulesDoNotApplyHere() throws Exception {
    // The shipped content renames torch to pytorch and reads tritonserver tags; this knowledge base does neither.
    JsonNode report = json(match("nvcr.io/nvidia/tritonserver:24.08-py3 sorry, too many clients already", "--env", "torch=2.3.0"));
    assertFalse(report.get("versions").has("tritonserver"), report.toString());
    assertTrue(report.get("versions").has("torch"), report.toString());
    assertFalse(report.get("versions").has("pytorch"), report.toString());
  }

  @Test
  void buildsAndShipsItsRulesToTheBrowser(@TempDir Path out) throws Exception {
    CliRun run = CliRun.of("build", "--content", KB, "--out", out.resolve("site").toString());
    assertEquals(0, run.code(), run.out() + run.err());
    Path site = out.resolve("site");
    String manifest = "";
    try (var files = Files.walk(site.resolve("search"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        if (text.contains("versionPatterns")) {
          manifest = text;
        }
      }
    }
    assertTrue(manifest.contains("Server Version:"), "the kubernetes extractor is in the index the browser reads");
    assertTrue(manifest.contains("\"psql\":\"postgres\""), "and the aliases");
    assertFalse(manifest.contains("tritonserver"), "and none of the Triton rules");

    // A match that answers from the built index reads the rules the build kept beside it.
    assertTrue(Files.readString(site.resolve("api/match-rules.json")).contains("Server Version:"));
    CliRun built = CliRun.of("match", "--json", "--content", KB, "--site", site.toString(),
        "Server Version: v1.29.3\nLiveness probe failed: command \"x\" timed out");
    assertEquals("1.29.3", json(built).get("versions").get("kubernetes").get("version").asText(), built.out());

    // Built again unchanged: every page and every example's answer comes from the last build.
    CliRun again = CliRun.of("build", "--content", KB, "--out", site.toString());
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(again.out().matches("(?s).*entry pages unchanged; 0 of [1-9][0-9]* examples matched again\\).*"), again.out());
  }

  @Test
  void itsOwnFailureLineMakesTheGatewaysErrorOnlyPossible() throws Exception {
    String gateway = "2026-12-01T10:00:01Z gateway: upstream ledger unavailable: dial tcp 10.0.0.4:8443: connect: connection refused\n";
    assertEquals(0, match(gateway).code(), "the gateway's error alone: its entry, confident");
    CliRun run = match("2026-12-01T10:00:00Z ledger: refusing to serve: journal checksum mismatch at block 7\n" + gateway);
    assertEquals(1, run.code(), run.err());
    JsonNode report = json(run);
    assertEquals("gateway-upstream-ledger-unavailable", report.get("matches").get(0).get("id").asText());
    assertEquals("possible", report.get("matches").get(0).get("confidence").asText());
    assertEquals(1, report.get("unexplained").get("number").asInt(), "the line failure_lines names, in matching.yml");
  }

  @Test
  void evalWithoutPastesMeasuresTheEntriesOwnExamples(@TempDir Path empty) {
    CliRun run = CliRun.of("eval", "--content", KB, "--cases", empty.resolve("eval").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("examples: match (8 lines of 4 entries): top-1 1.000  confident 1.000"), run.out());
    assertTrue(run.out().contains("examples: no_match (4 lines): false confident 0 (0.000)"), run.out());
    assertTrue(run.out().contains(empty.resolve("eval").resolve("holdout") + "/<entry id>/<n>.txt"), run.out());
  }
}
