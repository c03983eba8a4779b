package dev.errata.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A log line as a collector hands it over: Docker's json-file driver (and Fluentd after it) writes
 * every line as {@code {"log": "E1205 ... error\n", "stream": "stderr", "time": "..."}}. Read as
 * the line itself, a message that goes on in the next record would have the fields between its
 * halves. Only {@code log} is taken: its other fields are where and when; a structured logger's
 * record ({@code {"msg": "infer failed", "body": "..."}}) keeps its error in fields of its own,
 * and stays whole. The browser's port reads records the same way ({@code unwrapped} in
 * errata-text.js), with the same refusals (anything that is not one JSON object, trailing text
 * included).
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
   * The line a record holds, its final line break removed and any other turned into a space (one
   * record, one line); {@code line} itself when it is not a record with a {@link #FIELD}.
   */
  static String unwrapped(String line) {
    int n = line.length();
    if (n < 2 || line.charAt(0) != '{' || line.charAt(n - 1) != '}') {
      return line;
    }
    JsonNode record;
    try {
      record = JSON.readTree(line);
    } catch (Exception notJson) {
      return line;
    }
    JsonNode value = record.get(FIELD);
    if (value == null || !value.isTextual()) {
      return line;
    }
    String v = value.textValue();
    if (v.endsWith("\r\n")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("\n") || v.endsWith("\r")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
