package dev.errata.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes a parsed document safe to render, walking it without recursion (its depth is what is
 * being checked): every link and image whose URL {@link LinkPolicy} refuses becomes its text (a
 * link its content, an image its description), and nesting deeper than {@link
 * MarkdownLimits#MAX_NESTING} levels of quotes, list items, emphasis and links is found, which
 * the renderer must not then walk. Each finding is a {@link MarkdownLimits.Problem} on the line of
 * the node.
 */
final class SafeTree {
  private SafeTree() {}

  /** What the walk found; {@code tooDeep} when the document must not be rendered as a tree. */
  record Result(List<MarkdownLimits.Problem> problems, boolean tooDeep) {}

  static Result apply(Document doc) {
    List<MarkdownLimits.Problem> problems = new ArrayList<>();
    List<Node> refused = new ArrayList<>();
    boolean tooDeep = false;
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> levels = new ArrayDeque<>();
    nodes.push(doc);
    levels.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int level = levels.pop() + (nests(node) ? 1 : 0);
      if (level > MarkdownLimits.MAX_NESTING && !tooDeep) {
        tooDeep = true;
        problems.add(new MarkdownLimits.Problem(line(node), String.format(Locale.ROOT,
            "Markdown nested more than %d levels deep (quotes, lists, emphasis or links inside each other)",
            MarkdownLimits.MAX_NESTING), "flatten it", true));
      }
      Optional<String> url = url(doc, node);
      if (url.isPresent() && !LinkPolicy.allows(url.get())) {
        refused.add(node);
        String scheme = LinkPolicy.refusedScheme(url.get()).orElse("?");
        problems.add(new MarkdownLimits.Problem(line(node), (node instanceof Image || node instanceof ImageRef ? "an image from '"
            : "a link to '") + shown(url.get()) + "': " + scheme + ": addresses are not allowed",
            "it is shown as text; link only to http, https or mailto addresses, or to a relative one such as another entry", false));
      } else if (url.isPresent() && written(node) && toMarkdownFile(url.get())) {
        problems.add(new MarkdownLimits.Problem(line(node), "a link to '" + shown(url.get())
            + "' leads nowhere on the site: its pages are HTML", "write another entry's page as its id and .html"
            + " ('python-backend-stub-not-healthy.html'), or a file elsewhere by its http or https address", false));
      }
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        nodes.push(child);
        levels.push(level);
      }
    }
    refused.forEach(SafeTree::asText);
    return new Result(List.copyOf(problems), tooDeep);
  }

  /** Whether {@code node} adds a level of nesting. */
  private static boolean nests(Node node) {
    return node instanceof BlockQuote || node instanceof ListItem || node instanceof DelimitedNode
        || node instanceof LinkNodeBase || node instanceof RefNode;
  }

  /** The address a link or image node will be written with; empty for other nodes and for mail links. */
  private static Optional<String> url(Document doc, Node node) {
    if (node instanceof MailLink) {
      return Optional.empty();
    }
    if (node instanceof LinkNodeBase link) {
      return Optional.of(link.getUrl().unescape());
    }
    if (node instanceof RefNode ref) {
      Reference r = ref.getReferenceNode(doc);
      return r == null ? Optional.empty() : Optional.of(r.getUrl().unescape());
    }
    return Optional.empty();
  }

  /** Whether {@code node} is a link or image as written, not an address the autolinker found in text. */
  private static boolean written(Node node) {
    return node instanceof com.vladsch.flexmark.ast.Link || node instanceof Image || node instanceof RefNode;
  }

  /**
   * Whether a relative address names a Markdown file ({@code other-entry.md}, {@code
   * ../docs/x.md#part}): a writer's link to the source of another entry, which the site does not
   * publish. {@link Addresses#mayRefuse} lets such a text be parsed, so that a check finds it too.
   */
  static boolean toMarkdownFile(String url) {
    String u = LinkPolicy.withoutInvisibles(url).strip();
    int scheme = 0;
    while (scheme < u.length() && LinkPolicy.isSchemeChar(u.charAt(scheme))) {
      scheme++;
    }
    if ((scheme < u.length() && u.charAt(scheme) == ':') || u.startsWith("//")) {
      return false;
    }
    int end = u.length();
    for (int i = 0; i < u.length(); i++) {
      if (u.charAt(i) == '#' || u.charAt(i) == '?') {
        end = i;
        break;
      }
    }
    return u.regionMatches(true, Math.max(0, end - 3), ".md", 0, 3) && end >= 3;
  }

  /** A link becomes its content; an image, whose content is its description, becomes that text. */
  private static void asText(Node node) {
    if (node instanceof Image || node instanceof ImageRef || !node.hasChildren()) {
      BasedSequence text = node instanceof Image image ? image.getText()
          : node instanceof RefNode ref ? ref.getText()
          : node instanceof LinkNodeBase link ? link.getUrl() : node.getChars();
      node.insertBefore(new Text(text));
    } else {
      while (node.getFirstChild() != null) {
        Node child = node.getFirstChild();
        child.unlink();
        node.insertBefore(child);
      }
    }
    node.unlink();
  }

  private static int line(Node node) {
    return node instanceof Document ? 1 : node.getStartLineNumber() + 1;
  }

  /** The URL for a message: one line, not too long. */
  private static String shown(String url) {
    String s = LinkPolicy.withoutInvisibles(url);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
