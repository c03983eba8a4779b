package dev.errata.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SectionHeadingsTest {
  /** The sections the check knows are the ones the entry template renders, ids and titles. */
  @Test
  void knowsEverySectionOfTheEntryTemplate() throws IOException {
    String template = Files.readString(Path.of("templates/entry.ftlh"));
    Matcher m = Pattern.compile("<h2 id=\"([a-z-]+)\">([^<]+)</h2>").matcher(template);
    Map<String, String> rendered = new TreeMap<>();
    while (m.find()) {
      rendered.put(m.group(1), m.group(2));
    }
    assertTrue(rendered.size() >= 6, rendered.toString());
    Map<String, String> known = new TreeMap<>();
    SectionHeadings.SECTIONS.forEach((id, titles) -> known.put(id, titles.get(0)));
    assertEquals(rendered, known);
  }

  @Test
  void findsHeadingsThatRepeatASectionOutsideFencedCode() {
    String body = String.join("\n",
        "## Symptoms", "", "```", "## Fix", "```", "", "### **Cause**", "", "## Why it happens", "   ## References ##", "####### Fix");
    List<SectionHeadings.Repeat> found = SectionHeadings.find(body);
    assertEquals(List.of(new SectionHeadings.Repeat(1, "Symptoms", "Error messages"),
        new SectionHeadings.Repeat(7, "**Cause**", "Cause"), new SectionHeadings.Repeat(10, "References", "References")), found);
  }
}
