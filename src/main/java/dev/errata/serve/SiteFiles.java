package dev.errata.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a built site that a request may read: regular files whose real path lies inside
 * the site's real path. Checking the real path, not only the normalized one, keeps a symbolic
 * link inside the site from leading out of it ({@code site/p.txt -> /etc/passwd}); FIFOs and
 * devices are no regular files. The site's own path is resolved again for every request, so
 * that a rebuild, which points {@code site} at a new folder, is served at once.
 */
final class SiteFiles {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "json", "application/json", "xml", "application/xml", "svg", "image/svg+xml", "png", "image/png",
      "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

  private final Path site;

  SiteFiles(Path site) {
    this.site = site.toAbsolutePath().normalize();
  }

  Path site() {
    return site;
  }

  /** The real path of the file that a decoded request path names inside the site, if there is one. */
  Optional<Path> find(String path) {
    if (path == null || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      Path root = site.toRealPath();
      int start = 0;
      while (start < path.length() && path.charAt(start) == '/') {
        start++;
      }
      Path file = root.resolve(path.substring(start)).normalize();
      if (!file.startsWith(root)) {
        return Optional.empty();
      }
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      Path real = file.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? Optional.of(real) : Optional.empty();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      // Missing, unreadable or not a valid name: the same 404 as any other unknown path.
      return Optional.empty();
    }
  }

  /** The site's 404 page, if it has one. */
  Optional<Path> notFoundPage() {
    return find("/404.html");
  }

  static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }
}
