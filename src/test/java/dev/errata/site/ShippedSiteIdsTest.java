package dev.errata.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the site built from the shipped content has each id="..." once: anchors lead to one place. */
class ShippedSiteIdsTest {
  @Test
  void noPageOfTheShippedSiteRepeatsAnId(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    CliRun r = CliRun.of("build", "--content", "content", "--templates", "templates", "--out", site.toString());
    assertEquals(0, r.code(), r.err());
    List<String> repeated = new ArrayList<>();
    int pages = 0;
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        pages++;
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        Set<String> seen = new HashSet<>();
        for (Element el : doc.select("[id]")) {
          if (!seen.add(el.id())) {
            repeated.add(page.getFileName() + ": id=\"" + el.id() + "\"");
          }
        }
      }
    }
    assertTrue(pages > 100, "pages: " + pages);
    assertEquals(List.of(), repeated);
  }
}
