package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.ErrataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <@cached key=...>} renders its body once per key, in a user's templates as in ours. */
class CachedTest {
  @TempDir Path dir;

  private String render(Templates templates, String name, Map<String, Object> model) {
    return new String(templates.render(name, model), StandardCharsets.UTF_8);
  }

  @Test
  void aBodyIsRenderedOncePerKeyAndWrittenAgainAsItWas() throws Exception {
    Files.writeString(dir.resolve("t.ftlh"), "[<@cached key=k>${v}</@cached>]");
    Templates templates = new Templates(dir);
    assertEquals("[one]", render(templates, "t.ftlh", Map.of("k", "a", "v", "one")));
    // Same key, other value: the body is not rendered again (the body must depend on the key alone).
    assertEquals("[one]", render(templates, "t.ftlh", Map.of("k", "a", "v", "two")));
    assertEquals("[three]", render(templates, "t.ftlh", Map.of("k", "b", "v", "three")));
    // Records are keys by their components: an equal row is the same key.
    Views.Link link = new Views.Link("x.html", "X");
    assertEquals("[four]", render(templates, "t.ftlh", Map.of("k", link, "v", "four")));
    assertEquals("[four]", render(templates, "t.ftlh", Map.of("k", new Views.Link("x.html", "X"), "v", "five")));
    // Another build starts empty.
    assertEquals("[two]", render(new Templates(dir), "t.ftlh", Map.of("k", "a", "v", "two")));
  }

  @Test
  void withoutAKeyTheTemplateFailsWithItsNameAndLine() throws Exception {
    Files.writeString(dir.resolve("bad.ftlh"), "line one\n<@cached>${v}</@cached>");
    ErrataException e = assertThrows(ErrataException.class,
        () -> new Templates(dir).render("bad.ftlh", Map.of("v", "x")));
    assertTrue(e.getMessage().contains("bad.ftlh:2: "), e.getMessage());
    assertTrue(e.getMessage().contains("<@cached key=...>"), e.getMessage());
  }
}
