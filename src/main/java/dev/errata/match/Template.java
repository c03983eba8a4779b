package dev.errata.match;

import dev.errata.text.Token;
import dev.errata.text.Tokenizer;
import dev.errata.model.Symptom;
import java.util.ArrayList;
import java.util.List;

/**
 * A symptom compiled for alignment: literal tokens and placeholder slots in order. In a symptom
 * written without any placeholder (pasted as seen), numbers and paths are taken as varying, so
 * they become {@code {n}} and {@code {path}} slots; where the author did use placeholders, every
 * literal is meant literally, and a different number there contradicts the symptom.
 *
 * @param primary whether it is its entry's first symptom, the entry's main error
 * @param downstream whether its entry's error follows from other failures ({@code downstream}
 *     in the front matter): its answers come after the other confident ones
 */
public record Template(int entry, String text, List<Item> items, boolean explicit, boolean primary, boolean downstream) {

  /** One position of a template. */
  public record Item(Slot slot, String text) {
    /** A word of the message (whole, or the start or end of a longer token), as opposed to a slot. */
    public boolean isWord() {
      return slot == Slot.LITERAL || slot == Slot.PREFIX || slot == Slot.SUFFIX;
    }

    /** Whether a pasted token is this word. */
    public boolean accepts(String token) {
      return switch (slot) {
        case LITERAL -> text.equals(token);
        case PREFIX -> token.length() > text.length() && token.startsWith(text);
        case SUFFIX -> token.length() > text.length() && token.endsWith(text);
        default -> false;
      };
    }

    /** The word by which the index finds this position: the text without its joining character. */
    public String key() {
      return switch (slot) {
        case PREFIX -> text.substring(0, text.length() - (isJoiner(text.charAt(text.length() - 1)) ? 1 : 0));
        case SUFFIX -> text.substring(isJoiner(text.charAt(0)) ? 1 : 0);
        default -> text;
      };
    }
  }

  /** The characters the tokenizer keeps inside a word when a letter or digit follows. */
  static boolean isJoiner(char c) {
    return c == '.' || c == '-' || c == '+';
  }

  /** What a position accepts. */
  public enum Slot {
    LITERAL,
    /** A word that starts a longer token: {@code c_python_backend_utils.} of {@code c_python_backend_utils.{name}}. */
    PREFIX,
    /** A word that ends a longer token: {@code _output} of {@code {name}_output}. */
    SUFFIX,
    NUMBER,
    NAME,
    PATH,
    ANY
  }

  public Template {
    items = List.copyOf(items);
  }

  public static Template compile(int entry, Symptom symptom) {
    return compile(entry, symptom, java.util.Set.of(), true);
  }

  /**
   * @param identity numbers that name this error rather than an occurrence of it (those in the
   *     entry's title: an exit code, a driver version); in a symptom pasted as seen, only these
   *     must be equal in the paste, all other numbers are sizes, lines and ids that vary
   * @param primary whether this is the entry's first symptom, its main error
   */
  public static Template compile(int entry, Symptom symptom, java.util.Set<String> identity, boolean primary) {
    List<Item> items = new ArrayList<>();
    boolean explicit = symptom.parts().stream().anyMatch(p -> p instanceof Symptom.Placeholder);
    List<Symptom.Part> parts = symptom.parts();
    // Each literal's tokens, read once: where a named number stands decides how each is kept.
    List<List<Token>> tokensOf = parts.stream()
        .map(x -> x instanceof Symptom.Literal lit ? Tokenizer.tokenize(lit.text()) : List.<Token>of()).toList();
    java.util.Set<String> namedOutsideLists = namedOutsideLists(parts, tokensOf, identity);
    for (int p = 0; p < parts.size(); p++) {
      Symptom.Part part = parts.get(p);
      if (part instanceof Symptom.Literal lit) {
        String text = lit.text();
        List<Token> tokens = tokensOf.get(p);
        // A word glued to a name ({name}_output) is one token in a paste; glued to {*} it is not,
        // since {*} may be empty or start with a space.
        boolean placeholderBefore = p > 0 && glues(parts.get(p - 1));
        boolean placeholderAfter = p + 1 < parts.size() && glues(parts.get(p + 1));
        for (int k = 0; k < tokens.size(); k++) {
          Token t = tokens.get(k);
          if (k == 0 && placeholderBefore && t.start() == 0 && t.kind() == Token.Kind.WORD && !items.isEmpty()) {
            // {name}_output: in a paste the name and the suffix are one token.
            items.set(items.size() - 1, new Item(Slot.SUFFIX, t.text()));
          } else if (k == tokens.size() - 1 && placeholderAfter && t.kind() == Token.Kind.WORD && gluedAtEnd(text, t)) {
            // c_python_backend_utils.{name}: likewise, the prefix and the name are one token.
            items.add(new Item(Slot.PREFIX, text.substring(t.start(), text.length()).toLowerCase(java.util.Locale.ROOT)));
            p++;
          } else if (!explicit && t.kind() == Token.Kind.NUMBER) {
            // Kept: a number that is the same in the paste is a constant of this error (an exit
            // code, a version). In a list of numbers ("from versions: 3.0.0, 3.3.1") a number the
            // symptom names elsewhere too is one value among others, which vary: there it is free.
            boolean named = identity.contains(t.text()) && !(inList(text, tokens, k) && namedOutsideLists.contains(t.text()));
            items.add(new Item(Slot.NUMBER, named ? t.text() : ""));
          } else if (t.kind() == Token.Kind.PATH && isFileName(t.text())) {
            // A bare file or library name (libcudart.so.12, tokenizer.json) names this error:
            // another name is another error, so it is a literal, as written.
            items.add(new Item(Slot.LITERAL, t.text()));
          } else if (t.kind() == Token.Kind.PATH) {
            // Kept: the words of a path (a layer or an operator) tell siblings apart, and so do
            // the numbers in it that the title names (an image tag, a layer's index).
            items.add(new Item(Slot.PATH, explicit ? "" : identityPath(t.text(), identity)));
          } else {
            items.add(new Item(Slot.LITERAL, t.text()));
          }
        }
      } else if (part instanceof Symptom.Placeholder ph) {
        items.add(new Item(switch (ph.kind()) {
          case NUMBER -> Slot.NUMBER;
          case NAME -> Slot.NAME;
          case PATH -> Slot.PATH;
          case ANY -> Slot.ANY;
        }, ""));
      }
    }
    return new Template(entry, symptom.display(), merge(items), explicit, primary, false);
  }

