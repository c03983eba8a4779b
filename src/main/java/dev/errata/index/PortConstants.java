package dev.errata.index;

import dev.errata.match.Aligner;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.search.Posting;
import dev.errata.search.WordSearch;
import dev.errata.text.LogRecord;
import dev.errata.text.Paste;
import dev.errata.text.PreparedLine;
import dev.errata.text.Terms;
import dev.errata.text.Tokenizer;
import dev.errata.text.Versions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers the browser's port of the matcher and word search shares with Java: every public
 * static final {@code int} or {@code double} of the classes below, by class and name. The
 * search manifest carries them ({@code constants} in {@code search/manifest.js}), and the
 * JavaScript reads each one from there as {@code K.Class.NAME}: a constant is written once, in
 * the Java class that uses it. Read once per build, by reflection so that no name is listed twice.
 */
public final class PortConstants {
  /** The classes the browser ports: their public numeric constants are the browser's too. */
  static final List<Class<?>> PORTED = List.of(Tokenizer.class, Terms.class, Versions.class, Paste.class,
      PreparedLine.class, Posting.class, WordSearch.class, MatchData.class, MatchIndex.class, Aligner.class,
      Matcher.class, LogRecord.class);

  private static final SortedMap<String, SortedMap<String, Number>> ALL = read();

  private PortConstants() {}

  /** Simple class name, then constant name, then value; sorted, unmodifiable. */
  public static SortedMap<String, SortedMap<String, Number>> all() {
    return ALL;
  }

  private static SortedMap<String, SortedMap<String, Number>> read() {
    SortedMap<String, SortedMap<String, Number>> out = new TreeMap<>();
    for (Class<?> c : PORTED) {
      SortedMap<String, Number> values = new TreeMap<>();
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        boolean number = f.getType() == int.class || f.getType() == double.class;
        if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && number) {
          try {
            values.put(f.getName(), (Number) f.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c.getSimpleName() + "." + f.getName(), e);
          }
        }
      }
      if (out.put(c.getSimpleName(), Collections.unmodifiableSortedMap(values)) != null) {
        throw new IllegalStateException("two ported classes are named " + c.getSimpleName());
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
