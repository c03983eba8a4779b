package dev.errata.model;

import java.util.List;
import java.util.Objects;

/**
 * One way out: shell commands to copy, a configuration snippet, Markdown detail; at least one.
 *
 * @param config a snippet such as a {@code config.pbtxt} block, or empty
 * @param configLang the snippet's language for display ({@code pbtxt}, {@code yaml}), or empty
 * @param detail Markdown, or empty
 */
public record Fix(String title, List<String> commands, String config, String configLang, String detail) {
  public Fix {
    Objects.requireNonNull(title, "title");
    commands = List.copyOf(commands);
    config = config == null ? "" : config;
    configLang = configLang == null ? "" : configLang;
    detail = detail == null ? "" : detail;
    if (commands.isEmpty() && config.isBlank() && detail.isBlank()) {
      throw new IllegalArgumentException("fix '" + title + "' has no commands, config or detail");
    }
  }
}
