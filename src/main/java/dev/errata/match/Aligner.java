package dev.errata.match;

import dev.errata.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Aligns a template with tokens by dynamic programming (semi-global: the template may sit
 * anywhere in the line, and every template position is either matched or counted missing).
 * Cost is template length times line length, both capped, so a hostile line costs a bounded
 * amount.
 *
 * <p>Two figures come out. {@code quality} is the share of the template found, for confidence.
 * {@code evidence} ranks: every matched word adds its weight, every word that should be there
 * and is not takes it away, and words missing only because the paste was cut short count
 * neither way. Ranking by evidence rather than by share keeps one differing constant (an
 * operator, a library, an exit code) decisive even in a long message.
 */
public final class Aligner {
  // The public constants are read by the browser's port too: the build writes them into the
  // search manifest (SearchIndexWriter), and errata-match.js reads them from there.
  public static final int MAX_TOKENS = 192;
  public static final int MAX_ITEMS = 96;

  /** What a pasted token inside the template costs. */
  public static final double INSERT = 0.25;
  /** What a slot gains from a token of its kind. */
  public static final double SLOT_GAIN = 0.5;
  /** A word of the template facing another word loses this share of its weight. */
  public static final double SUBSTITUTION = 0.5;
  /** A missing word costs this share of its weight while aligning; a missing slot costs {@link #SLOT_DELETION}. */
  public static final double WORD_DELETION = 0.1;
  public static final double SLOT_DELETION = 0.2;
  /** What a slot pays for each further token it takes ({@code {*}} takes any number free). */
  public static final double SLOT_EXTENSION = 0.05;
  /**
   * What a number the title names gains while aligning from the same number in the paste: less
   * than any other cost, so it never buys a skipped word, but it decides between alignments that
   * are otherwise equal (in "versions: 2.0.0, 2.3.1, 2.6.2" the named 2.3.1 takes 2.3.1, not
   * whichever number a tie left it).
   */
  public static final double EQUAL_NUMBER_TIE = 0.01;
  /** What a path slot gains from a token that is not a path. */
  public static final double PATH_MISS_GAIN = 0.1;
  /** What a name slot gains from any token. */
  public static final double NAME_GAIN = 0.3;
  /** In quality, substituted words count against it by this share of their weight. */
  public static final double QUALITY_SUBSTITUTED = 0.5;
  /** A missing plain word heavier than this makes a symptom pasted as seen contradicted. */
  public static final double PLAIN_WORD_WEIGHT = 1.0;
  /** The shortest plain word. */
  public static final int MIN_PLAIN_WORD = 2;
  /**
   * The shortest last word of a paste that is taken as cut inside a word of the template: a
   * selection that stops in "target dev" stopped inside "device".
   */
  public static final int MIN_CUT_WORD = 3;
  /** The least total weight divided by: a template of slots only has none. */
  public static final double MIN_TOTAL = 1e-9;
  /**
   * A literal word of this many letters or more may face its misspelling: a word of letters one
   * edit away (a letter changed, added, dropped, or two side by side swapped), as a message typed
   * again from a screenshot or a chat has them. Shorter words are too often other words.
   */
  public static final int NEAR_LENGTH = 6;
  /**
   * A literal word of this many letters or more may face the same word as text recognition read
   * it from a screenshot ({@link #readAlike}: "bui1t", "NurnPy", "forrn"): look-alike letters
   * confuse far fewer words than any one edit does, so shorter words take them too.
   */
  public static final int READ_LENGTH = 4;
  /**
   * What a misspelt word gains, as a share of its weight: found, so the symptom is not
   * contradicted, but not word for word, so never exact.
   */
  public static final double NEAR_GAIN = 0.5;

  private static final byte OP_MATCH = 1;
  private static final byte OP_SUB = 2;
  private static final byte OP_DEL = 3;
  private static final byte OP_INS = 4;
  private static final byte OP_EXTEND = 5;
  private static final byte OP_NEAR = 6;

