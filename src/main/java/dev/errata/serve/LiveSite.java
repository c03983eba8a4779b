package dev.errata.serve;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.site.SiteBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code errata serve} keeps up to date: builds the site, rebuilds it when a file under the
 * content or templates folder changes, and tells the open pages through {@link LiveEvents}. A
 * failed build changes nothing on disk (a build swaps its folder in only when it is whole), so
 * the last good site keeps being served while the pages show the problems.
 */
public final class LiveSite implements AutoCloseable {
  /** Long enough to take an editor's save as one change, short against the 300 ms a reload may take. */
  static final Duration QUIET = Duration.ofMillis(25);

  private final SiteBuilder builder;
  private final SiteBuilder.Options options;
  private final LiveEvents events;
  private final Consumer<String> log;
  private Watcher watcher;

  /** @param log told one line per build: what was rebuilt, or what stops it */
  public LiveSite(SiteBuilder builder, SiteBuilder.Options options, LiveEvents events, Consumer<String> log) {
    // Each rebuild reuses what the edit left unchanged (the parsed files, bodies and templates).
    this.builder = builder.remembering();
    this.options = options;
    this.events = events;
    this.log = log;
  }

  /**
   * The first build. When it fails and an earlier build's site is there, that site is served and
   * the pages show the problems (empty result); with no site to serve, the failure is thrown, as
   * {@code errata build}'s would be.
   */
  public java.util.Optional<SiteBuilder.Result> buildNow() {
    try {
      return java.util.Optional.of(rebuild());
    } catch (ErrataException e) {
      if (!java.nio.file.Files.isDirectory(options.out())) {
        throw e;
      }
      failed(e);
      return java.util.Optional.empty();
    }
  }

  /** Watches the content and templates folders from now on. */
  public LiveSite watch() {
    Path out = options.out().toAbsolutePath().normalize();
    for (Path watched : List.of(options.content(), options.templates())) {
      if (out.startsWith(watched.toAbsolutePath().normalize())) {
        // Each build would change what is watched, and start the next one.
        throw new ErrataException(dev.errata.ExitCode.USAGE, "the site folder " + options.out() + " is inside " + watched
            + ", which serve watches; build it elsewhere, such as --site site");
      }
    }
    watcher = new Watcher(List.of(options.content(), options.templates()), QUIET, this::changed).start();
    return this;
  }

  /** One burst of changes: a build, then a reload of the pages or the problems shown on them. */
  void changed() {
    long start = System.nanoTime();
    try {
      SiteBuilder.Result r = rebuild();
      events.reload();
      long took = (System.nanoTime() - start) / 1_000_000;
      log.accept(String.format(java.util.Locale.ROOT, "rebuilt %d entries in %d ms", r.entries(), took));
    } catch (ErrataException e) {
      failed(e);
    } catch (RuntimeException e) {
      // A bug must not end the preview: it is shown like any problem, and the next change retries.
      events.failed(List.of(Diagnostic.error("", 0, "internal error: " + e, "")));
      log.accept("internal error: " + e);
    }
  }

  private void failed(ErrataException e) {
    List<Diagnostic> problems = problems(e);
    events.failed(problems);
    log.accept(e.getMessage());
    problems.forEach(d -> log.accept("  " + d.format()));
  }

  /**
   * Builds the site. The one place a build happens while serving, so that an incremental build
   * can replace the full one here alone.
   */
  private SiteBuilder.Result rebuild() {
    return builder.build(options);
  }

  /** The errors to show: the diagnostics of invalid content, or the message itself (a template error, a folder that cannot be written). */
  static List<Diagnostic> problems(ErrataException e) {
    List<Diagnostic> errors = e.diagnostics().stream().filter(Diagnostic::isError).toList();
    return errors.isEmpty() ? List.of(Diagnostic.error("", 0, e.getMessage(), "")) : errors;
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
  }
}
