package dev.errata.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SectionHeadingsTest {
  /**
   * The sections the check knows are the ones the entry template renders (the table of contents
   * aside), and it knows their titles in every shipped bundle, English first.
   */
  @Test
  void knowsEverySectionOfTheEntryTemplate() throws IOException {
    String template = Files.readString(Path.of("templates/entry.ftlh"));
    Matcher m = Pattern.compile("<h2 id=\"([a-z-]+)\">\\$\\{t\\(\"([a-z_.]+)\"\\)}</h2>").matcher(template);
    Map<String, String> rendered = new TreeMap<>();
    while (m.find()) {
      if (!m.group(1).equals("toc-title")) {
        rendered.put(m.group(1), m.group(2));
      }
    }
    assertTrue(rendered.size() >= 6, rendered.toString());
    assertEquals(new TreeSet<>(rendered.keySet()), new TreeSet<>(SectionHeadings.SECTIONS.keySet()));
    for (String lang : List.of("en", "zh")) {
      Properties bundle = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of("templates/messages/" + lang + ".properties"))) {
        bundle.load(in);
      }
      rendered.forEach((id, key) -> {
        List<String> titles = SectionHeadings.SECTIONS.get(id);
        String title = bundle.getProperty(key);
        assertTrue(lang.equals("en") ? titles.get(0).equals(title) : titles.contains(title), lang + " " + key + "=" + title + " not in " + titles);
      });
    }
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
