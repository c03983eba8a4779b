package dev.errata.site;

import dev.errata.index.MatchIndexCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The running tool, for what builds keep for later builds: made by another tool, it is not reused. */
final class Tool {
  /** Its jar by path, size and time; run from classes (tests), this process only. */
  static final String IDENTITY = identity();

  private Tool() {}

  private static String identity() {
    try {
      Path jar = Path.of(Tool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(jar)) {
        return jar.toAbsolutePath() + "\u0000" + Files.size(jar) + "\u0000" + Files.getLastModifiedTime(jar).toMillis()
            + "\u0000" + MatchIndexCodec.salt();
      }
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      // Fall through: what builds keep is then reused within this process only.
    }
    return "process " + UUID.randomUUID();
  }
}