  private Aligner() {}

  /**
   * @param weights the weight of each template position (literal words; 0 for slots)
   * @param keyWeight the weight of a word of a path or of a number, as for literal words
   */
  static Alignment align(Template t, List<Token> tokens, double[] weights, ToDoubleFunction<String> keyWeight) {
    return align(t, tokens, weights, keyWeight, true, true);
  }

  /**
   * @param headMayBeCut whether the tokens may start inside the message: true for the first line
   *     of a paste, which a person may have cut; false for a line after others, where words
   *     missing at the start are missing, not cut (a message wrapped over two lines is aligned
   *     with both joined)
   * @param tailMayBeCut likewise at the end: true for the last line of a paste, false for a line
   *     the paste goes on after (a healthy log line that starts like an error is another message)
   */
  public static Alignment align(Template t, List<Token> tokens, double[] weights, ToDoubleFunction<String> keyWeight,
      boolean headMayBeCut, boolean tailMayBeCut) {
    return align(t, new Line(tokens), weights, keyWeight, headMayBeCut, tailMayBeCut);
  }

  /**
   * A line's tokens as the aligner reads them, made once per line: a line is aligned with up to
   * {@link Matcher#CANDIDATES_PER_LINE} templates, and finding where each literal word of a
   * template stands in it by one lookup, rather than comparing it with every token, is most of
   * what an alignment saves (on the quick compiler a string comparison is a call).
   */
  static final class Line {
    private static final int[] NOWHERE = new int[0];
    final List<Token> tokens;
    final String[] texts;
    final Token.Kind[] kinds;
    /**
     * Per token that is a word of letters that may misspell a template's word ({@link #near}),
     * its {@link #spelling}: its first letter and its length in one number, so that one
     * comparison tells a token of the same first letter and a length one apart; else 0.
     */
    final int[] spellable;
    /**
     * Per first letter, the lengths of the spellable tokens that start with it, as bits
     * ({@link #lengthBit}): a row whose word has no token of its first letter and a length one
     * apart is not looked at token by token. Only a shortcut; the answers are the same.
     */
    final int[] lengthsByFirst = new int[26];
    private final java.util.HashMap<String, int[]> at;

    Line(List<Token> tokens) {
      this.tokens = tokens;
      int n = Math.min(tokens.size(), MAX_TOKENS);
      texts = new String[n];
      kinds = new Token.Kind[n];
      spellable = new int[n];
      at = new java.util.HashMap<>(2 * n);
      for (int j = 0; j < n; j++) {
        String text = tokens.get(j).text();
        texts[j] = text;
        kinds[j] = tokens.get(j).kind();
        spellable[j] = text.length() >= READ_LENGTH - 1 && slipLetters(text) ? spelling(text) : 0;
        if (spellable[j] > 0) {
          lengthsByFirst[read(text.charAt(0)) - 'a'] |= lengthBit(text.length());
        }
        int[] before = at.get(text);
        int[] now = before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
        now[now.length - 1] = j;
        at.put(text, now);
      }
    }

    /** Whether a token of the line may be a slip of {@code word} by its first letter and length. */
    boolean maySpell(String word) {
      int first = read(word.charAt(0)) - 'a';
      int n = word.length();
      return first >= 0 && first < 26
          && (lengthsByFirst[first] & (lengthBit(n - 1) | lengthBit(n) | lengthBit(n + 1))) != 0;
    }

    /** A word's first letter and length (at most 255) as one number; two words of one first letter and lengths one apart are one apart. */
    static int spelling(String word) {
      return (read(word.charAt(0)) - 'a' + 1) << 8 | Math.min(word.length(), 255);
    }

    private static int lengthBit(int length) {
      return 1 << Math.min(length, 30);
    }

    /** The positions of {@code word} among the tokens aligned, in order; none when it is not there. */
    int[] positions(String word) {
      return at.getOrDefault(word, NOWHERE);
    }
  }

