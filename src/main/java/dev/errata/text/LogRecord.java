package dev.errata.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A log line as a collector hands it over. Docker's json-file driver (and Fluentd after it) writes
 * every line as {@code {"log": "E1205 ... error\n", "stream": "stderr", "time": "..."}}: only
 * {@code log} is taken, its other fields are where and when, and read as the line itself a
 * message that goes on in the next record would have the fields between its halves. Any other
 * JSON object is a structured record (Elastic's, Loki's, Azure's, a structured logger's: {@code
 * {"@timestamp": ..., "message": "...", "error.stack_trace": "Traceback ...\n..."}}), read as a
 * log viewer shows it: each of its text values a line, and a value of several lines as those
 * lines. Read whole, a record of a few hundred characters gave a symptom too small a share of the
 * line's words for it to be aligned at all. A value that is itself such a record is read the same
 * way. The browser's port reads records the same way ({@code recordLines} in errata-text.js), with
 * the same refusals (anything that is not one JSON object, trailing text included) and the order
 * of keys that {@code JSON.parse} gives.
 */
public final class LogRecord {
  /** The field that holds a record's line. */
  static final String FIELD = "log";

  /**
   * The mapper, made on the first line that may be JSON: making it loads a few hundred of
   * Jackson's classes and the JDK's date and locale data, about 35 ms of a one-line
   * {@code errata match} that never needs it. Deep enough for any line that is read whole
   * (Rules.maxLineChars), so that nesting never makes Java refuse a record the browser reads.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1 << 16).build()).build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private LogRecord() {}

  /**
   * The lines a record holds: a log collector's its one line, its final line break removed and any
   * other turned into a space (one record, one line); a structured record's its text values, each
   * cut at its line breaks, empty ones left out; {@code line} itself when it is not a JSON object
   * or holds no text.
   */
  static List<String> lines(String line) {
    JsonNode record = record(line);
    if (record == null) {
      return member(line);
    }
    JsonNode value = record.get(FIELD);
    if (value != null && value.isTextual()) {
      String v = value.textValue();
      if (v.endsWith("\r\n")) {
        v = v.substring(0, v.length() - 2);
      } else if (v.endsWith("\n") || v.endsWith("\r")) {
        v = v.substring(0, v.length() - 1);
      }
      return List.of(v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }
    List<String> texts = new ArrayList<>();
    texts(record, texts);
    return linesOf(texts, line);
  }

  /** The lines of {@code texts}, each cut at its line breaks, empty ones left out, each read again as a line; {@code line} when none. */
  private static List<String> linesOf(List<String> texts, String line) {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      for (String l : BREAK.split(text, -1)) {
        if (!l.isEmpty()) {
          out.addAll(lines(l));
        }
      }
    }
    return out.isEmpty() ? List.of(line) : out;
  }

  static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("\r\n|\n|\r");

  /**
   * A member of an object printed over many lines ({@code kubectl get -o json}, a YAML map, an
   * array's element) whose value is one quoted string with escaped line breaks: a pod's last log
   * lines in its termination message, an operator's status. Read as the string's lines, as a
   * record's value is; read whole, a message of a few thousand characters left the error in it
   * too small a share of the line's words to be aligned. {@code line} itself when it is no such
   * member, or the string is no JSON string (YAML's own escapes).
   */
  private static List<String> member(String line) {
    int value = memberValue(line);
    if (value < 0) {
      return trailing(line);
    }
    String text;
    try {
      text = Json.MAPPER.readTree(line.substring(value, stringEnd(line, value) + 1)).textValue();
    } catch (Exception notJson) {
      return List.of(line);
    }
    return linesOf(List.of(text), line);
  }

  /** How many of a line's {@code {"} are tried as the start of a record it ends with. */
  public static final int TRAILING_TRIES = 3;

  /**
   * A line that ends with a JSON object after words of its own, the object's text values holding
   * an escaped line break: a client's {@code HTTP 500 {"error":"PyTorch execute failure: ...\n
   * Traceback ...\nRuntimeError: ..."}}, a logger's {@code ERROR infer failed: {"error": ...}}.
   * Read as the values' lines, the words before the object starting the first of them (the
   * logger's mark stays on it), as a log prints a message over lines; read whole, a traceback of
   * a thousand characters left the error at its end too small a share of the line to be aligned.
   * {@code line} itself otherwise. Only the first few {@code {"} are tried, so that a line full of
   * them costs a few parses, not one for each.
   */
  private static List<String> trailing(String line) {
    int n = line.length();
    if (n < 2 || line.charAt(n - 1) != '}' || !line.contains("\\n")) {
      return List.of(line);
    }
    int open = line.indexOf("{\"");
    for (int tries = 0; open > 0 && tries < TRAILING_TRIES; tries++, open = line.indexOf("{\"", open + 1)) {
      JsonNode record;
      try {
        record = Json.MAPPER.readTree(line.substring(open));
      } catch (Exception notJson) {
        continue;
      }
      if (record == null || !record.isObject()) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      texts(record, texts);
      if (texts.stream().noneMatch(t -> t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0)) {
        return List.of(line);
      }
      List<String> lines = new ArrayList<>(linesOf(texts, line));
      if (lines.size() == 1 && lines.get(0) == line) {
        return lines;
      }
      lines.set(0, line.substring(0, open) + lines.get(0));
      return lines;
    }
    return List.of(line);
  }

