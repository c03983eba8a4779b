package dev.errata.site;

import dev.errata.check.ExampleResults;
import dev.errata.index.MatchIndexCodec;
import dev.errata.match.Confidence;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of examples, kept in one file between builds ({@code site.builds/cache/examples.tsv}).
 * They are recorded under a key made of the match index's bytes and the tool that matched: a
 * later build whose index is byte for byte the same reuses them. The file is replaced in one
 * step, so a reader sees a whole record or none; one it cannot read is ignored (every example
 * runs).
 */
final class ExampleStore {
  static final String FILE = "examples.tsv";
  private static final String HEADER = "errata-example-results 1 ";

  private final Path file;

  ExampleStore(Path cacheDir) {
    this.file = cacheDir.resolve(FILE);
  }

  /** What a paste's answers depend on besides the paste: this index, the matching rules and this tool. */
  static String key(MatchIndexCodec.Encoded index, String rulesJson) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(Tool.IDENTITY.getBytes(StandardCharsets.UTF_8));
      d.update(rulesJson.getBytes(StandardCharsets.UTF_8));
      try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), d)) {
        index.writeTo(out);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The answers recorded under {@code key}, none when the file is missing, unreadable or of another key. */
  ExampleResults load(String key) {
    Map<String, List<ExampleResults.Answer>> known = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!(HEADER + key).equals(in.readLine())) {
        return new ExampleResults(key, Map.of());
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        List<ExampleResults.Answer> answers = new ArrayList<>();
        for (int i = 1; i + 2 < f.length; i += 3) {
          answers.add(new ExampleResults.Answer(f[i], f[i + 1], Confidence.valueOf(f[i + 2])));
        }
        known.put(f[0], answers);
      }
    } catch (NoSuchFileException e) {
      return new ExampleResults(key, Map.of());
    } catch (IOException | IllegalArgumentException e) {
      // A damaged record costs time, never a wrong answer: every example runs again.
      return new ExampleResults(key, Map.of());
    }
    return new ExampleResults(key, known);
  }

  /** Records this run's answers (only those: the file does not grow with past edits). */
  void save(ExampleResults results) {
    CacheFile.replace(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(HEADER + results.key());
      w.write('\n');
      for (Map.Entry<String, List<ExampleResults.Answer>> e : new TreeMap<>(results.used()).entrySet()) {
        w.write(e.getKey());
        for (ExampleResults.Answer a : e.getValue()) {
          w.write('\t' + a.id() + '\t' + a.family() + '\t' + a.confidence().name());
        }
        w.write('\n');
      }
      w.flush();
    });
  }
}
