package dev.errata;

import dev.errata.testing.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile entries, hostile input, killed builds and the preview server: each case of the
 * hardening issue, reproduced through the real command line. The details are pinned by the tests
 * beside each package; the kill trial and the clicks in a browser are {@code *IT} tests.
 */
class HardeningTest {
  static final Path FIXTURE = Path.of("src/test/resources/fixture/content");

  @TempDir Path tmp;

  /** Lists the names in {@code dir}, sorted. */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A copy of the fixture content to spoil, in {@code tmp/content}. */
  Path content() throws IOException {
    Path to = tmp.resolve("content");
    if (Files.exists(to)) {
      to = Files.createTempDirectory(tmp, "content");
    }
    Trees.copy(FIXTURE, to);
    return to;
  }

  static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
  }

  static void replace(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertTrue(s.contains(from), from + " in " + file);
    Files.writeString(file, s.replace(from, to));
  }

  /** The 1-based line of {@code file} that starts with {@code prefix}. */
  static int lineOf(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(prefix + " not in " + file);
  }

  static void assertOneLine(String err) {
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(err.contains("\tat "), "no stack trace without --verbose: " + err);
  }

  @Nested
  class EveryThrowableHasAnExitCode {
    /** A template that calls itself overflows the stack while pages render. */
    private CliRun buildWithRecursiveTemplate(String... extra) throws IOException {
      Path templates = Files.createDirectories(tmp.resolve("templates"));
      Files.writeString(templates.resolve("404.ftlh"), "<#macro r><@r/></#macro><@r/>");
      List<String> args = new java.util.ArrayList<>(List.of("build", "--content", FIXTURE.toString(),
          "--templates", templates.toString(), "--out", tmp.resolve("site").toString()));
      args.addAll(List.of(extra));
      return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aStackOverflowExitsSeventyWithOneLineAndLeavesNothing() throws IOException {
      CliRun r = buildWithRecursiveTemplate();
      assertEquals(70, r.code(), r.err());
      assertTrue(r.err().startsWith("errata: internal error: the stack overflowed"), r.err());
      assertOneLine(r.err());
      assertEquals(List.of("site.builds", "templates"), names(tmp));
      assertEquals(List.of(".lock"), names(tmp.resolve("site.builds")), "no unfinished build is left behind");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
      CliRun r = buildWithRecursiveTemplate("--verbose");
      assertEquals(70, r.code());
      assertTrue(r.err().contains("java.lang.StackOverflowError"), r.err());
      assertTrue(r.err().contains("\tat "), r.err());
    }
  }

  @Nested
  class MatchReadsNoMoreThanItUses {
    private CliRun match(java.io.InputStream stdin, String... extra) {
      List<String> args = new java.util.ArrayList<>(List.of("match", "--content", FIXTURE.toString(),
          "--site", tmp.resolve("no-site").toString(), "--color", "never"));
      args.addAll(List.of(extra));
      return CliRun.withStream(stdin, args.toArray(String[]::new));
    }

    @Test
    void devZeroIsReadUpToTheByteLimit() {
      assertTrue(Files.isReadable(Path.of("/dev/zero")));
      CliRun r = match(java.io.InputStream.nullInputStream(), "--file", "/dev/zero");
      assertEquals(1, r.code(), r.err());
      assertTrue(r.out().contains("Only the first 32 MiB of the input were read"), r.out());
    }

    @Test
    void endlessStandardInputIsReadUpToTheLineLimit() {
      java.io.InputStream yes = new java.io.InputStream() {
        private final byte[] line = "y\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private long at;

        @Override
        public int read() {
          return line[(int) (at++ % line.length)];
        }
      };
      CliRun r = match(yes, "--json");
      assertEquals(1, r.code(), r.err());
      assertTrue(r.out().contains("\"truncated\" : true") || r.out().contains("\"truncated\":true"), r.out());
      CliRun text = match(new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
          new java.io.ByteArrayInputStream("failed to start GRPC service: Unavailable - Socket '0.0.0.0:8001' already in use\n"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)), yes))));
      assertEquals(0, text.code(), text.err());
      assertTrue(text.out().contains("Only the first 200,000 lines of the input were read"), text.out());
    }
  }

  @Nested
  class MatchPrintsNoTerminalControls {
    static final String HOSTILE = "\u001b]0;owned\u0007\u001b]8;;http://evil.example/\u001b\\E0101 main.cc:244] failed to start GRPC service:"
        + " Unavailable - Socket '0.0.0.0:8001' already in use\u001bc\u001bP1$qm\u001b\\\u009b2J\u009d0;x\u009c\u0085\r\b";

    private CliRun match(String... extra) {
      List<String> args = new java.util.ArrayList<>(List.of("match", "--content", FIXTURE.toString(),
          "--site", tmp.resolve("no-site").toString()));
      args.addAll(List.of(extra));
      return CliRun.withInput(HOSTILE, args.toArray(String[]::new));
    }

    @Test
    void textOutputHoldsOnlyItsOwnColours() {
      CliRun r = match("--color", "always");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("port-in-use"), r.out());
      String withoutColours = r.out().replaceAll("\u001b\\[[0-9;]*m", "");
      for (char c : withoutColours.toCharArray()) {
        assertTrue(c == '\n' || c == '\t' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f)),
            String.format("control U+%04X printed in %s", (int) c, withoutColours));
      }
    }

    @Test
    void jsonEscapesEveryControl() {
      CliRun r = match("--json");
      assertEquals(0, r.code(), r.err());
      for (char c : r.out().toCharArray()) {
        assertTrue(c == '\n' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f)), String.format("raw U+%04X in %s", (int) c, r.out()));
      }
    }
  }

  @Nested
  class ThePreviewServer {
    private dev.errata.serve.PreviewServer serve() throws IOException {
      Path site = Files.createDirectories(tmp.resolve("site"));
      Files.writeString(site.resolve("index.html"), "home");
      return new dev.errata.serve.PreviewServer(site, 0).start();
    }

    private int status(dev.errata.serve.PreviewServer s, String path) throws IOException {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(s.url() + path).openConnection();
      c.setReadTimeout(5_000);
      return c.getResponseCode();
    }

    @Test
    void aLinkToEtcPasswdIsNotServed() throws IOException {
      try (dev.errata.serve.PreviewServer s = serve()) {
        Files.createSymbolicLink(tmp.resolve("site/p.txt"), Path.of("/etc/passwd"));
        assertEquals(404, status(s, "p.txt"));
      }
    }

    @Test
    void fourIdleClientsThatSentOneByteStopNobody() throws IOException {
      try (dev.errata.serve.PreviewServer s = serve()) {
        List<java.net.Socket> idle = new java.util.ArrayList<>();
        try {
          for (int i = 0; i < 4; i++) {
            java.net.Socket c = new java.net.Socket("127.0.0.1", s.port());
            c.getOutputStream().write('G');
            idle.add(c);
          }
          assertEquals(200, status(s, "index.html"));
        } finally {
          for (java.net.Socket c : idle) {
            c.close();
          }
        }
      }
    }
  }

  @Nested
  class TheSiteSwap {
    private CliRun build(Path out) {
      return CliRun.of("build", "--content", FIXTURE.toString(), "--templates", "templates", "--out", out.toString());
    }

    @Test
    void whatKilledBuildsOfOlderVersionsLeftIsRemoved() throws IOException {
      Path site = tmp.resolve("site");
      for (String left : List.of("site.tmp-1", "site.old-2")) {
        Files.createDirectories(tmp.resolve(left).resolve("entries"));
        Files.writeString(tmp.resolve(left).resolve(".errata-site"), "");
      }
      // The site of an older version: a real folder, moved aside by the first build.
      Files.createDirectories(site);
      Files.writeString(site.resolve(".errata-site"), "");
      assertEquals(0, build(site).code());
      assertTrue(Files.isSymbolicLink(site));
      assertEquals(List.of("site", "site.builds"), names(tmp));
    }

    @Test
    void theOutputHoldsACompleteSiteAtEveryInstantAndRacingBuildsBothSucceed() throws Exception {
      Path site = tmp.resolve("site");
      assertEquals(0, build(site).code());
      java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicReference<String> missing = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
      Thread watcher = new Thread(() -> {
        while (!stop.get()) {
          looks.incrementAndGet();
          for (String f : List.of(".errata-site", "index.html", "search.html", "entries/port-in-use.html")) {
            if (!Files.isRegularFile(site.resolve(f))) {
              missing.compareAndSet(null, f);
            }
          }
        }
      });
      watcher.start();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        List<java.util.concurrent.Future<CliRun>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
          runs.add(pool.submit(() -> build(site)));
        }
        for (java.util.concurrent.Future<CliRun> r : runs) {
          assertEquals(0, r.get().code(), r.get().err());
        }
      } finally {
        pool.shutdown();
        stop.set(true);
        watcher.join();
      }
      assertEquals(null, missing.get(), "missing at some instant, of " + looks.get() + " looks");
      assertTrue(looks.get() > 100, "looked " + looks.get() + " times");
      List<String> left = names(tmp.resolve("site.builds"));
      assertEquals(4, left.size(), "the lock, the current build, the one before it (the next build's spare) and the"
          + " examples' stored answers: " + left);
      assertTrue(left.contains(".lock") && left.contains("cache"), left.toString());
      for (String folder : left.stream().filter(n -> !n.equals(".lock") && !n.equals("cache")).toList()) {
        assertTrue(Files.isRegularFile(tmp.resolve("site.builds").resolve(folder).resolve(".errata-site")), "a finished site: " + folder);
      }
    }
  }

  @Nested
  class ScriptLinksInEntries {
    @Test
    void areShownAsTextAndReportedWithTheirLines() throws IOException {
      Path content = content();
      Path entry = content.resolve("server/port-in-use.md");
      replace(entry, "  - Another server or a previous Triton still holds the port.",
          "  - Another server or a previous Triton still holds the [port](javascript&#58;alert(1)).");
      replace(entry, "    commands: [\"tritonserver --model-repository=/models --grpc-port=9001 --http-port=9000\"]",
          "    commands: [\"tritonserver --model-repository=/models --grpc-port=9001 --http-port=9000\"]\n"
              + "    detail: \"See [the docs](&#x20;vbscript:msgbox(1)).\"");
      int bodyEnd = (int) Files.readString(entry).lines().count();
      append(entry, "\n[docs](JaVaScRiPt:alert(document.domain)) [b](&#106;avascript:alert(1)) ![i](data:image/svg+xml,x)\n");
      CliRun check = CliRun.of("check", "--content", content.toString());
      String shown = entry.toString();
      assertTrue(check.out().contains(shown + ":" + (bodyEnd + 2) + ": warning: a link to 'JaVaScRiPt:alert(document.domain)'"), check.out());
      assertTrue(check.out().contains(shown + ":" + (bodyEnd + 2) + ": warning: an image from 'data:image/svg+xml,x'"), check.out());
      assertTrue(check.out().contains(shown + ":" + lineOf(entry, "  - Another server") + ": warning: cause 1: a link to"
          + " 'javascript:alert(1)': javascript: addresses are not allowed"), check.out());
      assertTrue(check.out().contains(shown + ":" + lineOf(entry, "    detail:") + ": warning: fix 1 detail: a link to"
          + " 'vbscript:msgbox(1)'"), check.out());
      Path site = tmp.resolve("site");
      CliRun build = CliRun.of("build", "--content", content.toString(), "--out", site.toString());
      assertEquals(0, build.code(), build.err());
      String page = Files.readString(site.resolve("entries/port-in-use.html"));
      assertFalse(java.util.regex.Pattern.compile("(?i)(href|src)=\"[^\"]*(script|data):").matcher(page).find(), page);
      assertTrue(page.contains("docs") && page.contains("the docs"), "the link texts stay");
    }
  }

  @Test
  void aSiteBaseUrlOtherThanHttpIsAnError() throws IOException {
    Path content = content();
    replace(content.resolve("site.yml"), "base_url: https://kb.example.org/errata", "base_url: javascript:alert(1)//");
    CliRun r = CliRun.of("check", "--content", content.toString());
    assertEquals(3, r.code());
    assertTrue(r.out().contains(content.resolve("site.yml") + ":3: error: base_url 'javascript:alert(1)' is not an http(s) address"),
        r.out());
  }

  @Nested
  class DeepNesting {
    private int line;

    private CliRun checkWith(String body) throws IOException {
      Path content = content();
      Path entry = content.resolve("server/port-in-use.md");
      line = (int) Files.readString(entry).lines().count() + 2;
      append(entry, "\n" + body + "\n");
      return CliRun.of("check", "--content", content.toString());
    }

    @Test
    void twentyThousandQuotesAreAnErrorOnTheirLine() throws IOException {
      CliRun r = checkWith(">".repeat(20_000) + " x");
      assertEquals(3, r.code(), r.err());
      assertTrue(r.out().contains("port-in-use.md:" + line + ": error: lists and quotes nested up to 20,000 levels deep"), r.out());
    }

    private String list(int levels) {
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < levels; i++) {
        list.append("  ".repeat(i)).append("- x\n");
      }
      return list.toString();
    }

    @Test
    void aListThreeThousandLevelsDeepIsAnErrorAndTakesNoTime() throws IOException {
      // Its indentation alone makes nine megabytes: more than an entry file may have.
      long start = System.nanoTime();
      CliRun r = checkWith(list(3_000));
      assertEquals(3, r.code(), r.err());
      assertTrue(r.out().contains("port-in-use.md: error: the file is 8.6 MiB; an entry may be at most 256 KiB"), r.out());
      assertTrue(System.nanoTime() - start < 10_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void aListThreeHundredLevelsDeepIsAnErrorOnTheLineThatGoesTooDeep() throws IOException {
      CliRun r = checkWith(list(300));
      assertEquals(3, r.code(), r.err());
      assertTrue(r.out().contains("port-in-use.md:" + (line + 16) + ": error: lists and quotes nested up to 17 levels deep;"
          + " errata renders at most 16"), r.out());
    }

    @Test
    void aBuildStopsBeforeWritingWithExitThreeAndLeavesNothing() throws IOException {
      Path content = content();
      Path entry = content.resolve("server/port-in-use.md");
      int line = (int) Files.readString(entry).lines().count() + 2;
      append(entry, "\n" + "*".repeat(20_000) + "\n\n" + "*".repeat(1_000) + "a" + "*".repeat(1_000) + "\n");
      CliRun r = CliRun.of("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().contains("port-in-use.md:" + line + ": error: a line of 20,000 characters"), r.err());
      assertFalse(r.err().contains("StackOverflowError"), r.err());
      assertEquals(List.of("content"), names(tmp));
    }

    @Test
    void inlineNestingIsFoundOnTheTreeAndReported() throws IOException {
      CliRun r = checkWith("*".repeat(1_000) + "a" + "*".repeat(1_000));
      assertEquals(3, r.code(), r.err());
      assertTrue(r.out().contains("port-in-use.md:" + line + ": error: Markdown nested more than 16 levels deep"), r.out());
    }
  }

  /** Each smaller case of the issue: a clear error on the file and line, with a fix, from check. */
  @Nested
  class SmallerCases {
    private Path entry;

    private CliRun check(Path content) {
      return CliRun.of("check", "--content", content.toString());
    }

    private Path spoiled(String from, String to) throws IOException {
      Path content = content();
      entry = content.resolve("server/port-in-use.md");
      replace(entry, from, to);
      return content;
    }

    private void assertError(CliRun r, String lineAndMessage) {
      assertEquals(3, r.code(), r.out() + r.err());
      assertTrue(r.out().contains(entry + ":" + lineAndMessage), "want " + lineAndMessage + " in\n" + r.out());
    }

    @Test
    void aTagThatIsAPathIsAnErrorAndTheBuildExitsThree() throws IOException {
      Path content = spoiled("tags: [startup]", "tags: [\"../../../x\"]");
      assertError(check(content), "8: error: tag '../../../x' cannot name a page");
      CliRun build = CliRun.of("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
      assertEquals(3, build.code(), build.err());
      assertFalse(Files.exists(tmp.resolve("x.html")) || Files.exists(tmp.resolve("x")));
    }

    @Test
    void aTagNamedIndexIsAnError() throws IOException {
      assertError(check(spoiled("tags: [startup]", "tags: [index]")), "8: error: tag 'index' would replace the page that lists all tags");
    }

    @Test
    void aComponentNameIsAPageNameToo() throws IOException {
      assertError(check(spoiled("  - name: tritonserver", "  - name: \"a/b\"")), "10: error: component 'a/b' cannot name a page");
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
      assertError(check(spoiled("status: confirmed", "status: confirmed\ntitle: Another title")),
          "6: error: key 'title' is given twice (keep one of them");
    }

    @Test
    void anAliasIsAnError() throws IOException {
      assertError(check(spoiled("title: Triton fails to start because the gRPC port is in use", "title: *alias")),
          "3: error: YAML anchors and aliases (&name, *name) are not supported");
      assertError(check(spoiled("summary: Another process already listens on 8001.", "summary: &a Another process\nlang: *a")),
          "5: error: YAML anchors and aliases");
    }

    @Test
    void aNumberOrYesNoWhereTextBelongsIsAnError() throws IOException {
      assertError(check(spoiled("symptoms:\n  - \"failed to start GRPC service: Unavailable - Socket '{*}' already in use\"",
          "symptoms: 42")), "12: error: 'symptoms[1]' should be text, not the number 42; put it in quotes");
      assertError(check(spoiled("status: confirmed", "status: confirmed\nlang: no")),
          "6: error: 'lang' should be text, not a yes/no value (false)");
      assertError(check(spoiled("    affected: [\"*\"]", "    affected: [\"*\"]\n    fixed: [24.10]")),
          "12: error: 'components[1].fixed[1]' should be text, not the number 24.1");
    }

    @Test
    void aYesOrNoKeyTakesOnlyTrueOrFalse() throws IOException {
      assertError(check(spoiled("status: confirmed", "status: confirmed\ndownstream: maybe")),
          "6: error: 'downstream' should be true or false");
    }

    @Test
    void invalidUtf8IsReportedOnItsLineAndColumn() throws IOException {
      Path content = content();
      entry = content.resolve("server/port-in-use.md");
      int line = (int) Files.readString(entry).lines().count() + 1;
      Files.write(entry, new byte[] {'a', 'b', (byte) 0xC3, '(', '\n'}, java.nio.file.StandardOpenOption.APPEND);
      assertError(check(content), line + ": error: the file is not valid UTF-8: byte 0xC3 at column 3");
    }

    @Test
    void textWhereAListOfMappingsBelongsIsReportedWithoutJavaNames() throws IOException {
      CliRun r = check(spoiled("components:\n  - name: tritonserver\n    affected: [\"*\"]", "components: tritonserver"));
      assertError(r, "9: error: 'components' should hold mappings of keys such as {name: tritonserver, affected: [\"*\"]}");
      assertFalse(r.out().contains("dev.errata") || r.out().contains("`"), r.out());
      assertEquals(1, r.out().lines().filter(l -> l.startsWith(entry.toString())).count(), "one error, not a second about an empty component");
    }

    @Test
    void carriageReturnsAloneAreAnError() throws IOException {
      Path content = content();
      entry = content.resolve("server/port-in-use.md");
      Files.writeString(entry, Files.readString(entry).replace('\n', '\r'));
      assertError(check(content), "1: error: line 1 ends with a carriage return (CR) alone");
    }

    @Test
    void linkLoopsDanglingLinksFifosAndFolderLinksAreReported() throws IOException, InterruptedException {
      Path content = content();
      Path server = content.resolve("server");
      Files.createSymbolicLink(server.resolve("loop.md"), Path.of("loop.md"));
      Files.createSymbolicLink(server.resolve("dangling.md"), Path.of("nowhere.md"));
      Files.createSymbolicLink(server.resolve("linked"), tmp);
      assertEquals(0, new ProcessBuilder("mkfifo", server.resolve("pipe.md").toString()).start().waitFor());
      CliRun r = check(content);
      assertEquals(3, r.code(), r.out());
      assertTrue(r.out().contains(server.resolve("loop.md") + ": error: a symbolic link that leads nowhere"), r.out());
      assertTrue(r.out().contains(server.resolve("dangling.md") + ": error: a symbolic link that leads nowhere"), r.out());
      assertTrue(r.out().contains(server.resolve("pipe.md") + ": error: not a regular file (a named pipe"), r.out());
      assertTrue(r.out().contains(server.resolve("linked") + ": warning: a symbolic link to a folder"), r.out());
    }

    @Test
    void tenThousandSymptomsAreAnErrorOfTheirOwnFileAndLeaveOthersAlone() throws IOException {
      Path content = content();
      entry = content.resolve("server/flood.md");
      StringBuilder symptoms = new StringBuilder();
      for (int i = 0; i < 10_000; i++) {
        symptoms.append("  - GRPC ").append(i).append('\n');
      }
      Files.writeString(entry, Files.readString(content.resolve("server/port-in-use.md"))
          .replace("id: port-in-use", "id: flood").replace("examples:", "xexamples:").replace("related: [numpy2-empty-tensors]\n", "")
          .replaceFirst("symptoms:\n", "symptoms:\n" + symptoms.toString().replace("$", "\\$")).replaceAll("(?s)xexamples:.*?\nreferences", "references"));
      CliRun r = check(content);
      assertError(r, "12: error: 'symptoms' has 10,001 items; an entry may have at most 20");
      assertFalse(r.out().contains("port-in-use.md"), "the other entry's examples still pass: " + r.out());
    }

    @Test
    void anEntryFileLargerThanTheLimitIsNotRead() throws IOException {
      Path content = content();
      entry = content.resolve("server/port-in-use.md");
      append(entry, "\n" + "word ".repeat(60_000) + "\n");
      CliRun r = check(content);
      assertEquals(3, r.code());
      assertTrue(r.out().contains(entry + ": error: the file is 294 KiB; an entry may be at most 256 KiB"), r.out());
    }
  }
}
