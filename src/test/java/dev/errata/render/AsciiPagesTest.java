package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped templates write characters beyond ASCII as references ({@code &middot;}), so a page
 * whose content is ASCII is ASCII: encoding it to UTF-8 is then a plain copy, where one middle dot
 * sent every page of a 10,000-entry build through the slow per-character encoder.
 */
class AsciiPagesTest {
  @Test
  void theShippedTemplatesAreAscii() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("templates"))) {
      List<Path> templates = files.filter(p -> p.toString().matches(".*\\.ftl[hx]")).toList();
      assertEquals(true, templates.size() >= 5, "templates found: " + templates);
      for (Path t : templates) {
        String text = Files.readString(t);
        for (int i = 0; i < text.length(); i++) {
          int line = i;
          assertEquals(true, text.charAt(i) < 128,
              () -> t + " line " + (text.substring(0, line).split("\n", -1).length) + ": '" + text.charAt(line)
                  + "' is beyond ASCII; write it as a character reference");
        }
      }
    }
  }
}
