package dev.errata.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The build of the tool prepares the launcher's class data sharing archives (pom.xml runs
 * {@code ./errata --prepare-archives} after the jar), so a user's first command starts as fast as
 * the later ones instead of writing an archive for seconds. Runs after {@code package}.
 */
class ClassDataArchivesIT {
  private static final Path TARGET = Path.of("target");
  private static final List<String> KINDS = List.of("build-c1", "match-c1", "match-full");

  @Test
  void thePackagePhaseWritesEveryArchiveAfterTheJar() throws IOException {
    FileTime jar = Files.getLastModifiedTime(TARGET.resolve("errata.jar"));
    for (String kind : KINDS) {
      Path cds = TARGET.resolve("errata-" + kind + ".jsa");
      assertTrue(Files.isRegularFile(cds), cds + " missing: the package phase should have written it");
      assertTrue(Files.size(cds) > 1_000_000, cds + " is too small to hold the tool's classes");
      assertTrue(Files.getLastModifiedTime(cds).compareTo(jar) >= 0, cds + " is older than the jar, so the JVM would ignore it");
    }
  }

  @Test
  void aFirstCommandUsesTheArchiveAndWritesNone() throws IOException, InterruptedException {
    Path cds = TARGET.resolve("errata-match-full.jsa");
    FileTime before = Files.getLastModifiedTime(cds);
    Process p = new ProcessBuilder("./errata", "--version").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "./errata --version did not finish");
    assertEquals(0, p.exitValue());
    assertEquals(before, Files.getLastModifiedTime(cds), "the launcher rewrote an archive the build had prepared");
    // The JVM maps the archive it is given; with -Xshare:on it refuses to start when it cannot.
    Process strict = new ProcessBuilder("java", "-Xshare:on", "-XX:SharedArchiveFile=" + cds, "-XX:+UseSerialGC",
        "-jar", TARGET.resolve("errata.jar").toString(), "--version").redirectErrorStream(true).start();
    String out = new String(strict.getInputStream().readAllBytes());
    assertTrue(strict.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, strict.exitValue(), "the JVM could not use " + cds + ":\n" + out);
  }

  /** The java command line the launcher would run for these arguments, with the given standard input. */
  private static String javaFor(ProcessBuilder.Redirect stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("./errata"));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).redirectInput(stdin);
    b.environment().put("ERRATA_SHOW_JAVA", "1");
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void aShortMatchRunsOnC1AloneAndALargeLogOnBothCompilers(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException, InterruptedException {
    Path small = dir.resolve("paste.log");
    Files.writeString(small, "E1126 server.cc:121] not enough space: expected 1048576, got 0\n");
    Path large = dir.resolve("big.log");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(9L << 20);
    }
    ProcessBuilder.Redirect none = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));
    assertTrue(javaFor(none, "match", "not enough space").contains("errata-match-c1.jsa"));
    assertTrue(javaFor(none, "match", "--file", small.toString()).contains("-XX:TieredStopAtLevel=1"));
    assertTrue(javaFor(none, "match", "--file=" + small).contains("errata-match-c1.jsa"));
    String big = javaFor(none, "match", "--file", large.toString());
    assertTrue(big.contains("errata-match-full.jsa") && !big.contains("TieredStopAtLevel"), big);
    assertTrue(javaFor(ProcessBuilder.Redirect.from(small.toFile()), "match").contains("errata-match-full.jsa"),
        "standard input, of unknown size");
    assertTrue(javaFor(none, "build").contains("errata-build-c1.jsa"));
    // Builds and checks compile sooner than the default; a match does not (it would only compile more).
    assertTrue(javaFor(none, "check").contains("-XX:CompileThresholdScaling=0.3"));
    assertFalse(javaFor(none, "match", "not enough space").contains("CompileThresholdScaling"));
    // serve builds on every save: a build's collector, a match's archive and both compilers.
    String serve = javaFor(none, "serve", "--no-watch");
    assertTrue(serve.contains("-XX:+UseParallelGC") && !serve.contains("UseSerialGC") && serve.contains("errata-match-full.jsa")
        && !serve.contains("TieredStopAtLevel"), serve);
  }
}
