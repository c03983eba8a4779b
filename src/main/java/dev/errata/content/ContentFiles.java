package dev.errata.content;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files of a content folder and their text. Whatever is not a readable regular file of a
 * sane size is said so, with its path, rather than skipped without a word: a symbolic link that
 * loops or leads nowhere, a named pipe (reading one would wait forever), a link to a folder
 * (not followed, so that a loop cannot make the walk endless), a file too large to be an entry.
 */
final class ContentFiles {
  private ContentFiles() {}

  /**
   * The entry files, sorted by path, each with the attributes of what reading it reads (a link's
   * target), and what was found instead of some.
   */
  record Walk(List<FolderLook.Seen> entries, List<Diagnostic> problems) {}

  static Walk walk(FolderLook look) {
    List<FolderLook.Seen> entries = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (FolderLook.Failed f : look.failed()) {
      if (f.path().equals(look.root()) && f.error() instanceof NoSuchFileException) {
        throw new ErrataException(ExitCode.IO, "content folder " + look.root() + " disappeared while reading it", f.error());
      }
      problems.add(Diagnostic.error(ContentLoader.display(f.path()), 0, "cannot read it: " + f.error().getMessage(), "check its permissions"));
    }
    for (FolderLook.Seen f : look.files()) {
      visit(f.path(), f.attrs(), entries, problems);
    }
    entries.sort(java.util.Comparator.comparing(FolderLook.Seen::path));
    return new Walk(List.copyOf(entries), problems);
  }

  private static void visit(Path file, BasicFileAttributes attrs, List<FolderLook.Seen> entries, List<Diagnostic> problems) {
    String name = file.getFileName().toString();
    BasicFileAttributes target = attrs;
    if (attrs.isSymbolicLink()) {
      try {
        target = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (FileSystemException e) {
        // ELOOP or ENOENT, whichever the link ends in.
        if (isEntryName(name)) {
          problems.add(Diagnostic.error(ContentLoader.display(file), 0, "a symbolic link that leads nowhere (a loop, or a missing file)",
              "point it at an entry file, or remove it"));
        }
        return;
      } catch (IOException e) {
        if (isEntryName(name)) {
          problems.add(Diagnostic.error(ContentLoader.display(file), 0, "cannot follow the symbolic link: " + e.getMessage(), "check where it points"));
        }
        return;
      }
      if (target.isDirectory()) {
        problems.add(Diagnostic.warning(ContentLoader.display(file), 0, "a symbolic link to a folder, whose entries are not read",
            "errata follows no links to folders, so that a loop cannot make it read forever; move the entries in, or link each file"));
        return;
      }
    }
    if (!isEntryName(name)) {
      return;
    }
    if (!target.isRegularFile()) {
      problems.add(Diagnostic.error(ContentLoader.display(file), 0, "not a regular file (a named pipe, device or socket), so it is not read",
          "entries are regular files; remove it or replace it with one"));
      return;
    }
    if (target.size() > EntryLimits.MAX_FILE_BYTES) {
      problems.add(Diagnostic.error(ContentLoader.display(file), 0, "the file is " + size(target.size()) + "; an entry may be at most "
          + size(EntryLimits.MAX_FILE_BYTES), "keep an entry to one problem; long logs belong in a reference, not the entry"));
      return;
    }
    entries.add(new FolderLook.Seen(file, target));
  }

  private static boolean isEntryName(String name) {
    return name.endsWith(".md") && !name.startsWith("_") && !name.equalsIgnoreCase("README.md");
  }

  /**
   * A file's text and the {@link dev.errata.Checksum} of its bytes, 64 bits that tell one version
   * of a file from another.
   */
  record Text(String text, long checksum) {}

  /**
   * The text of a file, or empty with the problem said: too large, unreadable, or not UTF-8 (with
   * the line and column of the first byte that is not).
   */
  static Optional<String> read(Path file, long maxBytes, Problems problems) {
    return readText(file, maxBytes, problems).map(Text::text);
  }

  /** The same, with the checksum of the file's bytes. */
  static Optional<Text> readText(Path file, long maxBytes, Problems problems) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        problems.errorAtLine(0, "the file is " + size(size) + "; it may be at most " + size(maxBytes), "make it smaller");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      // The String constructor decodes faster than a CharsetDecoder, but replaces bad
      // bytes with U+FFFD instead of failing: only a text holding U+FFFD is decoded again, strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        int bad = firstMalformed(bytes);
        if (bad >= 0) {
          int line = 1;
          int lineStart = 0;
          for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
              line++;
              lineStart = i + 1;
            }
          }
          problems.errorAtLine(line, String.format(Locale.ROOT, "the file is not valid UTF-8: byte 0x%02X at column %d cannot be read",
              bytes[bad] & 0xFF, bad - lineStart + 1), "save the file as UTF-8");
          return Optional.empty();
        }
      }
      return Optional.of(new Text(text, dev.errata.Checksum.of(bytes)));
    } catch (IOException e) {
      problems.errorAtLine(0, "cannot read the file: " + e.getMessage(), "check its permissions");
      return Optional.empty();
    }
  }

  /** The offset of the first byte that is not UTF-8, or -1. */
  static int firstMalformed(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        return -1;
      }
      out.clear();
    }
  }

  private static String size(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
        : String.format(Locale.ROOT, "%d KiB", (bytes + 1023) / 1024);
  }
}
