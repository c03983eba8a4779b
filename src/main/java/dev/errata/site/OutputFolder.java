package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Replaces an output folder as a whole: a build writes into a fresh temporary folder beside it
 * and only a finished build is swapped in, so a failed build leaves the previous site exactly as
 * it was. A marker file keeps us from ever replacing a folder that Errata did not write.
 */
final class OutputFolder {
  static final String MARKER = ".errata-site";

  private final Path out;

  OutputFolder(Path out) {
    this.out = out.toAbsolutePath().normalize();
  }

  /** A new empty folder beside the output, on the same file system so the swap is a rename. */
  Path begin() {
    ensureReplaceable();
    try {
      Path parent = out.getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempDirectory(parent, out.getFileName() + ".tmp-");
      // A temporary folder is private by default; a site is for a web server to read.
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its default permissions apply.
      }
      Files.writeString(tmp.resolve(MARKER), "written by errata build; the whole folder is replaced on each build\n",
          StandardCharsets.UTF_8);
      return tmp;
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot create a folder beside " + out + ": " + e.getMessage(), e);
    }
  }

  /** Swaps the finished folder in and removes the previous site. */
  void commit(Path tmp) {
    Path old = null;
    try {
      if (Files.exists(out)) {
        old = out.resolveSibling(out.getFileName() + ".old-" + tmp.getFileName().toString().replaceAll(".*\\.tmp-", ""));
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null && !Files.exists(out)) {
        try {
          Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
          // The original error below says where things are.
        }
      }
      throw new ErrataException(ExitCode.IO, "cannot move the new site into " + out + ": " + e.getMessage(), e);
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Removes an unfinished build. */
  void abandon(Path tmp) {
    if (tmp != null) {
      deleteTree(tmp);
    }
  }

  private void ensureReplaceable() {
    if (!Files.exists(out)) {
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

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
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
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
