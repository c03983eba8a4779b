package dev.errata.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
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
    try {
      T value = yaml.readerFor(type).withHandler(new Collecting(problems)).readValue(text);
      if (value == null) {
        problems.errorAtLine(problems.fileLine(1), "the front matter is empty",
            "write at least id, title, summary, status, symptoms and fixes");
      }
      return Optional.ofNullable(value);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      problems.errorAtLine(problems.fileLine(line), "YAML: " + firstLine(e.getOriginalMessage()),
          "check indentation and quoting; values containing ': ' or starting with '{' or '[' need quotes");
      return Optional.empty();
    } catch (IOException e) {
      problems.errorAtLine(0, "cannot read the front matter: " + e.getMessage(), "");
      return Optional.empty();
    }
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
