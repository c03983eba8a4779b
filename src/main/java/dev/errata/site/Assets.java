package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Static files of the site ({@code assets/}): the defaults shipped in the jar, then any file of
 * the user's {@code templates/assets/}, which wins over a default of the same name.
 */
final class Assets {
  /** The shipped defaults; a test keeps this list equal to {@code templates/assets/}. */
  static final List<String> DEFAULTS = List.of("errata-engine.js", "errata-match.js", "errata-search.js", "errata-text.js",
      "errata-version.js", "errata.js", "search-ui.js", "style.css", "theme.js");

  private Assets() {}

  static void copy(Path templatesDir, Path siteDir) {
    Path target = siteDir.resolve("assets");
    try {
      Files.createDirectories(target);
      for (String name : DEFAULTS) {
        try (InputStream in = Assets.class.getResourceAsStream("/templates/assets/" + name)) {
          if (in == null) {
            throw new ErrataException(ExitCode.INTERNAL, "the jar lacks the default asset " + name);
          }
          Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path user = templatesDir == null ? null : templatesDir.resolve("assets");
      if (user != null && Files.isDirectory(user)) {
        try (Stream<Path> files = Files.walk(user)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            Path dest = target.resolve(user.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot copy assets into " + target + ": " + e.getMessage(), e);
    }
  }
}
