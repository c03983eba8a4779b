package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Replaces an output site as a whole, so that at every instant the output path holds either the
 * complete previous site or the complete new one. The output ({@code site}) is a symbolic link
 * to a numbered folder beside it ({@code site.builds/7}); a build writes another folder there and
 * swaps the link with one rename(2) of a new link over it, which is atomic. The site it replaced
 * stays as the spare: the build after takes it, renamed, and changes only the files that differ
 * ({@link #reuse}), rather than making and later removing a folder of every file. Whatever a
 * killed build leaves (an unfinished folder, older ones) the next build removes, under a lock
 * that lets one build at a time write ({@link BuildLock}). A real {@code site/} folder written by
 * an older errata is moved into {@code site.builds/} by the first build. A marker file, written
 * last and removed first, tells a finished folder from an unfinished one, and keeps us from ever
 * replacing a folder that Errata did not write.
 */
final class OutputFolder implements AutoCloseable {
  static final String MARKER = ".errata-site";
  private static final String LOCK = ".lock";
  /** What builds keep for the next one (answers of examples); never a site, so never removed as one. */
  static final String CACHE = "cache";

  private final Path out;
  private final Path builds;
  private final Runnable onWait;
  private BuildLock lock;
  /** The finished site before the current one, which {@link #begin} left in place. */
  private Optional<Path> spare = Optional.empty();
  /** The thread removing a spare this build does not take, while it builds ({@link #dropSpareAside}). */
  private Aside<Void> clearing;

  /** @param onWait called once when another build into {@code out} runs and this one waits for it */
  OutputFolder(Path out, Runnable onWait) {
    this.out = out.toAbsolutePath().normalize();
    Path name = this.out.getFileName();
    if (name == null) {
      throw new ErrataException(ExitCode.IO, "cannot build into " + out + "; choose a folder such as --out site");
    }
    this.builds = this.out.resolveSibling(name + ".builds");
    this.onWait = onWait;
  }

  /** The folder where builds into {@code out} keep what the next build may reuse. */
  static java.util.Optional<Path> cacheFolder(Path out) {
    Path o = out.toAbsolutePath().normalize();
    return java.util.Optional.ofNullable(o.getFileName()).map(n -> o.resolveSibling(n + ".builds").resolve(CACHE));
  }

  /**
   * Takes the lock, removes what killed builds left and makes a new empty folder for this one,
   * on the same file system as the output.
   */
  Path begin() {
    ensureReplaceable();
    try {
      Files.createDirectories(builds);
      lock = BuildLock.acquire(builds.resolve(LOCK), onWait);
      migrateOldFolder();
      recoverLink();
      spare = newestBefore(target());
      removeLeftovers();
      Path folder = builds.resolve(Long.toString(lastNumber() + 1));
      Files.createDirectory(folder);
      // A temporary folder would be private; a site is for a web server to read.
      try {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its default permissions apply.
      }
      return folder;
    } catch (IOException e) {
      close();
      throw new ErrataException(ExitCode.IO, "cannot create a folder in " + builds + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Marks the finished folder complete and points the output at it. The previous site stays: it
   * is the next build's spare.
   */
  void commit(Path folder) {
    try {
      Files.writeString(folder.resolve(MARKER), "written by errata build; the whole folder is replaced on each build\n",
          StandardCharsets.UTF_8);
      swapTo(folder);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot point " + out + " at the new site: " + e.getMessage(), e);
    }
  }

  /** The finished site before the current one, when {@link #begin} found one: what {@link #reuse} may take. */
  Optional<Path> spare() {
    return spare;
  }

  /**
   * Takes the spare site as the folder of this build, in place of the empty {@code fresh} one
   * {@link #begin} made, when it is the folder named {@code recorded} (the one whose differences
   * the last build recorded): it is unmarked first (a build killed from here on leaves an
   * unfinished folder, which the next one removes), then renamed. False, with {@code fresh} still
   * there and empty, when there is no such spare or it cannot be taken.
   */
  boolean reuse(String recorded, Path fresh) {
    if (spare.isEmpty() || !spare.get().getFileName().toString().equals(recorded)) {
      return false;
    }
    Path spareFolder = spare.get();
    try {
      Files.delete(spareFolder.resolve(MARKER));
      Files.delete(fresh);
      try {
        Files.move(spareFolder, fresh, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.createDirectory(fresh);
        return false;
      }
      spare = Optional.empty();
      return true;
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot take the previous site " + spareFolder + " for this build: " + e.getMessage(), e);
    }
  }

  /**
   * Starts removing the spare site, which this build will not take ({@link #reuse} declined it),
   * on a thread of its own: at 10,000 entries it is 27,000 files, over a second of the file
   * system's time that would otherwise come after the new site is written. It is unmarked first,
   * so that if the process ends before the thread does, the next build removes what is left as an
   * unfinished folder, never takes it for a site. {@link #dropSpare} waits for the thread.
   */
  void dropSpareAside() {
    Optional<Path> s = spare;
    spare = Optional.empty();
    s.ifPresent(p -> {
      try {
        Files.deleteIfExists(p.resolve(MARKER));
      } catch (IOException e) {
        return; // left as it is: the next build removes it
      }
      // A failure leaves a leftover like any other, which the next build removes.
      clearing = Aside.run("errata-remove-spare", () -> deleteTree(p));
    });
  }

  /** Removes the spare site, which this build does not use, or waits for {@link #dropSpareAside} to have. */
  void dropSpare() {
    spare.ifPresent(p -> {
      try {
        deleteTreeOnAllCores(p);
      } catch (ErrataException e) {
        // A leftover like any other, which the next build removes: no reason to fail this one.
      }
    });
    spare = Optional.empty();
    awaitClearing();
  }

  private void awaitClearing() {
    if (clearing != null) {
      clearing.get();
      clearing = null;
    }
  }

  /** The build folder the output links to now: the site a new build may take unchanged files from. */
  Optional<Path> current() {
    return target();
  }

  /** Removes an unfinished build. */
  void abandon(Path folder) {
    if (folder != null) {
      deleteTree(folder);
    }
  }

  @Override
  public void close() {
    // Under the lock still: the next build must not find the folder half removed and count it.
    awaitClearing();
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /** A new link beside the output, renamed over it: rename(2) replaces the old link in one step. */
  private void swapTo(Path folder) throws IOException {
    Path next = out.resolveSibling(out.getFileName() + ".link-" + folder.getFileName());
    Files.deleteIfExists(next);
    Files.createSymbolicLink(next, Path.of(builds.getFileName().toString(), folder.getFileName().toString()));
    Files.move(next, out, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The build folder the output links to, if it links into ours. */
  private Optional<Path> target() {
    if (!Files.isSymbolicLink(out)) {
      return Optional.empty();
    }
    try {
      Path t = out.resolveSibling(Files.readSymbolicLink(out)).normalize();
      return t.startsWith(builds) ? Optional.of(t) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void ensureReplaceable() {
    if (Files.isSymbolicLink(out)) {
      if (target().isEmpty()) {
        throw new ErrataException(ExitCode.IO, "output " + out + " is a symbolic link that errata did not make;"
            + " choose another --out");
      }
      return;
    }
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new ErrataException(ExitCode.IO, "output " + out + " is a file, not a folder; choose another --out");
    }
    if (Files.exists(out.resolve(MARKER))) {
      return;
    }
    try (Stream<Path> s = Files.list(out)) {
      if (s.findAny().isPresent()) {
        throw new ErrataException(ExitCode.IO, "output folder " + out + " has files that errata did not write;"
            + " errata replaces its output folder whole, so choose an empty or new --out");
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read " + out + ": " + e.getMessage(), e);
    }
  }

  /**
   * An older errata wrote the site as a real folder: it becomes the first numbered build, and the
   * output a link to it. Two renames, so for that one moment, once, the output is missing; a build
   * killed in between finds the folder in {@link #recoverLink}. An empty folder is just removed.
   */
  private void migrateOldFolder() throws IOException {
    if (Files.isSymbolicLink(out) || !Files.isDirectory(out)) {
      return;
    }
    if (!Files.exists(out.resolve(MARKER))) {
      Files.delete(out); // empty, as ensureReplaceable found
      return;
    }
    Path first = builds.resolve(Long.toString(lastNumber() + 1));
    Files.move(out, first, StandardCopyOption.ATOMIC_MOVE);
    swapTo(first);
  }

  /** No output link (a build killed while migrating, or a deleted link): point it at the newest finished build. */
  private void recoverLink() throws IOException {
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && target().map(Files::isDirectory).orElse(true)) {
      return;
    }
    Optional<Path> newest = numbered().stream().filter(p -> Files.exists(p.resolve(MARKER))).reduce((a, b) -> b);
    if (newest.isPresent()) {
      swapTo(newest.get());
    }
  }

  /**
   * Every build folder but the one the output links to and the spare (unfinished builds, older
   * sites), stray links of an interrupted swap, and the temporary and old folders that builds
   * of older versions left beside the output (those holding the marker only).
   */
  private void removeLeftovers() throws IOException {
    Optional<Path> current = target();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(builds)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (!n.equals(LOCK) && !n.equals(CACHE) && !current.map(p::equals).orElse(false) && !spare.map(p::equals).orElse(false)) {
          deleteTree(p);
        }
      }
    }
    String name = out.getFileName().toString();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(out.getParent(),
        p -> p.getFileName().toString().startsWith(name + ".") && !p.equals(builds))) {
      for (Path p : s) {
        String rest = p.getFileName().toString().substring(name.length());
        if (rest.startsWith(".link-") && Files.isSymbolicLink(p)) {
          Files.deleteIfExists(p);
        } else if ((rest.startsWith(".tmp-") || rest.startsWith(".old-")) && !Files.isSymbolicLink(p)
            && Files.exists(p.resolve(MARKER))) {
          deleteTree(p);
        }
      }
    }
  }

  /** The newest finished build folder numbered below the current one: the site before it. */
  private Optional<Path> newestBefore(Optional<Path> current) throws IOException {
    if (current.isEmpty() || number(current.get()) == 0) {
      return Optional.empty();
    }
    long below = number(current.get());
    return numbered().stream().filter(p -> number(p) < below && Files.exists(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS))
        .reduce((a, b) -> b);
  }

  /** The numbered build folders, in order. */
  private List<Path> numbered() throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(builds)) {
      for (Path p : s) {
        if (number(p) > 0) {
          out.add(p);
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(OutputFolder::number));
    return out;
  }

  private long lastNumber() throws IOException {
    List<Path> all = numbered();
    return all.isEmpty() ? 0 : number(all.get(all.size() - 1));
  }

  private static long number(Path p) {
    String n = p.getFileName().toString();
    if (n.isEmpty() || n.length() > 18 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Long.parseLong(n);
  }

  /**
   * Removes a site, its top folders on all cores: removing a previous site of 27,000 files was
   * half a second of a rebuild on one. Folders apart, so the threads do not wait on one folder's lock.
   */
  static void deleteTreeOnAllCores(Path root) {
    List<Path> children;
    try (Stream<Path> s = Files.list(root)) {
      children = s.toList();
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot remove " + root + ": " + e.getMessage(), e);
    }
    children.parallelStream().forEach(OutputFolder::deleteTree);
    deleteTree(root);
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException e) {
      // Removed already, by whatever removed it.
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
