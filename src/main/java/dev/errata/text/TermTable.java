package dev.errata.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;

/**
 * The distinct terms one thread has met while counting, each numbered, found by its characters
 * in the text being scanned: a build counts an (entry, term) pair for every distinct word of
 * every body, and a String made, hashed and compared per token would be most of that cost. ASCII capitals are folded
 * to lower case while hashing and comparing, as {@link Tokenizer} would have folded them; text
 * with other characters is looked up through the String it lowers to. Not thread-safe: one table
 * per thread, all numbering their terms in one shared registry as well.
 */
public final class TermTable {
  private final Registry registry;
  private final Rules rules;
  /**
   * Open addressing: in each slot the term's hash (high half) and where its record starts in
   * {@link #chars} (low half), 0 for empty. A record is the term's id with {@link #STOPWORD}
   * (two chars), its length (one) and its characters, so a lookup touches two places, the slot
   * and the record: between two entries' bodies the rendering pushes the table out of the
   * processor's cache, and each further array read per word (separate offsets, lengths, a
   * stopword flag) would be one more miss.
   */
  private long[] slots = new long[1 << 14];
  private char[] chars = new char[1 << 16];
  /** Records start after offset 0, which marks an empty slot. */
  private int charsUsed = 1;
  /** Each term's number in the registry. */
  private int[] registered = new int[1 << 12];
  private int size;
  private static final int HEADER = 3;
  /** Set in what {@link #lookup} returns for a stopword; {@link #ID} masks it off. */
  static final int STOPWORD = 0x8000_0000;
  static final int ID = 0x7fff_ffff;

  /** Null when this table's counting leaves synonyms alone. */
  private final Synonyms synonyms;

  /** @param registry numbers terms across tables; safe to share between threads */
  public TermTable(Registry registry, Rules rules) {
    this(registry, rules, false);
  }

  /** @param synonyms whether text scanned with this table counts, beside each phrase of a group of synonyms, the others */
  public TermTable(Registry registry, Rules rules, boolean synonyms) {
    this.registry = registry;
    this.rules = rules;
    this.synonyms = synonyms && !rules.synonyms.isEmpty() ? new Synonyms(rules.synonyms, this) : null;
  }

  Synonyms synonyms() {
    return synonyms;
  }

  int size() {
    return size;
  }

  Rules rules() {
    return rules;
  }

  /**
   * The id of {@code s[start, stop)} with ASCII capitals folded, added when new. Text with other
   * characters must be lowered first, as {@link #id(String)} expects.
   */
  int id(char[] s, int start, int stop) {
    return lookup(s, start, stop) & ID;
  }

  /** As {@link #id(char[], int, int)}, with {@link #STOPWORD} set when the term is a stopword. */
  int lookup(char[] s, int start, int stop) {
    int h = 0;
    for (int i = start; i < stop; i++) {
      // Folds capitals as lower() does, and merges a few other pairs ('@' and '`'): only more
      // collisions, never a missed match, and no branch per character.
      h = 31 * h + (s[i] | 0x20);
    }
    int mask = slots.length - 1;
    int n = stop - start;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      long v = slots[slot];
      if (v == 0) {
        return add(s, start, n, h, slot);
      }
      if ((int) (v >>> 32) == h) {
        int at = (int) v;
        if (chars[at - 1] == n && same(at, s, start, n)) {
          return chars[at - 3] << 16 | chars[at - 2];
        }
      }
    }
  }

  /** The id of a term already in lower case. */
  int id(String term) {
    char[] s = term.toCharArray();
    return id(s, 0, s.length);
  }

  String term(int id) {
    return registry.term(registered[id]);
  }

  /** The term's number in the registry, the same in every table. */
  public int registered(int id) {
    return registered[id];
  }

  /** Whether the record at {@code at} holds {@code s[start, start + n)} with capitals folded. */
  private boolean same(int at, char[] s, int start, int n) {
    for (int i = 0; i < n; i++) {
      char d = s[start + i];
      char e = chars[at + i];
      // The record is in lower case: equal characters match, and a capital matches its letter.
      if (d != e && (d < 'A' || d > 'Z' || d + 32 != e)) {
        return false;
      }
    }
    return true;
  }

  private int add(char[] s, int start, int n, int h, int slot) {
    if (size == registered.length) {
      int grown = size * 2;
      registered = Arrays.copyOf(registered, grown);
    }
    if (charsUsed + HEADER + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + HEADER + n));
    }
    int id = size++;
    int at = charsUsed + HEADER;
    for (int i = 0; i < n; i++) {
      chars[at + i] = lower(s[start + i]);
    }
    String term = new String(chars, at, n);
    int found = rules.isStopword(term) ? id | STOPWORD : id;
    chars[at - 3] = (char) (found >>> 16);
    chars[at - 2] = (char) found;
    chars[at - 1] = (char) n;
    registered[id] = registry.id(term);
    charsUsed = at + n;
    slots[slot] = ((long) h << 32) | at;
    if (size * 2 > slots.length) {
      rehash();
    }
    return found;
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long v : old) {
      if (v != 0) {
        int slot = mix((int) (v >>> 32)) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = v;
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * The terms of one counting (all tables that count a build's entries), numbered in the order threads first met them, one String each.
   * Tables ask here only for terms new to them, a few ten thousand times a build.
   */
  public static final class Registry {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] terms = new String[1 << 12];

    public synchronized int id(String term) {
      Integer known = ids.get(term);
      if (known != null) {
        return known;
      }
      int id = ids.size();
      if (id == terms.length) {
        terms = java.util.Arrays.copyOf(terms, id * 2);
      }
      terms[id] = term;
      ids.put(term, id);
      return id;
    }

    /** The numbers of {@code texts}, numbering those not seen yet. */
    public synchronized int[] ids(String[] texts) {
      int[] out = new int[texts.length];
      for (int i = 0; i < texts.length; i++) {
        out[i] = id(texts[i]);
      }
      return out;
    }

    public synchronized String term(int id) {
      return terms[id];
    }

    public synchronized String[] terms() {
      return java.util.Arrays.copyOf(terms, ids.size());
    }
  }
}
