package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 trial: builds of a generated 3,000-entry knowledge base, each killed (SIGKILL) at a
 * random moment while it writes, swaps or cleans up, with a watcher that looks at the output the
 * whole time. At every look the output must be a complete site, and after each kill the site must
 * be the one a whole build writes (builds are byte-identical, so the old and the new one are the
 * same files), and the build after the last kill must leave nothing of the killed ones behind.
 * Then two builds at once, which must wait for each other and both succeed.
 *
 * <p>The generated entries lose their {@code examples} and keep the first paragraph of their body:
 * running 6,000 examples through the matcher was most of such a build and rendering long bodies
 * most of the rest, neither touches the output, and together they left no time for twenty kills in
 * a minute. The build still writes 3,000 entry pages and the whole search index. Kill moments are
 * drawn from the part of a build that touches the output (from the new folder's creation to the
 * process's end, measured on a first whole build), widened a little on both sides. Runs the jar
 * that {@code package} built, with the launcher's flags and the class data sharing archive that
 * packaging prepared (or one the first build writes), as a user's build runs.
 */
class KillTrialIT {
  static final Path GENERATOR = Path.of("../shared/corpus/gen_corpus.py");
  static final Path JAR = Path.of("target/errata.jar");
  static final int KILLS = 20;

  @TempDir Path tmp;

  private Path entries;
  private Path site;
  private Path archive;

  private ProcessBuilder build() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cds = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xms800m", "-Xmn100m", "-XX:MaxTenuringThreshold=0", "-Xss4m", "-Xmx2g",
        "-XX:-UsePerfData", cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", JAR.toAbsolutePath().toString(), "build", "--content", entries.toString(), "--out", site.toString(),
        "--templates", Path.of("templates").toAbsolutePath().toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
  }

  @Test
  void theOutputIsAlwaysACompleteSite() throws Exception {
    boolean python = Files.isRegularFile(GENERATOR) && new ProcessBuilder("python3", "--version").start().waitFor() == 0;
    if (System.getenv("CI") == null) {
      assumeTrue(python && Files.isRegularFile(JAR), "needs python3, ../shared/corpus and the packaged jar");
    }
    entries = tmp.resolve("corpus/entries");
    site = tmp.resolve("out/site");
    // The archive that packaging the tool prepared, as the launcher uses it; else the first build writes one.
    Path prepared = Path.of("target/errata-build-c1.jsa");
    archive = Files.isRegularFile(prepared) && Files.getLastModifiedTime(prepared).compareTo(Files.getLastModifiedTime(JAR)) >= 0
        ? prepared : tmp.resolve("build.jsa");
    Files.createDirectories(site.getParent());
    Process gen = new ProcessBuilder("python3", GENERATOR.toString(), "3000", entries.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertEquals(0, gen.waitFor());
    shorten(entries);

    // A first build leaves the record every later build into this output reuses (answers, pages,
    // the match index), so those are much shorter than it: the one timed below is one of them.
    assertEquals(0, build().redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "a first build");
    // One whole build, started as the killed ones will be: the reference site, and the time of
    // the part that touches the output.
    long started = System.nanoTime();
    Process timed = build().redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long folderAt = awaitNewFolder(timed, 2);
    assertEquals(0, timed.waitFor(), "a whole build");
    long window = System.nanoTime() - folderAt;
    long before = folderAt - started;
    Map<String, Long> reference = files(site);
    assertTrue(reference.size() > 5_000, "a site of " + reference.size() + " files");

    AtomicReference<String> broken = new AtomicReference<>();
    AtomicInteger looks = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Thread watcher = new Thread(() -> {
      while (!stop.get()) {
        looks.incrementAndGet();
        for (String f : List.of(OutputFolder.MARKER, "index.html", "search.html", "api/entries.json", "api/match-index.bin")) {
          if (!Files.isRegularFile(site.resolve(f))) {
            broken.compareAndSet(null, f + " missing at some instant");
          }
        }
        // About a thousand looks a second; looking flat out took a core from the builds on trial.
        java.util.concurrent.locks.LockSupport.parkNanos(500_000);
      }
    }, "watcher");
    watcher.start();
    Random random = new Random(20261226);
    int killed = 0;
    int finished = 0;
    try {
      // The next build starts while the one on trial writes, and waits for its lock: its reading
      // and checking overlap the trial, and it begins writing about when the killed one dies.
      Process current = build().redirectError(ProcessBuilder.Redirect.DISCARD).start();
      long launched = System.nanoTime();
      long previousEnd = launched;
      for (int i = 0; killed < KILLS; i++) {
        assertTrue(i < 2 * KILLS, "too many builds finished before their moment: " + finished);
        Process next = build().redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long nextLaunched = System.nanoTime();
        // From a little before it begins writing to a little after it would end.
        long begins = Math.max(launched + before, previousEnd);
        long at = begins - window / 10 + (long) (random.nextDouble() * window * 1.2);
        if (current.waitFor(Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          finished++;
        } else {
          current.destroyForcibly().waitFor();
          killed++;
        }
        previousEnd = System.nanoTime();
        assertEquals(null, broken.get(), "after trial " + i);
        assertEquals(reference, files(site), "the site after trial " + i + " is a whole build's");
        current = next;
        launched = nextLaunched;
      }
      assertEquals(0, current.waitFor(), "the build after the last kill");
    } finally {
      stop.set(true);
      watcher.join();
    }
    System.err.printf("kill trial: %d killed, %d finished, %d looks; a whole build %.1f s, %.1f s of it writing%n",
        killed, finished, looks.get(), (before + window) / 1e9, window / 1e9);
    assertEquals(null, broken.get());
    assertEquals(reference, files(site));
    Path builds = site.resolveSibling("site.builds");
    try (Stream<Path> s = Files.list(builds); Stream<Path> beside = Files.list(site.getParent())) {
      // The record of examples' answers is kept on purpose; it is a cache, never a site. Beside
      // the current site, at most the finished one before it stays: the next build's spare.
      String current = site.toRealPath().getFileName().toString();
      List<String> left = s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(OutputFolder.CACHE) && !n.equals(".lock") && !n.equals(current)).toList();
      assertTrue(left.size() <= 1, "what the killed builds left is gone: " + left);
      for (String spare : left) {
        assertTrue(Files.isRegularFile(builds.resolve(spare).resolve(OutputFolder.MARKER))
            && Long.parseLong(spare) < Long.parseLong(current), "a spare is a finished site before the current one: " + spare);
      }
      assertTrue(Files.exists(builds.resolve(".lock")));
      assertEquals(List.of("site", "site.builds"), beside.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(looks.get() > KILLS, "the watcher looked " + looks.get() + " times");

    // Two builds at once, while this test holds the lock as a third: both say that they wait,
    // then run one after the other, and both succeed. The fixture content is enough for that.
    entries = Path.of("src/test/resources/fixture/content").toAbsolutePath();
    assertEquals(0, build().redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "a first site to swap");
    reference = files(site);
    Path errA = tmp.resolve("a.err");
    Path errB = tmp.resolve("b.err");
    Process a;
    Process b;
    try (FileChannel channel = FileChannel.open(builds.resolve(".lock"), StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      a = build().redirectError(errA.toFile()).start();
      b = build().redirectError(errB.toFile()).start();
      for (Path err : List.of(errA, errB)) {
        while (!(Files.exists(err) && Files.readString(err).contains("is running; waiting for it to finish"))) {
          assertTrue(a.isAlive() && b.isAlive(), "a build ended while the lock was held: " + Files.readString(err));
          Thread.sleep(20);
        }
      }
    }
    assertEquals(0, a.waitFor(), Files.readString(errA));
    assertEquals(0, b.waitFor(), Files.readString(errB));
    assertEquals(reference, files(site));
  }

  /** Waits until build folder number {@code expected} appears; the moment it did. */
  private long awaitNewFolder(Process p, int expected) throws InterruptedException {
    Path folder = site.resolveSibling("site.builds").resolve(Integer.toString(expected));
    while (!Files.isDirectory(folder)) {
      assertTrue(p.isAlive() || Files.isDirectory(folder), "the build ended before writing");
      Thread.sleep(5);
    }
    return System.nanoTime();
  }

  /**
   * Every file of the site the output links to, by relative path, with its size. Read again when
   * a build swapped the site and removed the one being read in the meantime.
   */
  private static Map<String, Long> files(Path site) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path root = site.toRealPath();
      Map<String, Long> out = new TreeMap<>();
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          out.put(root.relativize(f).toString(), Files.size(f));
        }
        return out;
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        if (attempt == 3 || root.equals(site.toRealPath())) {
          throw e;
        }
      }
    }
  }

  /** Drops each entry's {@code examples:} block and all of its body after the first paragraph. */
  private static void shorten(Path entries) throws IOException {
    try (Stream<Path> s = Files.list(entries)) {
      for (Path f : s.toList()) {
        List<String> kept = new ArrayList<>();
        boolean skipping = false;
        int fences = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.equals("---")) {
            fences++;
          }
          if (fences == 2 && line.isEmpty() && kept.size() > 1 && !kept.get(kept.size() - 1).equals("---")
              && !kept.get(kept.size() - 1).isEmpty()) {
            break; // the end of the body's first paragraph
          }
          if (line.startsWith("examples:")) {
            skipping = true;
            continue;
          }
          if (skipping && !line.isEmpty() && !line.startsWith(" ")) {
            skipping = false;
          }
          if (!skipping) {
            kept.add(line);
          }
        }
        Files.write(f, kept, StandardCharsets.UTF_8);
      }
    }
  }
}
