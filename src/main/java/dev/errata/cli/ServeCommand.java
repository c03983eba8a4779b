package dev.errata.cli;

import dev.errata.ExitCode;
import dev.errata.serve.PreviewServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code errata serve}: preview the built site on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the built site on 127.0.0.1 for a preview (the site also works opened from disk).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site", description = "The built site (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port on 127.0.0.1; 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    try (PreviewServer server = new PreviewServer(site, port).start()) {
      spec.commandLine().getOut().println("Serving " + site + " at " + server.url() + " (Ctrl+C stops)");
      spec.commandLine().getOut().flush();
      new CountDownLatch(1).await();
    }
    return ExitCode.OK.code();
  }
}
