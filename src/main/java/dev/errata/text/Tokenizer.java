package dev.errata.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into tokens in one pass, with no regular expressions, so time is linear in the
 * input whatever it holds. Punctuation separates tokens and is dropped; dots, hyphens and
 * underscores inside a word keep it whole, so {@code llama-3.1-8b}, {@code model_lifecycle.cc}
 * and {@code StatusCode.INTERNAL} stay one token. The browser's tokenizer ({@code
 * templates/assets/errata-text.js}) follows the same rules (see {@code docs/matching.md}); the
 * parity vectors both read, {@code src/test/resources/parity/tokens.json} (checked by {@code
 * TextParityTest}), keep them equal.
 */
public final class Tokenizer {
  /**
   * Tokens longer than this are cut: nobody's error message hinges on character 200 of a word.
   * Read by the browser's port too, from the search manifest.
   */
  public static final int MAX_TOKEN = 128;
  /**
   * A word of hex digits and hyphens is a number (an id, a hash) when it is at least this long
   * and one character in HEX_DIGIT_SHARE is a digit; {@code deadbeef} alone stays a word.
   */
  public static final int MIN_HEX_ID = 8;
  public static final int HEX_DIGIT_SHARE = 3;
  /** The longest URL scheme ({@code https} of {@code https://}) that starts a path. */
  public static final int MAX_SCHEME = 10;

  private Tokenizer() {}

