package dev.errata.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.errata.model.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds front matter to {@link EntryDto}. Unknown keys and values of the wrong shape do not stop
 * binding: each is reported with its line and skipped, so one run shows every problem of a file.
 */
final class EntryBinder {
  private final ObjectMapper yaml;

  EntryBinder(ObjectMapper yaml) {
    this.yaml = yaml;
  }

  <T> Optional<T> bind(String text, Class<T> type, Problems problems) {
    if (hasAnchorOrAlias(text, problems)) {
      return Optional.empty();
    }
    try {
      T value = yaml.readerFor(type).withHandler(new Collecting(problems)).readValue(text);
      if (value == null) {
        problems.errorAtLine(problems.fileLine(1), "the front matter is empty",
            "write at least id, title, summary, status, symptoms and fixes");
      }
      return Optional.ofNullable(value);
    } catch (MismatchedInputException e) {
      problems.errorAtLine(problems.fileLine(line(e)), mismatch(e), "see docs/authoring.md for the shape of each key");
      return Optional.empty();
    } catch (JacksonException e) {
      String message = firstLine(e.getOriginalMessage());
      if (message.startsWith("Duplicate field '")) {
        String key = message.substring("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
        problems.errorAtLine(problems.fileLine(line(e)), "key '" + key + "' is given twice",
            "keep one of them: YAML readers would quietly keep the last");
      } else if (tabAt(text, line(e)) || String.valueOf(e.getOriginalMessage()).contains("TAB")) {
        int at = tabAt(text, line(e)) ? line(e) : firstTabLine(text);
        problems.errorAtLine(problems.fileLine(at), "YAML: a tab character on line " + problems.fileLine(at)
            + "; YAML indents with spaces only", "replace the tab with spaces; set your editor to indent YAML with spaces");
      } else {
        problems.errorAtLine(problems.fileLine(line(e)), "YAML: " + withoutClassNames(message),
            "check indentation and quoting; values containing ': ' or starting with '{' or '[' need quotes");
      }
      return Optional.empty();
    } catch (IOException e) {
      problems.errorAtLine(0, "cannot read the front matter: " + e.getMessage(), "");
      return Optional.empty();
    }
  }

  /**
   * Anchors and aliases ({@code &a}, {@code *a}) are reported rather than read: a reader without
   * the anchor's definition made {@code title: *alias} the text "t", and aliases are how a small
   * YAML file grows into a huge document.
   */
  private boolean hasAnchorOrAlias(String text, Problems problems) {
    try (JsonParser p = yaml.getFactory().createParser(text)) {
      while (p.nextToken() != null) {
        if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
          problems.errorAtLine(problems.fileLine(Math.max(1, p.currentTokenLocation().getLineNr())),
              "YAML anchors and aliases (&name, *name) are not supported", "write the value out in full");
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A syntax error: binding reports it, with its line.
    }
    return false;
  }

  /** Whether YAML-local line {@code n} of {@code text} holds a tab. */
  private static boolean tabAt(String text, int n) {
    String[] lines = text.split("\n", -1);
    return n >= 1 && n <= lines.length && lines[n - 1].indexOf('\t') >= 0;
  }

  private static int firstTabLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].indexOf('\t') >= 0) {
        return i + 1;
      }
    }
    return 1;
  }

  private static int line(JacksonException e) {
    JsonLocation at = e.getLocation();
    return at == null ? 1 : Math.max(1, at.getLineNr());
  }

  /** A value of the wrong kind, named by its key: the exception's own text names Java classes. */
  private static String mismatch(MismatchedInputException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex() + 1).append(']');
      }
    }
    String where = key.length() == 0 ? "the front matter" : "'" + key + "'";
    Class<?> target = e.getTargetType();
    String expected = target == String.class ? "text" : target == Boolean.class || target == boolean.class ? "true or false"
        : target != null && java.util.Collection.class.isAssignableFrom(target) ? "a list" : "a mapping of keys";
    if (e instanceof InvalidFormatException f && f.getValue() != null && !(f.getValue() instanceof String)) {
      Object v = f.getValue();
      String kind = v instanceof Boolean ? "a yes/no value (" + v + ")" : "the number " + v;
      return where + " should be " + expected + ", not " + kind + "; put it in quotes to keep it as written";
    }
    return where + " should be " + expected;
  }

  /** Jackson's message without the Java class names it quotes in backticks. */
  static String withoutClassNames(String message) {
    return message.replaceAll("`[A-Za-z0-9_.$\\[\\]<>]+`", "value");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int n = s.indexOf('\n');
    return (n < 0 ? s : s.substring(0, n)).strip();
  }

  /** Records problems and lets binding go on. */
  private static final class Collecting extends DeserializationProblemHandler {
    private final Problems problems;

    Collecting(Problems problems) {
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      List<String> known = new ArrayList<>();
      for (Object k : deserializer.getKnownPropertyNames()) {
        known.add(String.valueOf(k));
      }
      String hint = Names.didYouMean(propertyName, known);
      problems.error(pointer(p), "unknown key '" + propertyName + "'",
          hint.isEmpty() ? "known keys: " + String.join(", ", known.stream().sorted().toList()) : hint);
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
        JsonToken t, JsonParser p, String failureMsg) throws IOException {
      String expected = targetType.isCollectionLikeType() ? "a list"
          : targetType.getRawClass() == String.class ? "text" : "a mapping of keys";
      problems.error(pointer(p), "'" + field(p) + "' should be " + expected + ", not " + describe(t),
          "see docs/authoring.md for the shape of each key");
      p.skipChildren();
      return null;
    }

    /** Text or a number where a mapping of keys belongs ({@code components: tritonserver}). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta,
        JsonParser p, String msg) throws IOException {
      String example = instClass == EntryDto.ComponentDto.class ? "{name: tritonserver, affected: [\"*\"]}"
          : instClass == EntryDto.FixDto.class ? "{title: ..., commands: [...]}"
          : instClass == EntryDto.ReferenceDto.class ? "{type: report, url: https://...}" : "key: value";
      problems.error(pointer(p), "'" + field(p) + "' should hold mappings of keys such as " + example + ", not "
          + describe(p.currentToken()), "see docs/authoring.md for the shape of each key");
      p.skipChildren();
      return null;
    }

    private static String pointer(JsonParser p) {
      return p.getParsingContext().pathAsPointer().toString();
    }

    private static String field(JsonParser p) {
      String ptr = pointer(p);
      return ptr.isEmpty() ? "front matter" : ptr.substring(1).replace('/', '.');
    }

    private static String describe(JsonToken t) {
      if (t == null) {
        return "nothing";
      }
      return switch (t) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping";
        case VALUE_NULL -> "an empty value";
        default -> "a single value";
      };
    }
  }
}
