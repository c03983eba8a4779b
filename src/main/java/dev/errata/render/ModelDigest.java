package dev.errata.render;

import dev.errata.model.Source;
import dev.errata.version.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A 128-bit digest of a page's inputs (a model, an entry), taken by walking their values: equal
 * values give equal digests in any process, so a build can tell that a page an earlier build
 * wrote was made from the same inputs without rendering it again. Records are taken component by
 * component, lists and maps in their order, strings by their characters, int arrays by their
 * numbers. A value of any other kind is refused ({@link IllegalArgumentException}) rather than
 * digested by identity, which would call different inputs equal; the caller then renders the page.
 *
 * <p>Not made to resist inputs crafted to collide: a collision would only keep a stale page, and
 * content is written by the team that builds it.
 */
public final class ModelDigest {
  private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] rc = type.getRecordComponents();
      Method[] out = new Method[rc.length];
      for (int i = 0; i < rc.length; i++) {
        out[i] = rc[i].getAccessor();
        out[i].setAccessible(true);
      }
      return out;
    }
  };

  private long a = 0x243f6a8885a308d3L;
  private long b = 0x13198a2e03707344L;
  private final Map<Object, long[]> rows;
  private final Map<dev.errata.model.Entry, long[]> entries;

  private ModelDigest(Map<Object, long[]> rows, Map<dev.errata.model.Entry, long[]> entries) {
    this.rows = rows;
    this.entries = entries;
  }

  /** The digest of {@code value}, as 32 hexadecimal digits. */
  public static String of(Object value) {
    return of(value, null);
  }

  /**
   * The same, with the digests of values that many pages share kept by identity in {@code rows}
   * (an identity map, shared by the pages of one build): a version row or a component's columns
   * ({@link VersionPicture}), one object for every entry that shows it, whose versions were most of
   * the work of digesting an entry page's inputs, and the site's settings.
   */
  public static String of(Object value, Map<Object, long[]> rows) {
    return of(value, rows, Map.of());
  }

  /**
   * The same, with entries taken by the digests in {@code entries} (by identity, made beforehand
   * with {@link #lanes}): a build digests each entry once, for its page and for what else it
   * keeps, rather than walking its examples and body again for each.
   */
  public static String of(Object value, Map<Object, long[]> rows, Map<dev.errata.model.Entry, long[]> entries) {
    ModelDigest d = new ModelDigest(rows, entries);
    d.value(value);
    return d.hex();
  }

  /** The digest of {@code value} as two numbers, for {@link #of(Object, Map, Map)}. */
  public static long[] lanes(Object value) {
    ModelDigest d = new ModelDigest(null, Map.of());
    d.value(value);
    return new long[] {d.a, d.b};
  }

  private void value(Object v) {
    if (v == null) {
      add(0);
    } else if (v instanceof String s) {
      add(1);
      text(s);
    } else if (v instanceof dev.errata.model.Body body) {
      // As its text: a body read later digests as one read at once.
      add(1);
      text(body.text());
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      add(2);
      add(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      add(3);
      add(Double.doubleToLongBits(((Number) v).doubleValue()));
    } else if (v instanceof Boolean x) {
      add(x ? 5 : 4);
    } else if (v instanceof Enum<?> x) {
      add(6);
      text(x.getDeclaringClass().getName());
      text(x.name());
    } else if (v instanceof java.time.LocalDate || v instanceof java.nio.file.Path) {
      add(7);
      text(v.getClass().getName());
      text(v.toString());
    } else if (v instanceof Optional<?> o) {
      add(8);
      value(o.orElse(null));
    } else if (v instanceof Collection<?> c) {
      add(9);
      add(c.size());
      c.forEach(this::value);
    } else if (v instanceof Map<?, ?> m) {
      add(10);
      add(m.size());
      m.forEach((k, x) -> {
        value(k);
        value(x);
      });
    } else if (v instanceof Source s) {
      // Its line lookup is a function of the file and is not a value; pages and body problems
      // read the path, the body's first line and the path in the content folder only.
      add(11);
      text(s.path());
      add(s.bodyLine());
      text(s.contentPath());
    } else if (v instanceof Version x) {
      // Made from its text alone (Version.parse).
      add(13);
      text(x.text());
    } else if (v instanceof dev.errata.model.Entry e && entries.containsKey(e)) {
      long[] kept = entries.get(e);
      add(15);
      add(kept[0]);
      add(kept[1]);
    } else if ((v instanceof Views.VersionRow || v instanceof VersionPicture.Columns || v instanceof dev.errata.model.SiteInfo)
        && rows != null) {
      long[] kept = rows.get(v);
      if (kept == null) {
        kept = lanes(v);
        rows.put(v, kept);
      }
      add(14);
      add(kept[0]);
      add(kept[1]);
    } else if (v instanceof int[] a) {
      // Two numbers a step: a word part's postings are thousands of them.
      add(16);
      add(a.length);
      int i = 0;
      for (; i + 2 <= a.length; i += 2) {
        add((a[i] & 0xffffffffL) | (long) a[i + 1] << 32);
      }
      if (i < a.length) {
        add(a[i] & 0xffffffffL);
      }
    } else if (v.getClass().isRecord()) {
      record(v);
    } else {
      throw new IllegalArgumentException("cannot digest a " + v.getClass().getName());
    }
  }

  private void record(Object v) {
    add(12);
    text(v.getClass().getName());
    for (Method m : COMPONENTS.get(v.getClass())) {
      value(component(m, v));
    }
  }

  private static Object component(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot read " + accessor + ": " + e, e);
    }
  }

  private void text(String s) {
    int n = s.length();
    add(n);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      add((long) s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48);
    }
    long last = 0;
    for (int k = 0; i < n; i++, k += 16) {
      last |= (long) s.charAt(i) << k;
    }
    add(last);
  }

  /** Two lanes, each a multiply-xorshift mix, with different constants: 128 bits. */
  private void add(long v) {
    a = mix(a ^ v, 0xbf58476d1ce4e5b9L);
    b = mix(b + v, 0x94d049bb133111ebL);
  }

  private static long mix(long h, long k) {
    h *= k;
    return h ^ (h >>> 29);
  }

  private String hex() {
    HexFormat f = HexFormat.of();
    return f.toHexDigits(mix(a ^ (b >>> 7), 0x9e3779b97f4a7c15L)) + f.toHexDigits(mix(b ^ a, 0xd6e8feb86659fd93L));
  }
}
