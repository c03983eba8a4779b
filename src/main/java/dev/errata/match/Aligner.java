package dev.errata.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns a template with tokens by dynamic programming (semi-global: the template may sit
 * anywhere in the line, and every template position is either matched or counted missing).
 * Cost is template length times line length, both capped, so a hostile line costs a bounded
 * amount. Missing literals at the start of a line that begins mid-message, or at the end of one
 * that stops early, count as a cut paste; missing or different literals in between contradict.
 */
final class Aligner {
  static final int MAX_TOKENS = 192;
  static final int MAX_ITEMS = 96;

  private static final double INSERT = 0.25;
  private static final double SLOT_GAIN = 0.5;
  /** Extra for a number equal to the one in a symptom pasted as seen. */
  private static final double SAME_NUMBER = 1.5;
  /** Extra, scaled by the share of words in common, for a path like the one in the symptom. */
  private static final double PATH_WORDS = 2.0;

  private static final byte OP_NONE = 0;
  private static final byte OP_MATCH = 1;
  private static final byte OP_SUB = 2;
  private static final byte OP_DEL = 3;
  private static final byte OP_INS = 4;
  private static final byte OP_EXTEND = 5;

  private Aligner() {}

  static Alignment align(Template t, List<Token> tokens, double[] weights) {
    List<Template.Item> items = t.items();
    int m = Math.min(items.size(), MAX_ITEMS);
    int n = Math.min(tokens.size(), MAX_TOKENS);
    if (m == 0 || n == 0) {
      return Alignment.NONE;
    }
    Parts parts = new Parts(items, tokens, n);
    double[][] s = new double[m + 1][n + 1];
    byte[][] op = new byte[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      Template.Item it = items.get(i - 1);
      double w = weights[i - 1];
      // Template position i missing before any line token.
      s[i][0] = s[i - 1][0] - deletion(it, w);
      op[i][0] = OP_DEL;
      for (int j = 1; j <= n; j++) {
        Token tok = tokens.get(j - 1);
        double best;
        byte how;
        double del = s[i - 1][j] - deletion(it, w);
        if (it.slot() == Template.Slot.LITERAL) {
          boolean eq = it.text().equals(tok.text());
          best = eq ? s[i - 1][j - 1] + w : s[i - 1][j - 1] - 0.5 * w;
          how = eq ? OP_MATCH : OP_SUB;
        } else {
          best = s[i - 1][j - 1] + parts.gain(i - 1, j - 1);
          how = OP_MATCH;
          double extend = s[i][j - 1] - (it.slot() == Template.Slot.ANY ? 0 : 0.05);
          if (extend > best) {
            best = extend;
            how = OP_EXTEND;
          }
        }
        if (del > best) {
          best = del;
          how = OP_DEL;
        }
        if (i < m && it.slot() == Template.Slot.LITERAL) {
          double ins = s[i][j - 1] - INSERT;
          if (ins > best) {
            best = ins;
            how = OP_INS;
          }
        }
        s[i][j] = best;
        op[i][j] = how;
      }
    }
    int endJ = 0;
    for (int j = 1; j <= n; j++) {
      if (s[m][j] > s[m][endJ]) {
        endJ = j;
      }
    }
    return trace(t, tokens, weights, op, m, n, endJ, parts);
  }

