package dev.errata.match;

import java.util.Arrays;

/**
 * The distinct terms one thread has met while counting, each numbered, found by its characters
 * in the text being scanned: a build counts three million (entry, term) pairs, and a String made,
 * hashed and compared per token was most of the cost of counting them. ASCII capitals are folded
 * to lower case while hashing and comparing, as {@link Tokenizer} would have folded them; text
 * with other characters is looked up through the String it lowers to. Not thread-safe: one table
 * per thread, all numbering their terms in one shared registry as well.
 */
final class TermTable {
  private final TermCounts.Registry registry;
  private final Rules rules;
  /**
   * Open addressing: in each slot the term's hash (high half) and id + 1 (low half), 0 for
   * empty. A lookup touches the slot, the term's span and its characters, three places, where
   * separate arrays of hashes, offsets and lengths made five cache misses of it.
   */
  private long[] slots = new long[1 << 14];
  private char[] chars = new char[1 << 16];
  private int charsUsed;
  /** Offset and length of each term's characters, side by side. */
  private int[] span = new int[2 << 12];
  /** Each term's number in the registry. */
  private int[] registered = new int[1 << 12];
  private boolean[] stopword = new boolean[1 << 12];
  private int size;

  /** @param registry numbers terms across tables; safe to share between threads */
  TermTable(TermCounts.Registry registry, Rules rules) {
    this.registry = registry;
    this.rules = rules;
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
    int h = 0;
    for (int i = start; i < stop; i++) {
      h = 31 * h + lower(s[i]);
    }
    int mask = slots.length - 1;
    int n = stop - start;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      long v = slots[slot];
      if (v == 0) {
        return add(s, start, n, h, slot);
      }
      if ((int) (v >>> 32) == h) {
        int id = (int) v - 1;
        if (span[2 * id + 1] == n && same(id, s, start, n)) {
          return id;
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
  int registered(int id) {
    return registered[id];
  }

  boolean isStopword(int id) {
    return stopword[id];
  }

  private boolean same(int id, char[] s, int start, int n) {
    int at = span[2 * id];
    for (int i = 0; i < n; i++) {
      if (chars[at + i] != lower(s[start + i])) {
        return false;
      }
    }
    return true;
  }

  private int add(char[] s, int start, int n, int h, int slot) {
    if (size == registered.length) {
      int grown = size * 2;
      span = Arrays.copyOf(span, 2 * grown);
      registered = Arrays.copyOf(registered, grown);
      stopword = Arrays.copyOf(stopword, grown);
    }
    if (charsUsed + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + n));
    }
    for (int i = 0; i < n; i++) {
      chars[charsUsed + i] = lower(s[start + i]);
    }
    int id = size++;
    String term = new String(chars, charsUsed, n);
    span[2 * id] = charsUsed;
    span[2 * id + 1] = n;
    registered[id] = registry.id(term);
    stopword[id] = rules.isStopword(term);
    charsUsed += n;
    slots[slot] = ((long) h << 32) | (id + 1);
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
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
}