  // Character classes of ASCII, looked up instead of asked of java.lang.Character: the index
  // build runs every character of every body through here, so each lookup must be cheap.
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte UNDERSCORE = 4;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LETTER;
      ASCII[c - 'a' + 'A'] = LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
    ASCII['_'] = UNDERSCORE;
  }

  static boolean isLetter(char c) {
    return c < 128 ? ASCII[c] == LETTER : Character.isLetter(c);
  }

  static boolean isDigit(char c) {
    return c < 128 ? ASCII[c] == DIGIT : Character.isDigit(c);
  }

  /**
   * Receives tokens as they are found, as places in the scanned characters: the token is {@code
   * s[start, end)}, and its text is {@code s[start, stop)} (at most {@link #MAX_TOKEN} long) in
   * lower case. {@code traits} may rule things out: without {@link #BEYOND_ASCII} no character of
   * the text is beyond ASCII, without {@link #JOINED} none of {@code . _ - +} is in it.
   */
  @FunctionalInterface
  interface Sink {
    void token(char[] s, int start, int stop, Token.Kind kind, int end, int traits);
  }

  static final int BEYOND_ASCII = 1;
  static final int JOINED = 2;
  private static final int UNKNOWN = BEYOND_ASCII | JOINED;

  public static List<Token> tokenize(CharSequence text) {
    List<Token> out = new ArrayList<>();
    scan(text, (s, start, stop, kind, end, traits) -> out.add(new Token(lower(s, start, stop), kind, start, end)));
    return out;
  }

  /**
   * The tokens of {@code text}, handed to {@code out} one by one: what {@link #tokenize} lists,
   * without the list, the Token objects and their Strings, for the index build that counts every
   * word of every body and keeps none of the tokens.
   */
  static void scan(CharSequence text, Sink out) {
    // One copy into an array: scanning an array is much cheaper than charAt on a
    // CharSequence before the JIT has warmed up, and a build tokenizes every body once. A buffer
    // over an array of its own is read in place.
    char[] s = text instanceof java.nio.CharBuffer b && b.hasArray() && b.arrayOffset() == 0 && b.position() == 0
        && b.limit() == b.array().length ? b.array() : text.toString().toCharArray();
    int n = s.length;
    int i = 0;
    // The ASCII cases are tested first and inline: builds run on the C1 compiler, which does not
    // inline the larger helpers, and a call per character would dominate tokenizing.
    while (i < n) {
      char c = s[i];
      if (c < 128) {
        byte k = ASCII[c];
        if (k != 0) {
          i = word(out, s, i);
        } else if ((c == '/' || c == '.' || c == '~') && startsPath(s, i)) {
          i = path(out, s, i);
        } else {
          i++;
        }
      } else if (isCjk(c)) {
        out.token(s, i, i + 1, Token.Kind.CJK, i + 1, BEYOND_ASCII);
        i++;
      } else if (isWordChar(c)) {
        i = word(out, s, i);
      } else {
        i++;
      }
    }
  }

  /** A path or URL from {@code i}: path characters, less trailing punctuation. */
  private static int path(Sink out, char[] s, int i) {
    int n = s.length;
    int end = i;
    while (end < n && isPathChar(s[end])) {
      end++;
    }
    while (end > i + 1 && isTrailingPunct(s[end - 1])) {
      end--;
    }
    make(out, s, i, end, Token.Kind.PATH, UNKNOWN);
    return end;
  }

  /**
   * A word from {@code i} (a word character): letters, digits and underscores, joined by {@code
   * . - +}; or the URL or relative path it starts. Classifies ASCII words as it reads them.
   */
  private static int word(Sink out, char[] s, int i) {
    int n = s.length;
    int end = i;
    int letters = 0;
    int digits = 0;
    int traits = 0;
    // Whether the word is all hex digits is asked only of words with enough digits to be an id
    // (see kind); testing each letter for a-f here would be an unpredictable branch per character.
    while (end < n) {
      char d = s[end];
      if (d < 128) {
        byte k = ASCII[d];
        if (k == LETTER) {
          letters++;
        } else if (k == DIGIT) {
          digits++;
        } else if (k == UNDERSCORE) {
          traits |= JOINED;
        } else if ((d == '.' || d == '-' || d == '+') && end + 1 < n && isWordChar(s[end + 1])) {
          traits |= JOINED;
        } else {
          break;
        }
      } else if (isWordChar(d)) {
        traits |= BEYOND_ASCII;
      } else {
        break;
      }
      end++;
    }
    // A scheme ends at ":" ("https://"); a word that stops at a letter beyond the word characters
    // (CJK) may be one too, as startsPath reads letters alone.
    if (end < n && (s[end] == ':' || s[end] >= 128) && isLetter(s[i]) && startsPath(s, i)) {
      return path(out, s, i);
    }
    if (end < n && s[end] == '/' && end + 1 < n && isPathChar(s[end + 1]) && !isCjk(s[end + 1])) {
      // a relative path such as models/resnet/1/model.plan (a word's characters are path characters)
      return path(out, s, i);
    }
    // Only a word with a digit can end in one (digits counts ASCII ones; others are beyond ASCII).
    int cut = digits > 0 || (traits & BEYOND_ASCII) != 0 ? numericSuffix(s, i, end) : -1;
    if (cut > 0) {
      // Where_36, resnet50_1: a node or instance number hangs off the name; it varies, the name does not.
      make(out, s, i, cut, classify(s, i, cut), traits);
      make(out, s, cut + 1, end, Token.Kind.NUMBER, traits);
    } else if ((traits & BEYOND_ASCII) != 0) {
      make(out, s, i, end, classify(s, i, end), traits);
    } else {
      make(out, s, i, end, mayBeHexId(end - i, digits) ? classify(s, i, end) : kind(s[i], end - i, letters, digits, false),
          traits);
    }
    return end;
  }

  /** Where {@code _<digits>} ends a word that has letters before it, the index of that underscore; else -1. */
  static int numericSuffix(char[] s, int start, int end) {
    int j = end;
    while (j > start && isDigit(s[j - 1])) {
      j--;
    }
    if (j == end || j - 1 <= start || s[j - 1] != '_') {
      return -1;
    }
    for (int k = start; k < j - 1; k++) {
      if (isLetter(s[k])) {
        return j - 1;
      }
    }
    return -1;
  }

  private static void make(Sink out, char[] s, int start, int end, Token.Kind kind, int traits) {
    out.token(s, start, Math.min(end, start + MAX_TOKEN), kind, end, traits);
  }

  /** The characters in lower case; ASCII without capitals (most tokens) is copied as it is. */
  static String lower(char[] s, int start, int stop) {
    for (int i = start; i < stop; i++) {
      char c = s[i];
      if (c >= 128 || (c >= 'A' && c <= 'Z')) {
        return new String(s, start, stop - start).toLowerCase(Locale.ROOT);
      }
    }
    return new String(s, start, stop - start);
  }

  /** Numbers, hex, versions, addresses and long hex ids are all "a number" for matching. */
  static Token.Kind classify(char[] s, int start, int end) {
    int letters = 0;
    int digits = 0;
    boolean allHex = true;
    for (int i = start; i < end; i++) {
      char c = s[i];
      if (isDigit(c)) {
        digits++;
      } else if (isLetter(c)) {
        letters++;
        if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
          allHex = false;
        }
      } else if (c != '-') {
        allHex = false;
      }
    }
    return kind(s[start], end - start, letters, digits, allHex);
  }

  /** Whether a word of this length with this many digits is a hex id if all of it is hex. */
  private static boolean mayBeHexId(int length, int digits) {
    return digits > 0 && length >= MIN_HEX_ID && digits * HEX_DIGIT_SHARE >= length;
  }

  private static Token.Kind kind(char first, int length, int letters, int digits, boolean allHex) {
    if (isDigit(first)) {
      return Token.Kind.NUMBER;
    }
    if (allHex && mayBeHexId(length, digits)) {
      return Token.Kind.NUMBER;
    }
    if (letters == 0) {
      return Token.Kind.NUMBER;
    }
    return Token.Kind.WORD;
  }

  static boolean isWordChar(char c) {
    return c < 128 ? ASCII[c] != 0 : Character.isLetterOrDigit(c) && !isCjk(c);
  }

  private static boolean startsPath(char[] s, int i) {
    char c = s[i];
    int n = s.length;
    if (c == '/' && i + 1 < n && (isWordChar(s[i + 1]) || s[i + 1] == '.')) {
      return i == 0 || !isWordChar(s[i - 1]);
    }
    if ((c == '.' || c == '~') && i + 2 < n && s[i + 1] == '/' && isWordChar(s[i + 2])) {
      return true;
    }
    if (c == '.' && i + 3 < n && s[i + 1] == '.' && s[i + 2] == '/') {
      return true;
    }
    // URLs: scheme://...
    if (isLetter(c) && (i == 0 || !isWordChar(s[i - 1]))) {
      int j = i;
      while (j < n && j - i < MAX_SCHEME && isLetter(s[j])) {
        j++;
      }
      return j + 2 < n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/';
    }
    return false;
  }

  private static boolean isPathChar(char c) {
    return isWordChar(c) || c == '/' || c == '.' || c == '-' || c == '~' || c == '+' || c == '%' || c == ':'
        || c == '@' || c == '=' || c == '&' || c == '?' || c == '#';
  }

  private static boolean isTrailingPunct(char c) {
    return c == '.' || c == ':' || c == ',' || c == '?' || c == '#' || c == '&' || c == '=';
  }

  static boolean isCjk(char c) {
    return (c >= '\u3040' && c <= '\u30ff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\u4e00' && c <= '\u9fff')
        || (c >= '\uac00' && c <= '\ud7af') || (c >= '\uf900' && c <= '\ufaff');
  }
}