  static Alignment align(Template t, Line line, double[] weights, ToDoubleFunction<String> keyWeight,
      boolean headMayBeCut, boolean tailMayBeCut) {
    List<Template.Item> items = t.items();
    List<Token> tokens = line.tokens;
    int m = Math.min(items.size(), MAX_ITEMS);
    int n = line.texts.length;
    if (tailMayBeCut && n == tokens.size() && n > 0 && cutInsideAWord(items, m, tokens.get(n - 1))) {
      n--; // aligned without it: the word it starts is cut, as the words after it are
    }
    if (m == 0 || n == 0) {
      return Alignment.NONE;
    }
    Slots slots = new Slots(items, tokens, keyWeight);
    // The score and move tables, row after row in one array each (row i at i * w), reused by the
    // thread's next alignment: a check of 10,000 entries' examples makes millions of alignments.
    int w = n + 1;
    Tables tables = TABLES.get().ensure((m + 1) * w);
    double[] s = tables.score;
    byte[] op = tables.move;
    s[0] = 0;
    for (int j = 1; j <= n; j++) {
      s[j] = 0;
    }
    String[] texts = line.texts;
    for (int i = 1; i <= m; i++) {
      Template.Item it = items.get(i - 1);
      double wi = weights[i - 1];
      double deletion = deletion(it, wi);
      boolean word = it.isWord();
      // A literal word equals the tokens at these positions and no other; the start and end of
      // a longer token (PREFIX, SUFFIX) are compared token by token.
      int[] equal = it.slot() == Template.Slot.LITERAL ? line.positions(it.text()) : null;
      int nextEqual = 0;
      double extension = it.slot() == Template.Slot.ANY ? 0 : SLOT_EXTENSION;
      int row = i * w;
      int up = row - w;
      s[row] = s[up] - deletion;
      op[row] = OP_DEL;
      // The cell above-left and the one to the left carried from one column to the next in
      // locals: the quick compiler would load them from the table again.
      double diag = s[up];
      double left = s[row];
      if (word) {
        boolean insert = i < m;
        double substitution = SUBSTITUTION * wi;
        // Whether this word may face a misspelling of it, and its length: one test per row.
        int spelt = equal != null && it.text().length() >= READ_LENGTH && line.maySpell(it.text()) && letters(it.text())
            ? Line.spelling(it.text()) : 0;
        // A word too short for a slip of one edit may still be read alike.
        boolean slips = it.text().length() >= NEAR_LENGTH;
        for (int j = 1; j <= n; j++) {
          double above = s[up + j];
          boolean eq;
          if (equal != null) {
            eq = nextEqual < equal.length && equal[nextEqual] == j - 1;
            if (eq) {
              nextEqual++;
            }
          } else {
            eq = it.accepts(texts[j - 1]);
          }
          double best;
          byte how;
          if (eq) {
            // A line that may start inside the message may start with any of its words: the
            // positions before it are cut, which trace() counts neither way, so they cost nothing.
            best = (j == 1 && headMayBeCut ? Math.max(diag, 0) : diag) + wi;
            how = OP_MATCH;
          } else if (spelt > 0 && Math.abs(line.spellable[j - 1] - spelt) <= 1
              && (slips ? near(it.text(), texts[j - 1]) : !it.text().equals(texts[j - 1]) && readAlike(it.text(), texts[j - 1]))) {
            best = diag + NEAR_GAIN * wi;
            how = OP_NEAR;
          } else {
            best = diag - substitution;
            how = OP_SUB;
          }
          double del = above - deletion;
          if (del > best) {
            best = del;
            how = OP_DEL;
          }
          if (insert) {
            double ins = left - INSERT;
            if (ins > best) {
              best = ins;
              how = OP_INS;
            }
          }
          s[row + j] = best;
          op[row + j] = how;
          diag = above;
          left = best;
        }
      } else {
        double[] gains = tables.gains(n);
        kindGains(it, line, n, gains);
        for (int j = 1; j <= n; j++) {
          double above = s[up + j];
          double best = diag + gains[j - 1];
          byte how = OP_MATCH;
          double extend = left - extension;
          if (extend > best) {
            best = extend;
            how = OP_EXTEND;
          }
          double del = above - deletion;
          if (del > best) {
            best = del;
            how = OP_DEL;
          }
          s[row + j] = best;
          op[row + j] = how;
          diag = above;
          left = best;
        }
      }
    }
    int last = m * w;
    int endJ = 0;
    for (int j = 1; j <= n; j++) {
      if (s[last + j] > s[last + endJ]) {
        endJ = j;
      }
    }
    // A paste cut short ends inside the template: when its last token is a word of the template,
    // the positions after that word are cut rather than missing, as trace() counts them. Of
    // alignments that cost the same in deletions, this keeps the one that stops where the paste
    // stops (a repeated word at the end, "... received", is the first "received", not the second
    // with the words before it missing). A slot never ends it early: {*} would swallow the rest.
    // Nor does a word reached over pasted tokens that are none of the template's: a selection
    // stops inside the message it copies, so the token before the cut belongs to it too ("...
    // Internal: onnx runtime error 7: ... parsing failed." is not "Internal: failed" cut short).
    int endI = m;
    for (int i = 1; i < m && tailMayBeCut; i++) {
      if (op[i * w + n] == OP_MATCH && items.get(i - 1).isWord() && (i == 1 || op[(i - 1) * w + n - 1] != OP_INS)
          && s[i * w + n] > s[endI * w + endJ]) {
        endI = i;
        endJ = n;
      }
    }
    return trace(t, tokens, weights, op, w, m, n, endI, endJ, slots, headMayBeCut, tailMayBeCut);
  }

