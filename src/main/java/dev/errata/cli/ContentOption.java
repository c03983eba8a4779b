package dev.errata.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --content} option every command that reads entries shares. */
final class ContentOption {
  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Folder of entries (default: ${DEFAULT-VALUE}).")
  Path content;
}