  /**
   * Where the quoted value of {@code line} starts when the line is {@code [- ]["key" | key]: "value"[,]}
   * or {@code "value"[,]} and the value holds an escaped line break; -1 otherwise.
   */
  static int memberValue(String line) {
    int n = line.length();
    int i = memberStart(line, 0, n);
    int value = -1;
    if (i < n && line.charAt(i) == '"') {
      int end = stringEnd(line, i);
      if (end < 0) {
        return -1;
      }
      int after = blanks(line, end + 1);
      if (after < n && line.charAt(after) == ':') {
        i = blanks(line, after + 1);
      } else {
        value = i;
      }
    } else {
      int colon = keyEnd(line, i, n);
      if (colon < 0) {
        return -1;
      }
      i = blanks(line, colon + 1);
    }
    if (value < 0) {
      if (i >= n || line.charAt(i) != '"') {
        return -1;
      }
      value = i;
    }
    int end = stringEnd(line, value);
    if (end < 0) {
      return -1;
    }
    int rest = blanks(line, end + 1);
    if (rest < n && line.charAt(rest) == ',') {
      rest = blanks(line, rest + 1);
    }
    return rest == n && line.substring(value, end).contains("\\n") ? value : -1;
  }

  /** The index of the quote that closes the JSON string whose opening quote is at {@code start}; -1 when it does not close. */
  private static int stringEnd(String line, int start) {
    return closing(line, start + 1, line.length(), '"');
  }

  /**
   * Where a string's closing quote is in {@code text[from, end)}, or -1: {@code \} escapes in
   * double quotes (JSON's and YAML's), {@code ''} is a quote in YAML's single ones.
   */
  static int closing(String text, int from, int end, char quote) {
    for (int k = from; k < end; k++) {
      char c = text.charAt(k);
      if (quote == '"' && c == '\\') {
        k++;
      } else if (c == quote) {
        if (quote == '\'' && k + 1 < end && text.charAt(k + 1) == '\'') {
          k++;
        } else {
          return k;
        }
      }
    }
    return -1;
  }

  /** Where a member's key starts on {@code text[from, end)}: after the indent and an array element's {@code "- "}. */
  static int memberStart(String text, int from, int end) {
    int i = blanks(text, from, end);
    if (i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == ' ') {
      i = blanks(text, i + 1, end);
    }
    return i;
  }

  /** The colon after a key written without quotes at {@code text[from, end)}, or -1 when there is none. */
  static int keyEnd(String text, int from, int end) {
    int k = from;
    while (k < end && isKeyChar(text.charAt(k))) {
      k++;
    }
    return k == from || k >= end || text.charAt(k) != ':' ? -1 : k;
  }

  /** A character of a key written without quotes: ASCII letters, digits, {@code _ . -}. */
  static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }

  private static int blanks(String line, int from) {
    return blanks(line, from, line.length());
  }

  static int blanks(String text, int from, int end) {
    int i = from;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The line as one JSON object, or null. */
  private static JsonNode record(String line) {
    int n = line.length();
    if (n < 2 || line.charAt(0) != '{' || line.charAt(n - 1) != '}') {
      return null;
    }
    try {
      JsonNode record = Json.MAPPER.readTree(line);
      return record != null && record.isObject() ? record : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  /** The text values under {@code node}, in the order JSON.parse gives them (keys that are array indices first, by number). */
  private static void texts(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    } else if (node.isArray()) {
      node.forEach(x -> texts(x, out));
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.stream().filter(LogRecord::isIndex).sorted(java.util.Comparator.comparingLong(Long::parseLong))
          .forEach(k -> texts(node.get(k), out));
      keys.stream().filter(k -> !isIndex(k)).forEach(k -> texts(node.get(k), out));
    }
  }

  /** Whether JavaScript takes the key for an array index: 0 to 2^32 - 2, written without leading zeros. */
  private static boolean isIndex(String key) {
    if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= 4_294_967_294L;
  }
}