  /**
   * Whether a paste's last token is the start of one of the template's words and not a word of
   * it: the selection stopped inside that word.
   */
  private static boolean cutInsideAWord(List<Template.Item> items, int m, Token last) {
    String text = last.text();
    if (last.kind() != Token.Kind.WORD || text.length() < MIN_CUT_WORD) {
      return false;
    }
    boolean starts = false;
    for (int i = 0; i < m; i++) {
      Template.Item it = items.get(i);
      if (it.slot() == Template.Slot.LITERAL) {
        if (it.text().equals(text)) {
          return false;
        }
        starts |= it.text().startsWith(text);
      }
    }
    return starts;
  }

  /**
   * What the alignment itself sees of a slot, for each of the first n tokens of the line: whether the token is of
   * the kind the slot takes. Equal numbers and shared path words are counted only after aligning,
   * so that the search for an alignment is never tempted to skip words to pair up two numbers
   * that happen to be equal; a named number only breaks ties ({@link #EQUAL_NUMBER_TIE}).
   */
  private static void kindGains(Template.Item it, Line line, int n, double[] gains) {
    switch (it.slot()) {
      case NUMBER -> {
        String named = it.text();
        for (int j = 0; j < n; j++) {
          gains[j] = line.kinds[j] != Token.Kind.NUMBER ? -SLOT_GAIN
              : !named.isEmpty() && named.equals(line.texts[j]) ? SLOT_GAIN + EQUAL_NUMBER_TIE : SLOT_GAIN;
        }
      }
      case PATH -> {
        for (int j = 0; j < n; j++) {
          gains[j] = line.kinds[j] == Token.Kind.PATH ? SLOT_GAIN : PATH_MISS_GAIN;
        }
      }
      case NAME -> java.util.Arrays.fill(gains, 0, n, NAME_GAIN);
      default -> java.util.Arrays.fill(gains, 0, n, 0);
    }
  }

  /** One thread's tables, grown to the largest alignment it has made (at most MAX_ITEMS by MAX_TOKENS). */
  private static final class Tables {
    double[] score = new double[0];
    byte[] move = new byte[0];
    private double[] gains = new double[0];

