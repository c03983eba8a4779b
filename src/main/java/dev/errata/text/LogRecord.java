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
final class LogRecord {
  /** The field that holds a record's line. */
  static final String FIELD = "log";

  // Deep enough for any line that is read whole (Rules.maxLineChars), so that nesting never makes
  // Java refuse a record the browser reads.
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1 << 16).build()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
      return List.of(line);
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

  private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("\r\n|\n|\r");

  /** The line as one JSON object, or null. */
  private static JsonNode record(String line) {
    int n = line.length();
    if (n < 2 || line.charAt(0) != '{' || line.charAt(n - 1) != '}') {
      return null;
    }
    try {
      JsonNode record = JSON.readTree(line);
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
