package dev.errata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hostile link addresses of {@code src/test/resources/hostile/links.txt}, and Markdown that uses them. */
public final class Hostile {
  private Hostile() {}

  /** The addresses, as written in a Markdown link (those in angle brackets with them). */
  public static List<String> links() {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("src/test/resources/hostile/links.txt"), StandardCharsets.UTF_8)) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.size() < 30) {
      throw new IllegalStateException("hostile/links.txt is missing its addresses");
    }
    return out;
  }

  /**
   * {@code payload} in every link form, each on its own line after a heading (the inline link on
   * line 3): inline link, image, reference link and image, and an autolink where the address can
   * be one. Link texts end with {@code n}.
   */
  public static String everyForm(String payload, int n) {
    String bare = payload.startsWith("<") ? payload.substring(1, payload.length() - 1) : payload;
    StringBuilder b = new StringBuilder("# Links " + n + "\n\n");
    b.append("[inline").append(n).append("](").append(payload).append(")\n\n");
    b.append("![image").append(n).append("](").append(payload).append(")\n\n");
    b.append("[reference").append(n).append("][r").append(n).append("] and ![refimage").append(n).append("][r").append(n).append("]\n\n");
    b.append("[r").append(n).append("]: ").append(payload).append("\n\n");
    if (!bare.matches(".*[\\s<>].*")) {
      b.append("<").append(bare).append(">\n\n");
    }
    return b.toString();
  }
}
