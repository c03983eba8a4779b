package dev.errata.site;

import dev.errata.search.TermCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * The byte format of what builds keep for later builds: unsigned variable-length numbers,
 * fixed 64-bit numbers and length-prefixed UTF-8 text.
 */
final class RecordBytes {
  private RecordBytes() {}

  /**
   * Texts a record repeats (ids, messages), each written once in a table and elsewhere as its
   * number in it ({@link In#texts} reads the table back).
   */
  static final class Table {
    private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
    private final java.util.List<String> texts = new java.util.ArrayList<>();

    int number(String text) {
      return numbers.computeIfAbsent(text, t -> {
        texts.add(t);
        return texts.size() - 1;
      });
    }

    void writeTo(Out out) {
      out.count(texts.size());
      texts.forEach(out::text);
    }
  }

  /**
   * The record in {@code file}, read by {@code decode} after its first text, {@code magic}; empty
   * when there is none, it is of another kind or damaged, or bytes follow what {@code decode}
   * read. A record that cannot be read costs its work again, never a wrong result.
   */
  static <T> Optional<T> read(Path file, String magic, Function<In, T> decode) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty(); // none yet, or unreadable
    }
    return decode(bytes, magic, decode);
  }

  /** The record in {@code bytes}, as {@link #read} reads a file. */
  static <T> Optional<T> decode(byte[] bytes, String magic, Function<In, T> decode) {
    try {
      In in = new In(bytes);
      if (!magic.equals(in.text())) {
        return Optional.empty();
      }
      T value = decode.apply(in);
      return in.atEnd() ? Optional.of(value) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // damaged or cut short
    }
  }

  /**
   * The terms of a table that some counts use, numbered in the order they are first met: counts
   * written with {@link Out#kept} and these numbers need only {@link #table} beside them, not the
   * whole table, which also holds the terms of entries since edited or removed.
   */
  static final class UsedTerms {
    private final int[] number;
    private final String[] table;

    UsedTerms(String[] all, Iterable<TermCounts.Kept> counts) {
      number = new int[all.length];
      int used = 0;
      for (TermCounts.Kept k : counts) {
        for (int t : k.terms()) {
          if (number[t] == 0) {
            number[t] = ++used;
          }
        }
      }
      table = new String[used];
      for (int t = 0; t < number.length; t++) {
        if (number[t] > 0) {
          table[number[t] - 1] = all[t];
        }
      }
    }

    /** The number of term {@code t} of the whole table in {@link #table}. */
    int number(int t) {
      return number[t] - 1;
    }

    String[] table() {
      return table;
    }
  }

  /**
   * The table a record of counts is written with, and how its counts' term numbers become the
   * table's. The counting's whole table, whose numbers the counts already have (so that counts
   * a later build keeps as they lie keep their bytes), until it holds more than twice the terms in
   * use plus 10,000; then only the terms in use, renumbered ({@link UsedTerms}).
   */
  record Numbering(String[] table, IntUnaryOperator number, boolean renumbered) {
    static Numbering of(String[] all, Iterable<TermCounts.Kept> counts) {
      UsedTerms used = new UsedTerms(all, counts);
      return all.length > 2 * used.table().length + 10_000 ? new Numbering(used.table(), used::number, true)
          : new Numbering(all, t -> t, false);
    }

    void writeTable(Out out) {
      out.count(table.length);
      for (String t : table) {
        out.text(t);
      }
    }
  }

  /** Unsigned variable-length numbers and length-prefixed UTF-8 text, into a growing array. */
  static final class Out extends dev.errata.ByteWriter {
    Out() {
      super(1 << 16);
    }

    void count(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("negative count " + v);
      }
      varint(v);
    }

    void fixed(long v) {
      fixed64(v);
    }

    void text(String s) {
      utf8(s);
    }

    /** An entry's counts: its length, then each term, as {@code number} numbers it, with its weight. */
    void kept(TermCounts.Kept k, IntUnaryOperator number) {
      count(k.length());
      count(k.terms().length);
      for (int i = 0; i < k.terms().length; i++) {
        count(number.applyAsInt(k.terms()[i]));
        count(k.weights()[i]);
      }
    }
  }

  /** Reads what {@link Out} wrote; throws on anything cut short. */
  static final class In extends dev.errata.ByteReader {
    In(byte[] bytes) {
      super(bytes);
    }

    /** The {@code length} bytes of {@code bytes} from {@code offset}. */
    In(byte[] bytes, int offset, int length) {
      super(bytes, offset, length);
    }

    /** A table that {@link Table#writeTo} wrote, by number. */
    String[] texts() {
      String[] out = new String[count()];
      for (int i = 0; i < out.length; i++) {
        out[i] = text();
      }
      return out;
    }

    /** What {@link Out#kept} wrote, its terms numbers in a table of {@code terms} terms. */
    TermCounts.Kept kept(int terms) {
      int length = count();
      int distinct = count();
      int[] own = new int[distinct];
      int[] weights = new int[distinct];
      for (int k = 0; k < distinct; k++) {
        own[k] = count();
        weights[k] = count();
        if (own[k] >= terms) {
          throw new IllegalStateException("term out of range");
        }
      }
      return new TermCounts.Kept(own, weights, length);
    }
  }
}
