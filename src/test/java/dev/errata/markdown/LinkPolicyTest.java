package dev.errata.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list: http, https, mailto and relative addresses, however a refused scheme is written. */
class LinkPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM", "mailto:kb@example.com",
      "other-entry.html", "../tags/startup.html", "#fix", "?q=numpy", "/absolute/path", "//example.com/protocol-relative",
      "a b.html", "entries/x:y.html", "./x:y", "javascript%3Aalert(1)", "%6Aavascript:alert(1)", "java\u200bscript-like",
      "https:javascript:alert(1)", ""})
  void allows(String url) {
    assertTrue(LinkPolicy.allows(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
      "\u0001javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
      "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#106avascript:alert(1)", "javascript&#58;alert(1)",
      "javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)", "&#x20;javascript:alert(1)",
      "&amp;#106;avascript:alert(1)", "jav\u00a0ascript:alert(1)", "java\u2028script:alert(1)", "java\u00adscript:alert(1)",
      "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml;base64,AAAA", "file:///etc/passwd",
      "ftp://example.com/", "livescript:x", "view-source:javascript:alert(1)"})
  void refuses(String url) {
    assertFalse(LinkPolicy.allows(url), url);
  }

  @Test
  void namesTheSchemeItRefuses() {
    assertEquals(Optional.of("javascript"), LinkPolicy.refusedScheme("&#x20;JaVa&#x09;Script&#58;alert(1)"));
    assertEquals(Optional.empty(), LinkPolicy.refusedScheme("https://example.com"));
  }
}