    /** A row of slot gains, one per token. */
    double[] gains(int n) {
      if (gains.length < n) {
        gains = new double[n];
      }
      return gains;
    }

    Tables ensure(int cells) {
      if (score.length < cells) {
        score = new double[cells];
        move = new byte[cells];
      }
      return this;
    }
  }

  private static final ThreadLocal<Tables> TABLES = ThreadLocal.withInitial(Tables::new);

  private static double deletion(Template.Item it, double w) {
    return switch (it.slot()) {
      case LITERAL, PREFIX, SUFFIX -> WORD_DELETION * w;
      case ANY -> 0;
      default -> SLOT_DELETION;
    };
  }

  /** What slots gain, with the words of paths split once per alignment. */
  private static final class Slots {
    private final List<Template.Item> items;
    private final List<Token> tokens;
    private final ToDoubleFunction<String> keyWeight;
    // Made on first need: only path slots split words, and most templates have none.
    private Map<Integer, List<String>> itemWords;
    private Map<Integer, List<String>> tokenWords;

    Slots(List<Template.Item> items, List<Token> tokens, ToDoubleFunction<String> keyWeight) {
      this.items = items;
      this.tokens = tokens;
      this.keyWeight = keyWeight;
    }

    /** What a slot gains by taking token j; negative when the token cannot fill it. */
    double gain(int i, int j) {
      Template.Item it = items.get(i);
      Token tok = tokens.get(j);
      return switch (it.slot()) {
        case NUMBER -> {
          if (tok.kind() != Token.Kind.NUMBER) {
            yield -SLOT_GAIN;
          }
          yield SLOT_GAIN + (!it.text().isEmpty() && it.text().equals(tok.text()) ? keyWeight.applyAsDouble(it.text()) : 0);
        }
        case PATH -> tok.kind() != Token.Kind.PATH ? PATH_MISS_GAIN : SLOT_GAIN + sharedWeight(i, j);
        case NAME -> NAME_GAIN;
        default -> 0;
      };
    }

    /** Whether slot i is a number the title names and token j is a different number. */
    boolean otherNumber(int i, int j) {
      Template.Item it = items.get(i);
      Token tok = tokens.get(j);
      return it.slot() == Template.Slot.NUMBER && !it.text().isEmpty() && tok.kind() == Token.Kind.NUMBER
          && !it.text().equals(tok.text());
    }

    /** The most a slot can gain. */
    double max(int i) {
      Template.Item it = items.get(i);
      return switch (it.slot()) {
        case NUMBER -> SLOT_GAIN + (it.text().isEmpty() ? 0 : keyWeight.applyAsDouble(it.text()));
        case PATH -> {
          // Summed in order, as sharedWeight() and the browser's port sum: DoubleStream.sum()
          // compensates, so a path matched whole gained a hair less than its most.
          double sum = 0;
          for (String w : words(i)) {
            sum += keyWeight.applyAsDouble(w);
          }
          yield SLOT_GAIN + sum;
        }
        default -> SLOT_GAIN;
      };
    }

    private double sharedWeight(int i, int j) {
      List<String> a = words(i);
      if (a.isEmpty()) {
        return 0;
      }
      if (tokenWords == null) {
        tokenWords = new HashMap<>();
      }
      List<String> b = tokenWords.computeIfAbsent(j, k -> MatchIndex.pathParts(tokens.get(k).text()));
      double shared = 0;
      for (String w : a) {
        if (b.contains(w)) {
          shared += keyWeight.applyAsDouble(w);
        }
      }
      return shared;
    }

    private List<String> words(int i) {
      if (itemWords == null) {
        itemWords = new HashMap<>();
      }
      return itemWords.computeIfAbsent(i, k -> MatchIndex.pathParts(items.get(k).text()));
    }
  }