  /** The numbers of {@code identity} that the symptom's text holds somewhere outside a list of numbers. */
  private static java.util.Set<String> namedOutsideLists(List<Symptom.Part> parts, List<List<Token>> tokensOf,
      java.util.Set<String> identity) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int p = 0; p < parts.size(); p++) {
      if (parts.get(p) instanceof Symptom.Literal lit) {
        List<Token> tokens = tokensOf.get(p);
        for (int k = 0; k < tokens.size(); k++) {
          Token t = tokens.get(k);
          if (t.kind() == Token.Kind.NUMBER && identity.contains(t.text()) && !inList(lit.text(), tokens, k)) {
            out.add(t.text());
          }
        }
      }
    }
    return out;
  }

  /** Whether number token {@code k} is one of a list: a number beside it with only a comma (and spaces) between. */
  static boolean inList(String text, List<Token> tokens, int k) {
    return k > 0 && commaBetween(text, tokens.get(k - 1), tokens.get(k))
        || k + 1 < tokens.size() && commaBetween(text, tokens.get(k), tokens.get(k + 1));
  }

  private static boolean commaBetween(String text, Token a, Token b) {
    if (a.kind() != Token.Kind.NUMBER || b.kind() != Token.Kind.NUMBER) {
      return false;
    }
    String between = text.substring(a.end(), b.start()).strip();
    return between.equals(",");
  }

  /**
   * A path pasted as seen, as the words and numbers a paste must share with it: its words, and
   * of its numbers only those the title names (the title's tokens and their parts); other
   * numbers (a model version directory, a node's index) vary from paste to paste.
   */
  static String identityPath(String path, java.util.Set<String> identity) {
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String id : identity) {
      for (String part : MatchIndex.pathParts(id)) {
        if (Character.isDigit(part.charAt(0))) {
          named.add(part);
        }
      }
    }
    List<String> kept = new ArrayList<>();
    for (String part : MatchIndex.pathParts(path)) {
      if (!Character.isDigit(part.charAt(0)) || named.contains(part)) {
        kept.add(part);
      }
    }
    // Never empty: an empty text marks a placeholder slot, which merges with its neighbours.
    return kept.isEmpty() ? "/" : String.join("/", kept);
  }

  /** A path of one part: no folder, no scheme. */
  static boolean isFileName(String path) {
    return path.indexOf('/') < 0 && path.indexOf('\\') < 0 && path.indexOf(':') < 0;
  }

  private static boolean glues(Symptom.Part part) {
    return part instanceof Symptom.Placeholder ph && ph.kind() != Symptom.Kind.ANY;
  }

  /** The token ends the literal, or only a joining character ({@code . - +}) follows it. */
  private static boolean gluedAtEnd(String text, Token t) {
    if (t.end() == text.length()) {
      return true;
    }
    if (t.end() == text.length() - 1) {
      char c = text.charAt(text.length() - 1);
      return isJoiner(c);
    }
    return false;
  }

  /**
   * Slots written next to each other ({@code "http://{*}/v2/health/live"} gives path, any, path)
   * stand for what a paste shows as one token or run: they become one slot.
   */
  private static List<Item> merge(List<Item> items) {
    List<Item> out = new ArrayList<>();
    for (Item it : items) {
      Item prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && prev.slot() != Slot.LITERAL && it.slot() != Slot.LITERAL && glued(prev, it)) {
        if (prev.slot() == Slot.ANY || it.slot() == Slot.ANY || prev.slot() != it.slot()) {
          out.set(out.size() - 1, new Item(Slot.ANY, ""));
        }
        continue;
      }
      out.add(it);
    }
    return out;
  }

  /**
   * Slots from placeholders carry no text, nor do the numbers of a symptom pasted as seen (a list
   * of them is one run of any length). A slot with text (a path's words, a number the title
   * names) is what tells an entry from its siblings: it never dissolves into its neighbours.
   */
  private static boolean glued(Item a, Item b) {
    return a.text().isEmpty() && b.text().isEmpty();
  }

  /** The template's words in order, slots as markers: templates of one error shape sort together. */
  public String shapeKey() {
    StringBuilder b = new StringBuilder();
    for (Item i : items) {
      b.append(i.slot() == Slot.LITERAL || i.slot() == Slot.PREFIX ? i.text() : "\u0001").append(' ');
    }
    return b.toString();
  }
}
