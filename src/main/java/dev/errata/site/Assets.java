package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Static files of the site ({@code assets/}): the defaults shipped in the jar, then any file of
 * the user's {@code templates/assets/}, which wins over a default of the same name. Scripts go
 * out without their comments ({@link ScriptCompactor}); the files in the jar and in
 * {@code templates/} keep theirs for the people who read them.
 */
final class Assets {
  /** The shipped defaults; a test keeps this list equal to {@code templates/assets/}. */
  static final List<String> DEFAULTS = List.of("errata-engine.js", "errata-match.js", "errata-search.js", "errata-text.js",
      "errata-version.js", "errata.js", "search-ui.js", "style.css", "theme.js");

  private Assets() {}

  /**
   * Copies them into {@code siteDir}'s {@code assets/}, each file made anew (a reused site's file
   * is never written over); returns the paths written, relative to {@code siteDir}.
   */
  static java.util.Set<String> copy(Path templatesDir, Path siteDir) {
    Path target = siteDir.resolve("assets");
    java.util.Set<String> written = new java.util.HashSet<>();
    try {
      Files.createDirectories(target);
      for (String name : DEFAULTS) {
        try (InputStream in = Assets.class.getResourceAsStream("/templates/assets/" + name)) {
          if (in == null) {
            throw new ErrataException(ExitCode.INTERNAL, "the jar lacks the default asset " + name);
          }
          write(in.readAllBytes(), name, target.resolve(name));
          written.add("assets/" + name);
        }
      }
      Path user = templatesDir == null ? null : templatesDir.resolve("assets");
      if (user != null && Files.isDirectory(user)) {
        try (Stream<Path> files = Files.walk(user)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            Path relative = user.relativize(f);
            String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
            Path dest = target.resolve(path);
            Files.createDirectories(dest.getParent());
            write(Files.readAllBytes(f), path, dest);
            written.add("assets/" + path);
          }
        }
      }
      return written;
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot copy assets into " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes one asset anew, a script compacted when it reads with certainty. */
  private static void write(byte[] body, String name, Path dest) throws IOException {
    Files.deleteIfExists(dest);
    if (name.endsWith(".js")) {
      String compact = ScriptCompactor.compact(new String(body, StandardCharsets.UTF_8));
      if (compact != null) {
        body = compact.getBytes(StandardCharsets.UTF_8);
      }
    }
    Files.write(dest, body);
  }
}
