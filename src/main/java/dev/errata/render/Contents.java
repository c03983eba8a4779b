package dev.errata.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of an entry's body: its second-level headings, read from the body's
 * HTML (which our Markdown writer made, so its shape is known). Only a body with more than
 * {@link #MORE_THAN} sections gets one; a shorter body is seen whole at a glance.
 */
final class Contents {
  static final int MORE_THAN = 3;
  private static final Pattern H2 = Pattern.compile("<h2 id=\"([^\"]*)\">(.*?)</h2>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Contents() {}

  /** The body's sections when there are more than three of them, else none. */
  static List<Views.Heading> of(String bodyHtml) {
    List<Views.Heading> out = new ArrayList<>();
    Matcher m = H2.matcher(bodyHtml);
    while (m.find()) {
      // Tags go (a link inside a link is invalid); the text stays escaped as the body wrote it.
      out.add(new Views.Heading(m.group(1), TAG.matcher(m.group(2)).replaceAll("").strip()));
    }
    return out.size() > MORE_THAN ? List.copyOf(out) : List.of();
  }
}
