package dev.errata.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Where a Markdown text may hold an address, read from its characters rather than from a parse:
 * whether a link with a refused scheme may be in it (so that a check parses only texts that may),
 * and whether the autolink extension could find anything in it (so that a parse runs that step
 * only where it may). Each answer errs only towards "may": the parse then decides.
 */
final class Addresses {
  private Addresses() {}

  /**
   * Whether a link or image to a refused address may be in {@code markdown}, told without parsing
   * it (a parse is most of the cost of checking a body, and nearly every body has a link). An
   * address is refused for its scheme, so only a place where one could start counts:
   * <ul>
   *   <li>an inline link's or image's destination, right after "](" and any white space, unless
   *       it starts with a scheme {@link LinkPolicy} allows and its ':', or holds nothing that is
   *       or could become a ':' (no ':', '&amp;', backslash, control, space or non-ASCII
   *       character up to the next white space, of which the destination is a prefix);
   *   <li>a reference definition ("]:"), whose address may be far from the link;
   *   <li>an autolink, '&lt;' and a scheme, unless {@link LinkPolicy} allows that scheme;
   *   <li>an address the autolink extension finds by its "://", unless the run of scheme
   *       characters before it is a scheme allowed; or by its "www.", when scheme characters and
   *       a ':' follow it (its address starts at the "www.", so that is its scheme); '@' gives
   *       mail links, which are always allowed;
   *   <li>an entity or a backslash before ':' or '/': the autolink extension reads text with
   *       those resolved, so they can make a "://" that the text does not show.
   * </ul>
   * Where any may be, the text is parsed and its links judged one by one.
   */
  static boolean mayRefuse(String markdown) {
    if (markdown.contains("]:")) {
      return true;
    }
    char[] a = markdown.toCharArray();
    for (int i = 0; i < a.length; i++) {
      char c = a[i];
      if (c == ']' && i + 1 < a.length && a[i + 1] == '(') {
        if (!plainDestination(a, i + 2)) {
          return true;
        }
      } else if (c == '<') {
        int end = i + 1;
        while (end < a.length && LinkPolicy.isSchemeChar(a[end])) {
          end++;
        }
        if (end < a.length && a[end] == ':' && !allowedScheme(a, i + 1, end)) {
          return true;
        }
      } else if ((c == 'w' || c == 'W') && startsWithIgnoreCase(a, i, "www.")) {
        int end = i;
        while (end < a.length && LinkPolicy.isSchemeChar(a[end])) {
          end++;
        }
        if (end < a.length && a[end] == ':') {
          return true;
        }
      } else if (c == '&' && i + 1 < a.length && (a[i + 1] == '#' || LinkPolicy.isAsciiLetter(a[i + 1]))) {
        return true;
      } else if (c == '\\' && i + 1 < a.length && (a[i + 1] == ':' || a[i + 1] == '/')) {
        return true;
      } else if (c == ':' && i + 2 < a.length && a[i + 1] == '/' && a[i + 2] == '/') {
        int start = i;
        while (start > 0 && LinkPolicy.isSchemeChar(a[start - 1])) {
          start--;
        }
        if (!allowedScheme(a, start, i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean plainDestination(char[] a, int from) {
    int i = from;
    while (i < a.length && (a[i] == ' ' || a[i] == '\t' || a[i] == '\n' || a[i] == '\r')) {
      i++;
    }
    int scheme = i;
    while (scheme < a.length && LinkPolicy.isSchemeChar(a[scheme])) {
      scheme++;
    }
    if (scheme < a.length && a[scheme] == ':' && allowedScheme(a, i, scheme)) {
      return true;
    }
    int path = -1;
    for (; i < a.length && a[i] != ' ' && a[i] != '\t' && a[i] != '\n' && a[i] != '\r'; i++) {
      char c = a[i];
      if (c == ':' || c == '&' || c == '\\' || c < 0x20 || c >= 0x7f) {
        return false;
      }
      if (path < 0 && (c == '#' || c == '?' || c == ')' || c == '>')) {
        path = i;
      }
    }
    // A relative address that ends in .md is parsed too: it names a Markdown file, which the site
    // does not publish (SafeTree.toMarkdownFile reports it).
    path = path < 0 ? i : path;
    return !(path - from >= 3 && startsWithIgnoreCase(a, path - 3, ".md"));
  }

  /** Whether {@code a[from, to)} is a scheme {@link LinkPolicy} allows. */
  private static boolean allowedScheme(char[] a, int from, int to) {
    // Compared in place: every address of every body comes here, and a String per address was
    // a tenth of a check's Markdown inspection.
    for (String scheme : LinkPolicy.SCHEMES) {
      if (scheme.length() == to - from && startsWithIgnoreCase(a, from, scheme)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoreCase(char[] a, int at, String prefix) {
    if (at + prefix.length() > a.length) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      char c = a[at + k];
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the autolink extension could find an address in {@code doc}: in a text node outside
   * code and links (it scans no other), read as it reads it, with escapes and entities resolved
   * and an entity that follows taken in.
   */
  static boolean autolinkMayFind(Document doc) {
    for (Node node : doc.getDescendants()) {
      if (!(node instanceof Text) || node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null) {
        continue;
      }
      if (node.getNext() instanceof HtmlEntity) {
        return true;
      }
      String text = DirectHtml.string(node.getChars());
      if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
        text = Escaping.unescapeString(text);
      }
      if (mayLink(text)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the autolink extension may find a link somewhere in {@code text} ({@link #mayLinkAt}). */
  static boolean mayLink(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (mayLinkAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the autolink extension may find a link at {@code i}: a "://", an "@", or a "www." in
   * any case (it links only the lower-case one; a "WWW." only costs a second parse).
   */
  static boolean mayLinkAt(String a, int i) {
    char c = a.charAt(i);
    return c == '@' || (c == ':' && i + 2 < a.length() && a.charAt(i + 1) == '/' && a.charAt(i + 2) == '/')
        || ((c | 0x20) == 'w' && i + 3 < a.length() && (a.charAt(i + 1) | 0x20) == 'w' && (a.charAt(i + 2) | 0x20) == 'w'
            && a.charAt(i + 3) == '.');
  }
}
