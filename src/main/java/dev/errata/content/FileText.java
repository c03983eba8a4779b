package dev.errata.content;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.Lazy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A content file's text: at hand, or read when first needed from a file that the load took as
 * unchanged without reading it. Read later, it must be the very text the load took it for (the
 * same sum and length): an entry whose front matter came from one version of the file and whose
 * body came from another would be a page nobody wrote, so a file changed in between stops the
 * build (which then leaves the previous site as it was) and says to run it again.
 */
final class FileText implements Supplier<String> {
  private final Supplier<String> text;

  private FileText(Supplier<String> text) {
    this.text = text;
  }

  static FileText of(String text) {
    return new FileText(() -> text);
  }

  static FileText later(Path file, String shown, long checksum, int length) {
    return new FileText(Lazy.of(() -> read(file, shown, checksum, length)));
  }

  @Override
  public String get() {
    return text.get();
  }

  private static String read(Path file, String shown, long checksum, int length) {
    Problems problems = new Problems(shown, 1);
    Optional<ContentFiles.Text> now = ContentFiles.readText(file, EntryLimits.MAX_FILE_BYTES, problems);
    if (now.isPresent() && now.get().checksum() == checksum && now.get().text().length() == length) {
      return now.get().text();
    }
    String why = problems.all().stream().map(Diagnostic::message).findFirst().orElse("it changed");
    throw new ErrataException(ExitCode.IO, shown + " changed while errata was building from it (" + why
        + "); run the build again once the file is saved");
  }
}
