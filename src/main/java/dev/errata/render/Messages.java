package dev.errata.render;

import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The words of the site's interface, one bundle per language: {@code messages/LANG.properties}
 * (UTF-8) among the templates. The shipped bundles (English and Chinese) are in the jar; a file
 * of the user's templates folder adds a language, or replaces some words of a shipped one. English
 * is the reference: every key it has, every other language should have; a key a bundle lacks is
 * shown in English and reported by {@link #problems}.
 */
public final class Messages {
  /** The language every other bundle is compared with, and falls back to. */
  public static final String REFERENCE = "en";
  /** The bundles in the jar; a test keeps this list equal to {@code templates/messages/}. */
  static final List<String> SHIPPED = List.of("en", "zh");
  static final String FOLDER = "messages";
  /** The keys the browser's scripts read start with this; they go to {@code assets/messages/LANG.js}. */
  static final String SCRIPT_PREFIX = "js.";

  private final Map<String, Map<String, String>> own;
  private final Map<String, String> reference;
  private final List<Diagnostic> problems;
  private final Map<String, Map<String, String>> resolved = new java.util.concurrent.ConcurrentHashMap<>();

  private Messages(Map<String, Map<String, String>> own, List<Diagnostic> problems) {
    this.own = own;
    this.reference = own.get(REFERENCE);
    this.problems = List.copyOf(problems);
  }

  /** The shipped bundles, then those of {@code userTemplates/messages/} (may be null or absent). */
  public static Messages load(Path userTemplates) {
    Map<String, Map<String, String>> own = new TreeMap<>();
    Map<String, String> files = new TreeMap<>();
    for (String lang : SHIPPED) {
      String resource = Templates.DEFAULTS + "/" + FOLDER + "/" + lang + ".properties";
      try (InputStream in = Messages.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ErrataException(ExitCode.INTERNAL, "the jar lacks the message bundle " + resource);
        }
        own.put(lang, read(new InputStreamReader(in, StandardCharsets.UTF_8)));
        files.put(lang, "templates/" + FOLDER + "/" + lang + ".properties");
      } catch (IOException e) {
        throw new ErrataException(ExitCode.INTERNAL, "cannot read the message bundle " + resource + ": " + e.getMessage(), e);
      }
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Path> userFiles = new TreeMap<>();
    Path dir = userTemplates == null ? null : userTemplates.resolve(FOLDER);
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path f : list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList()) {
          String name = f.getFileName().toString();
          String lang = name.substring(0, name.length() - ".properties".length());
          if (!isLanguage(lang)) {
            problems.add(Diagnostic.warning(f.toString(), 0, "'" + lang + "' is not a language tag; this file is not used",
                "name message bundles after their language, such as fr.properties or pt-BR.properties"));
            continue;
          }
          Map<String, String> words;
          try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            words = read(r);
          } catch (IOException e) {
            throw new ErrataException(ExitCode.IO, "cannot read the message bundle " + f + ": " + e.getMessage(), e);
          }
          Map<String, String> merged = new TreeMap<>(own.getOrDefault(lang, Map.of()));
          merged.putAll(words);
          own.put(lang, merged);
          userFiles.put(lang, f);
          files.put(lang, f.toString());
        }
      } catch (IOException e) {
        throw new ErrataException(ExitCode.IO, "cannot read the folder " + dir + ": " + e.getMessage(), e);
      }
    }
    Map<String, String> reference = own.get(REFERENCE);
    for (Map.Entry<String, Map<String, String>> b : own.entrySet()) {
      String file = files.get(b.getKey());
      for (String key : reference.keySet()) {
        if (!b.getValue().containsKey(key)) {
          problems.add(Diagnostic.warning(file, 0, "no message '" + key + "'; pages in " + b.getKey()
              + " show the English words instead", "add the line " + key + "=... (the English: "
              + reference.get(key) + ")"));
        }
      }
      Path user = userFiles.get(b.getKey());
      if (user != null) {
        for (String key : new TreeSet<>(b.getValue().keySet())) {
          if (!reference.containsKey(key)) {
            problems.add(Diagnostic.warning(file, lineOf(user, key), "unknown message '" + key + "'; no page shows it",
                "check its spelling against templates/" + FOLDER + "/" + REFERENCE + ".properties in the documentation"));
          }
        }
      }
    }
    return new Messages(own, problems);
  }

  /** Missing and unknown keys of the bundles: warnings for {@code errata check} and {@code build}. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Languages in {@code langs} (those the entries use) that have no bundle, as warnings. */
  public List<Diagnostic> missingLanguages(Set<String> langs, String where) {
    List<Diagnostic> out = new ArrayList<>();
    for (String lang : new TreeSet<>(langs)) {
      if (!own.containsKey(lang) && !own.containsKey(base(lang))) {
        out.add(Diagnostic.warning(where, 0, "no message bundle for language '" + lang
            + "'; its pages show the interface in English", "add templates/" + FOLDER + "/" + lang + ".properties"
            + " with the keys of " + REFERENCE + ".properties"));
      }
    }
    return out;
  }

  /** Languages with a bundle, sorted. */
  public Set<String> languages() {
    return Collections.unmodifiableSet(own.keySet());
  }

  /**
   * The words of one language, whole: keys its bundle lacks are English. {@code pt-BR} falls back
   * to {@code pt}, then to English.
   */
  public Map<String, String> of(String lang) {
    return resolved.computeIfAbsent(lang, l -> {
      Map<String, String> out = new LinkedHashMap<>(reference);
      Map<String, String> base = own.get(base(l));
      if (base != null) {
        out.putAll(base);
      }
      Map<String, String> exact = own.get(l);
      if (exact != null) {
        out.putAll(exact);
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /** The language whose bundle serves {@code lang}: itself, its base language or English. */
  public String bundleFor(String lang) {
    return own.containsKey(lang) ? lang : own.containsKey(base(lang)) ? base(lang) : REFERENCE;
  }

  /**
   * {@code assets/messages/LANG.js}: the words the browser's scripts show, as a plain script
   * that sets {@code window.ErrataMessages}, so that it loads from {@code file://} too.
   */
  public byte[] script(String lang) {
    StringBuilder out = new StringBuilder("// The words of the site's scripts in this language, from messages/")
        .append(lang).append(".properties.\nwindow.ErrataMessages = {");
    String sep = "\n  ";
    for (Map.Entry<String, String> m : new TreeMap<>(of(lang)).entrySet()) {
      if (m.getKey().startsWith(SCRIPT_PREFIX)) {
        out.append(sep).append(jsString(m.getKey().substring(SCRIPT_PREFIX.length()))).append(": ").append(jsString(m.getValue()));
        sep = ",\n  ";
      }
    }
    out.append("\n};\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JavaScript string literal; every character outside printable ASCII escaped, so the file is ASCII. */
  static String jsString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&') {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static Map<String, String> read(Reader r) throws IOException {
    Properties p = new Properties();
    p.load(r);
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static String base(String lang) {
    int dash = lang.indexOf('-');
    return dash < 0 ? lang : lang.substring(0, dash);
  }

  private static boolean isLanguage(String s) {
    return s.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  }

  /** The line that sets {@code key}, for the report; 0 when it cannot be told. */
  private static int lineOf(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).stripLeading();
        String rest = l.startsWith(key) ? l.substring(key.length()).stripLeading() : null;
        if (rest != null && (rest.isEmpty() || rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }
}
