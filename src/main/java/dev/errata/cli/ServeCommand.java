package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.serve.LiveEvents;
import dev.errata.serve.LiveSite;
import dev.errata.serve.PreviewServer;
import dev.errata.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code errata serve}: build, preview on 127.0.0.1, rebuild and reload the open pages on each change. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Build the site and serve it on 127.0.0.1; on each change under the content or templates folder,"
        + " rebuild and reload the open pages. A check error is shown over the page (file:line and message) and the"
        + " last good site keeps being served.",
        "With --no-watch, only serve the site already built (it also works opened from disk)."})
final class ServeCommand implements Callable<Integer> {
  @Mixin ContentOption content;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
      description = "Templates that override the defaults (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(names = {"--site", "--out"}, paramLabel = "DIR", defaultValue = "site",
      description = "The site folder: built into, then served (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port on 127.0.0.1; 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-watch", description = "Serve the built site as it is: no build, no reload.")
  boolean noWatch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (noWatch) {
      try (PreviewServer server = new PreviewServer(site, port).start()) {
        say(out, "Serving " + site + " at " + server.url() + " (Ctrl+C stops)");
        new CountDownLatch(1).await();
      }
      return ExitCode.OK.code();
    }
    LiveEvents events = new LiveEvents();
    SiteBuilder builder = new SiteBuilder(Clock.systemUTC(), notice -> say(err, "errata: " + notice));
    try (LiveSite live = new LiveSite(builder, new SiteBuilder.Options(content.content, templates, site), events,
        line -> say(err, "errata: " + line))) {
      Optional<SiteBuilder.Result> first = live.buildNow();
      first.ifPresent(r -> DiagnosticsPrinter.printSome(r.diagnostics(), err, BuildCommand.MAX_WARNINGS_SHOWN));
      try (PreviewServer server = new PreviewServer(site, port, events).start()) {
        live.watch();
        say(out, String.format(Locale.ROOT, "%s; serving %s at %s, rebuilding on each change under %s and %s (Ctrl+C stops)",
            first.map(r -> "Built " + r.entries() + " entries").orElse("The last good site is served until the errors above are fixed"),
            site, server.url(), content.content, templates));
        new CountDownLatch(1).await();
      }
    }
    return ExitCode.OK.code();
  }

  private static void say(PrintWriter w, String line) {
    synchronized (w) {
      w.println(line);
      w.flush();
    }
  }
}
