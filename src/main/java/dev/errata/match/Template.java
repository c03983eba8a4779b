package dev.errata.match;

import dev.errata.model.Symptom;
import java.util.ArrayList;
import java.util.List;

/**
 * A symptom compiled for alignment: literal tokens and placeholder slots in order. In a symptom
 * written without any placeholder (pasted as seen), numbers and paths are taken as varying, so
 * they become {@code {n}} and {@code {path}} slots; where the author did use placeholders, every
 * literal is meant literally, and a different number there contradicts the symptom.
 */
public record Template(int entry, String text, List<Item> items, boolean explicit) {

  /** One position of a template. */
  public record Item(Slot slot, String text) {}

  /** What a position accepts. */
  public enum Slot {
    LITERAL,
    NUMBER,
    NAME,
    PATH,
    ANY
  }

  public Template {
    items = List.copyOf(items);
  }

  public static Template compile(int entry, Symptom symptom) {
    return compile(entry, symptom, java.util.Set.of());
  }

  /**
   * @param identity numbers that name this error rather than an occurrence of it (those in the
   *     entry's title: an exit code, a driver version); in a symptom pasted as seen, only these
   *     must be equal in the paste, all other numbers are sizes, lines and ids that vary
   */
  public static Template compile(int entry, Symptom symptom, java.util.Set<String> identity) {
    List<Item> items = new ArrayList<>();
    boolean explicit = symptom.parts().stream().anyMatch(p -> p instanceof Symptom.Placeholder);
    for (Symptom.Part part : symptom.parts()) {
      if (part instanceof Symptom.Literal lit) {
        for (Token t : Tokenizer.tokenize(lit.text())) {
          if (!explicit && t.kind() == Token.Kind.NUMBER) {
            // Kept: a number that is the same in the paste is a constant of this error (an exit code, a version).
            items.add(new Item(Slot.NUMBER, identity.contains(t.text()) ? t.text() : ""));
          } else if (t.kind() == Token.Kind.PATH) {
            // Kept: the words of a path (a layer or an operator) tell siblings apart.
            items.add(new Item(Slot.PATH, explicit ? "" : t.text()));
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
    return new Template(entry, symptom.display(), merge(items), explicit);
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

  /** Slots from placeholders carry no text; two slots from one pasted token cannot both be there. */
  private static boolean glued(Item a, Item b) {
    return a.text().isEmpty() || b.text().isEmpty();
  }

  public int literalCount() {
    int n = 0;
    for (Item i : items) {
      if (i.slot() == Slot.LITERAL) {
        n++;
      }
    }
    return n;
  }
}
