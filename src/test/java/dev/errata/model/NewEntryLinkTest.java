package dev.errata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** site.yml's new_entry_url filled for a paste: the placeholders, the encoding and the cut. */
class NewEntryLinkTest {
  static final String TEMPLATE = "https://git.example/issues/new?title={title}&body={paste}";

  @Test
  void fillsTheTitleFromTheFirstLineAndThePasteWhole() {
    assertEquals("https://git.example/issues/new?title=E1%3A%20it's%20%C3%BCber%20(1)&body=%0A%20%20E1%3A%20it's%20%C3%BCber%20(1)%20%20%0Anext%20%26%20more",
        NewEntryLink.fill(TEMPLATE, "\n  E1: it's über (1)  \nnext & more"));
  }

  @Test
  void encodesAsEncodeUriComponentDoes() {
    assertEquals("A-z0-9-_.!~*'()%20%2F%3F%23%25%2B%F0%9F%98%80%EF%BF%BD", NewEntryLink.encode("A-z0-9-_.!~*'() /?#%+\uD83D\uDE00\uD800"));
  }

  @Test
  void cutsALongPasteAtAWholeCharacterSoTheAddressStaysWithinTheLimit() {
    String paste = "é".repeat(5000);
    String url = NewEntryLink.fill(TEMPLATE, paste);
    assertTrue(url.length() <= SiteInfo.MAX_URL, "length " + url.length());
    assertTrue(url.length() > SiteInfo.MAX_URL - 6 - 9, "no more is cut than one character and the ellipsis: " + url.length());
    assertTrue(url.endsWith("%C3%A9%E2%80%A6"), url.substring(url.length() - 20));
  }

  @Test
  void capsTheTitleAndLeavesATemplateWithoutPlaceholdersAlone() {
    String title = NewEntryLink.title("x".repeat(500));
    assertEquals(SiteInfo.MAX_TITLE, title.length());
    assertEquals("https://forms.example/new", NewEntryLink.fill("https://forms.example/new", "anything"));
    assertEquals("", NewEntryLink.fill("", "anything"));
  }
}