  /**
   * In a symptom pasted as seen (no placeholders), names of models and tensors vary from paste
   * to paste; they usually carry digits or underscores. A plain word missing from the paste is
   * a different message, not a different name.
   */
  private static boolean isPlainWord(String s) {
    if (s.length() < 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> reversed(List<Integer> in) {
    List<Integer> out = new ArrayList<>(in);
    java.util.Collections.reverse(out);
    return List.copyOf(out);
  }

  private static double deletion(Template.Item it, double w) {
    return switch (it.slot()) {
      case LITERAL -> 0.1 * w;
      case ANY -> 0;
      default -> 0.2;
    };
  }

  /** Gains of slots, with the words of paths split once per alignment. */
  private static final class Parts {
    private final List<Template.Item> items;
    private final List<Token> tokens;
    private final java.util.Map<Integer, java.util.Set<String>> itemWords = new java.util.HashMap<>();
    private final java.util.Map<Integer, java.util.Set<String>> tokenWords = new java.util.HashMap<>();

    Parts(List<Template.Item> items, List<Token> tokens, int n) {
      this.items = items;
      this.tokens = tokens;
    }

    /** What a slot gains by taking token j. */
    double gain(int i, int j) {
      Template.Item it = items.get(i);
      Token tok = tokens.get(j);
      return switch (it.slot()) {
        case NUMBER -> tok.kind() != Token.Kind.NUMBER ? -0.3
            : SLOT_GAIN + (!it.text().isEmpty() && it.text().equals(tok.text()) ? SAME_NUMBER : 0);
        case PATH -> tok.kind() != Token.Kind.PATH ? 0.1
            : SLOT_GAIN + PATH_WORDS * similarity(i, j) + (!it.text().isEmpty() && it.text().equals(tok.text()) ? SAME_NUMBER : 0);
        case NAME -> 0.3;
        case ANY, LITERAL -> 0;
      };
    }

    /** The most a slot can gain. */
    double max(int i) {
      Template.Item it = items.get(i);
      return switch (it.slot()) {
        case NUMBER -> SLOT_GAIN + (it.text().isEmpty() ? 0 : SAME_NUMBER);
        case PATH -> SLOT_GAIN + (words(itemWords, i, it.text()).isEmpty() ? 0 : PATH_WORDS) + (it.text().isEmpty() ? 0 : SAME_NUMBER);
        default -> SLOT_GAIN;
      };
    }

    private double similarity(int i, int j) {
      java.util.Set<String> a = words(itemWords, i, items.get(i).text());
      if (a.isEmpty()) {
        return 0;
      }
      java.util.Set<String> b = words(tokenWords, j, tokens.get(j).text());
      int shared = 0;
      for (String w : a) {
        if (b.contains(w)) {
          shared++;
        }
      }
      return (double) shared / a.size();
    }

    private static java.util.Set<String> words(java.util.Map<Integer, java.util.Set<String>> cache, int key, String text) {
      return cache.computeIfAbsent(key, k -> {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.split("[/._:\\-]+")) {
          if (w.length() >= 2 && !Character.isDigit(w.charAt(0))) {
            out.add(w);
          }
        }
        return out;
      });
    }
  }

  private static Alignment trace(Template t, List<Token> tokens, double[] weights, byte[][] op, int m, int n, int endJ,
      Parts parts) {
    List<Template.Item> items = t.items();
    byte[] itemOp = new byte[m];
    int[] itemTok = new int[m];
    List<Integer> matched = new ArrayList<>();
    int insertions = 0;
    int i = m;
    int j = endJ;
    int startJ = endJ;
    while (i > 0) {
      byte o = op[i][j];
      if (o == OP_MATCH || o == OP_SUB) {
        itemOp[i - 1] = o;
        itemTok[i - 1] = j - 1;
        if (o == OP_MATCH && items.get(i - 1).slot() == Template.Slot.LITERAL) {
          matched.add(j - 1);
        }
        startJ = j - 1;
        i--;
        j--;
      } else if (o == OP_EXTEND) {
        startJ = j - 1;
        j--;
      } else if (o == OP_INS) {
        insertions++;
        j--;
      } else {
        itemOp[i - 1] = OP_DEL;
        i--;
      }
    }
    double total = 0;
    double gained = 0;
    double substituted = 0;
    int literals = 0;
    int first = -1;
    int last = -1;
    for (int k = 0; k < m; k++) {
      Template.Item it = items.get(k);
      if (it.slot() == Template.Slot.ANY) {
        continue;
      }
      double w = it.slot() == Template.Slot.LITERAL ? weights[k] : parts.max(k);
      total += w;
      double slotGain = it.slot() == Template.Slot.LITERAL || itemOp[k] != OP_MATCH ? 0 : parts.gain(k, itemTok[k]);
      boolean hit = itemOp[k] == OP_MATCH && (it.slot() == Template.Slot.LITERAL || slotGain > 0);
      if (hit) {
        gained += it.slot() == Template.Slot.LITERAL ? w : Math.min(w, slotGain);
        if (it.slot() == Template.Slot.LITERAL) {
          literals++;
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      } else if (itemOp[k] == OP_SUB) {
        substituted += w;
      }
    }
    if (literals == 0) {
      return Alignment.NONE;
    }
    boolean headCut = startJ == 0;
    boolean tailCut = endJ == n;
    boolean contradicted = false;
    boolean complete = true;
    for (int k = 0; k < m; k++) {
      Template.Item it = items.get(k);
      if (it.slot() == Template.Slot.ANY) {
        continue;
      }
      boolean missing = itemOp[k] == OP_DEL || itemOp[k] == OP_SUB
          || (itemOp[k] == OP_MATCH && it.slot() != Template.Slot.LITERAL && parts.gain(k, itemTok[k]) <= 0);
      if (!missing) {
        continue;
      }
      complete = false;
      boolean inHead = k < first;
      boolean inTail = k > last;
      boolean cut = itemOp[k] == OP_DEL && ((inHead && headCut) || (inTail && tailCut));
      if (!cut && it.slot() == Template.Slot.LITERAL && (t.explicit() || isPlainWord(it.text()))) {
        contradicted = true;
      }
    }
    double quality = Math.max(0, (gained - 0.5 * substituted - INSERT * insertions) / Math.max(total, 1e-9));
    boolean exact = complete && insertions == 0 && !contradicted;
    return new Alignment(Math.min(1, quality), exact, contradicted, literals, reversed(matched),
        startJ, endJ, tailCut && last < m - 1);
  }
}