  /** Whether {@code s} is lower-case letters only. */
  static boolean letters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a token may be a slip of a word: lower-case letters, and after the first also the
   * digits 0 and 1, which text read back from a screenshot has for o, l and i ("fai1ed").
   */
  static boolean slipLetters(String s) {
    if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 'a' || c > 'z') && c != '0' && c != '1') {
        return false;
      }
    }
    return true;
  }

  /** The letter a screenshot's text may have for {@code c}: {@code i} and {@code 1} read as {@code l}, {@code 0} as {@code o}. */
  static char read(char c) {
    return c == 'i' || c == '1' ? 'l' : c == '0' ? 'o' : c;
  }

  /**
   * Whether {@code typed} is a slip of {@code word}: one edit ({@link #oneEdit}), or the word as
   * text recognition reads it from a screenshot, where {@code I}, {@code l} and {@code 1}, {@code
   * O} and {@code 0}, {@code m} and {@code rn} look alike ("lnternal", "narned", "unab1e"), which
   * may be the first letter and more than one place.
   */
  static boolean near(String word, String typed) {
    return oneEdit(word, typed) || (!word.equals(typed) && readAlike(word, typed));
  }

  /**
   * Whether the two words are one once each look-alike of {@link #read} is one letter and {@code
   * rn} after the first letter is {@code m}. Not at the first: a line's words are looked up by
   * their first letter as {@link #read} gives it, and a slip must be found under the same one.
   * Walked in place: most calls fail, for words the aligner meets in every cell.
   */
  static boolean readAlike(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      boolean mA = i > 0 && a.charAt(i) == 'r' && i + 1 < a.length() && a.charAt(i + 1) == 'n';
      boolean mB = j > 0 && b.charAt(j) == 'r' && j + 1 < b.length() && b.charAt(j + 1) == 'n';
      if ((mA ? 'm' : read(a.charAt(i))) != (mB ? 'm' : read(b.charAt(j)))) {
        return false;
      }
      i += mA ? 2 : 1;
      j += mB ? 2 : 1;
    }
    return i == a.length() && j == b.length();
  }

  /**
   * Whether {@code typed} is {@code word} with one edit: a letter changed, added or dropped, or
   * two side by side swapped. Both are letters, of lengths at most one apart (the caller's tests).
   * Not when the first letters differ (slips are rarer there, and "enable" is not "unable"), nor
   * when the words part only at their last letter: that is where words inflect ("models" facing
   * "model", "specifies" facing "specified" is another message, not a slip).
   */
  static boolean oneEdit(String word, String typed) {
    int a = word.length();
    int b = typed.length();
    int i = 0;
    while (i < a && i < b && word.charAt(i) == typed.charAt(i)) {
      i++;
    }
    // Parted at the first letter, or only at the last: the same length and only the last letter
    // differs, or the shorter word is the longer one without its last letter.
    if (i == 0 || i >= (a == b ? a - 1 : Math.min(a, b))) {
      return false;
    }
    if (a == b) {
      boolean swapped = word.charAt(i) == typed.charAt(i + 1) && word.charAt(i + 1) == typed.charAt(i)
          && word.regionMatches(i + 2, typed, i + 2, a - i - 2);
      return swapped || word.regionMatches(i + 1, typed, i + 1, a - i - 1);
    }
    return a > b ? word.regionMatches(i + 1, typed, i, b - i) : typed.regionMatches(i + 1, word, i, a - i);
  }

  private static Alignment trace(Template t, List<Token> tokens, double[] weights, byte[] op, int w, int m, int n, int endI,
      int endJ, Slots slots, boolean headMayBeCut, boolean tailMayBeCut) {
    List<Template.Item> items = t.items();
    byte[] itemOp = new byte[m];
    java.util.Arrays.fill(itemOp, endI, m, OP_DEL);
    int[] itemTok = new int[m];
    List<Integer> matched = new ArrayList<>();
    int insertions = 0;
    int i = endI;
    int j = endJ;
    int startJ = endJ;
    while (i > 0) {
      byte o = op[i * w + j];
      if (o == OP_MATCH || o == OP_SUB || o == OP_NEAR) {
        itemOp[i - 1] = o;
        itemTok[i - 1] = j - 1;
        if ((o == OP_MATCH && items.get(i - 1).isWord()) || o == OP_NEAR) {
          matched.add(0, j - 1);
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
    int first = -1;
    int last = -1;
    int literals = 0;
    // The first and last positions that face a token (a word, a slot, or a word substituted): only
    // positions outside them can be cut, those between are missing.
    for (int k = 0; k < m; k++) {
      if (items.get(k).isWord() && itemOp[k] == OP_MATCH) {
        literals++;
      }
      if (itemOp[k] == OP_MATCH || itemOp[k] == OP_SUB || itemOp[k] == OP_NEAR) {
        if (first < 0) {
          first = k;
        }
        last = k;
      }
    }
    if (literals == 0) {
      return Alignment.NONE;
    }
    boolean headCut = startJ == 0 && headMayBeCut;
    boolean tailCut = endJ == n && tailMayBeCut;
    double total = 0;
    double cutWeight = 0;
    double gained = 0;
    double substituted = 0;
    double evidence = 0;
    boolean contradicted = false;
    boolean complete = true;
    for (int k = 0; k < m; k++) {
      Template.Item it = items.get(k);
      if (it.slot() == Template.Slot.ANY) {
        continue;
      }
      boolean literal = it.isWord();
      double max = literal ? weights[k] : slots.max(k);
      total += max;
      if (itemOp[k] == OP_MATCH && slots.otherNumber(k, itemTok[k])) {
        // A number the title names faces another number: a sibling's error, as a different word would be.
        substituted += max;
        complete = false;
        evidence -= max;
        contradicted = true;
        continue;
      }
      if (itemOp[k] == OP_NEAR) {
        gained += NEAR_GAIN * max;
        evidence += NEAR_GAIN * max;
        complete = false;
        continue;
      }
      double got = itemOp[k] != OP_MATCH ? 0 : literal ? max : Math.min(max, slots.gain(k, itemTok[k]));
      boolean cut = itemOp[k] == OP_DEL && ((k < first && headCut) || (k > last && tailCut));
      if (got > 0) {
        gained += got;
        evidence += got;
        if (it.slot() == Template.Slot.PATH && got < max) {
          // A path without the words the symptom's path has (another model, another repository)
          // is this error's shape, not this error word for word.
          complete = false;
        }
        continue;
      }
      if (itemOp[k] == OP_SUB) {
        substituted += max;
      }
      if (it.slot() == Template.Slot.NUMBER && !t.explicit()) {
        // Shapes and lists in a message pasted as seen vary in length: one number more or less
        // is not a different error.
        evidence -= SLOT_GAIN;
        continue;
      }
      complete = false;
      if (cut) {
        cutWeight += max;
        continue;
      }
      evidence -= max;
      if (literal && (t.explicit() || (isPlainWord(it.key()) && max > PLAIN_WORD_WEIGHT))) {
        contradicted = true;
      }
    }
    // Quality judges what the paste shows: words it lacks only because it was cut short are left out.
    double quality = Math.max(0, (gained - QUALITY_SUBSTITUTED * substituted - INSERT * insertions)
        / Math.max(total - cutWeight, MIN_TOTAL));
    double coverage = gained / Math.max(total, MIN_TOTAL);
    boolean exact = complete && insertions == 0 && !contradicted;
    return new Alignment(Math.min(1, quality), Math.min(1, coverage), evidence - INSERT * insertions, exact, contradicted, literals,
        List.copyOf(matched), startJ, endJ, tailCut && last < m - 1);
  }

  /**
   * In a symptom pasted as seen (no placeholders), names of models and tensors vary from paste
   * to paste; they usually carry digits or underscores. A plain word missing from the paste is
   * a different message, not a different name.
   */
  private static boolean isPlainWord(String s) {
    if (s.length() < MIN_PLAIN_WORD) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
