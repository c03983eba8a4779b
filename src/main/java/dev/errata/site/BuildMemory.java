package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.content.ContentLoader;
import dev.errata.markdown.Markdown;
import dev.errata.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a process that builds the same folders again after each edit ({@code errata serve}) keeps
 * from one build to the next, so that a rebuild does the work of the edit rather than of the
 * whole site: each file's parse, each body's Markdown, the parsed templates. Everything is kept
 * under the whole input it was made from, so what is reused is what the work would have given,
 * and the site is byte for byte the one a fresh build writes (LiveSiteTest compares them). Only
 * the latest build's bodies and files are kept.
 */
public final class BuildMemory {
  final ContentLoader.Memo files = new ContentLoader.Memo();
  private volatile Map<String, Markdown.Rendered> previousBodies = Map.of();
  private volatile Map<String, Markdown.Rendered> bodies = new ConcurrentHashMap<>();
  private List<String> templatesListing;
  private Templates templates;

  /** Called as a build starts: what the last build used becomes what this one may reuse. */
  synchronized void begin() {
    if (!bodies.isEmpty()) {
      previousBodies = bodies;
      bodies = new ConcurrentHashMap<>();
    }
  }

  /** The body's rendering, from the last build when it had the same body. */
  Markdown.Rendered render(Markdown markdown, String body) {
    Markdown.Rendered r = previousBodies.get(body);
    if (r == null) {
      r = bodies.get(body);
    }
    if (r == null) {
      r = markdown.render(body);
    }
    bodies.put(body, r);
    return r;
  }

  /**
   * The templates, parsed again only when a file of the templates folder (its messages included)
   * was added, removed or changed since the last build: the listing of names, sizes and
   * modification times says so without reading them.
   */
  synchronized Templates templates(Path folder) {
    List<String> listing = listing(folder);
    if (templates == null || !listing.equals(templatesListing)) {
      templates = new Templates(folder);
      templatesListing = listing;
    }
    return templates;
  }

  private static List<String> listing(Path folder) {
    List<String> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        out.add(f + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime() + "\u0000" + a.fileKey());
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read the templates folder " + folder + ": " + e.getMessage(), e);
    }
    return out;
  }
}
