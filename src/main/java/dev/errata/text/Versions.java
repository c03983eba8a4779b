package dev.errata.text;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds component versions in text: container tags, versions the server prints, {@code
 * name==version}, {@code pip list} and {@code conda list} rows, nvidia-smi's driver and CUDA
 * versions. Names of Python packages map to components through {@link Rules}. The first
 * version found for a component wins, except that versions given explicitly override.
 */
public final class Versions {
  /** How much of a line is searched for versions; read by the browser's port too. */
  public static final int MAX_SCANNED = 2000;

  private final Rules rules;
  private final Map<String, FoundVersion> found = new LinkedHashMap<>();

  public Versions(Rules rules) {
    this.rules = rules;
  }

  /** Looks for versions in one line of text. */
  public void scan(String line, String source) {
    if (line.length() > MAX_SCANNED) {
      line = line.substring(0, MAX_SCANNED);
    }
    String lower = line.toLowerCase(Locale.ROOT);
    for (Rules.VersionPattern p : rules.versionPatterns) {
      if (!p.gate().admits(line, lower)) {
        continue;
      }
      Matcher m = p.pattern().matcher(line);
      while (m.find()) {
        if (p.isPackage()) {
          String component = rules.packages.get(m.group(1).toLowerCase(Locale.ROOT));
          if (component != null) {
            add(component, m.group(2), source, false);
          }
        } else {
          String v = m.group(1);
          if (!p.alias().isEmpty()) {
            v = rules.translate(p.alias(), v);
            if (v.isEmpty()) {
              continue;
            }
          }
          add(p.component(), v, source, false);
        }
        if (m.end() >= line.length()) {
          break;
        }
      }
    }
  }

  /** {@code NAME=VERSION} from {@code --env}; NAME is a component or a package name. */
  public static Optional<FoundVersion> parseEnv(String spec, Rules rules) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      return Optional.empty();
    }
    String name = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    String version = spec.substring(eq + 1).replaceFirst("^=", "").strip();
    return Optional.of(new FoundVersion(rules.packages.getOrDefault(name, name), version, "--env"));
  }

  /** Rows of {@code pip freeze}, {@code pip list} or {@code conda list}. */
  public void scanEnvFile(String text, String name) {
    int number = 0;
    for (String line : text.split("\r?\n", -1)) {
      number++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("---") || l.startsWith("Package ")) {
        continue;
      }
      String[] parts;
      if (l.contains("==")) {
        parts = l.split("==", 2);
      } else {
        parts = l.split("\\s+");
      }
      if (parts.length < 2) {
        continue;
      }
      String component = rules.packages.getOrDefault(parts[0].strip().toLowerCase(Locale.ROOT), parts[0].strip().toLowerCase(Locale.ROOT));
      String version = parts[1].strip();
      if (!version.isEmpty() && Character.isDigit(version.charAt(0))) {
        add(component, version.split("[\\s;]", 2)[0], name + ":" + number, true);
      }
    }
  }

  public void add(FoundVersion v) {
    add(v.component(), v.version(), v.source(), true);
  }

  private void add(String component, String version, String source, boolean override) {
    if (override || !found.containsKey(component)) {
      found.put(component, new FoundVersion(component, version, source));
    }
  }

  public List<FoundVersion> all() {
    return new ArrayList<>(found.values());
  }

  public Optional<FoundVersion> find(String component) {
    return Optional.ofNullable(found.get(component));
  }
}
