package dev.errata.index;

import dev.errata.ByteWriter;
import dev.errata.ExitCode;
import dev.errata.ErrataException;
import dev.errata.text.Rules;
import java.io.InputStream;
import dev.errata.search.Posting;
import dev.errata.match.EntryInfo;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.Template;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The matcher's index as one binary file ({@code api/match-index.bin}), so that {@code errata
 * match} starts from the site without reading a single entry, and reads of that file only what
 * a paste touches: the file is mapped into memory and each entry, template and posting is
 * decoded when first asked for, through tables of offsets and sorted keys.
 *
 * <p>It begins with the fingerprint of the content it was built from: a different fingerprint
 * means the file is stale and the CLI rebuilds the index from the content instead. Not a public
 * format: it changes with the tool, and {@link #SCHEMA} says when.
 */
public final class MatchIndexCodec {
  public static final String FILE = "api/match-index.bin";
  /** The matching rules the index was built with (the tool's and the content's), written beside it. */
  public static final String RULES_FILE = "api/match-rules.json";
  static final String MAGIC = "errata-match-index";
  static final int SCHEMA = 5;

  private MatchIndexCodec() {}

  public static void write(MatchIndex index, String fingerprint, OutputStream raw) throws IOException {
    write(encode(index), fingerprint, raw);
  }

  /**
   * An index encoded, without the fingerprint of its content: a build encodes its index once
   * and writes it (and a remembering builder keeps it while the index stays the same).
   */
  public static final class Encoded {
    private final int[][] tables;
    private final ByteWriter data;

    private Encoded(int[][] tables, ByteWriter data) {
      this.tables = tables;
      this.data = data;
    }

    /** The encoded index, as {@link #write} writes it after its header. */
    public void writeTo(OutputStream out) throws IOException {
      write(this, "", out);
    }
  }

  public static Encoded encode(MatchIndex index) {
    ByteWriter data = new ByteWriter(1 << 20);
    int[] entryOff = new int[index.entryCount()];
    for (int i = 0; i < entryOff.length; i++) {
      entryOff[i] = data.size();
      EntryInfo e = index.entry(i);
      for (String s : List.of(e.id(), e.title(), e.summary(), e.status(), e.lang(), e.translationOf(), e.url(), e.firstFixTitle())) {
        string(data, s);
      }
      strings(data, e.firstFixCommands());
      strings(data, e.followsFrom());
      varint(data, e.components().size());
      for (EntryInfo.ComponentRanges c : e.components()) {
        string(data, c.name());
        strings(data, c.affected());
        strings(data, c.fixed());
      }
    }
    int[] templateOff = new int[index.templateCount()];
    for (int t = 0; t < templateOff.length; t++) {
      templateOff[t] = data.size();
      Template tpl = index.template(t);
      varint(data, tpl.entry());
      data.u8((tpl.explicit() ? 1 : 0) | (tpl.primary() ? 2 : 0) | (tpl.downstream() ? 4 : 0));
      string(data, tpl.text());
      varint(data, tpl.items().size());
      for (Template.Item it : tpl.items()) {
        data.u8(it.slot().ordinal());
        string(data, it.text());
      }
    }
    String[] keys = index.keys().toArray(String[]::new);
    java.util.Arrays.sort(keys);
    int[] keyOff = new int[keys.length];
    int k = 0;
    for (String key : keys) {
      keyOff[k++] = data.size();
      string(data, key);
      int[] templates = index.templatesWithKey(key);
      varint(data, templates.length);
      int prev = 0;
      for (int t : templates) {
        varint(data, t - prev);
        prev = t;
      }
    }
    Map<String, Posting> terms = new TreeMap<>(index.postings());
    int[] termOff = new int[terms.size()];
    k = 0;
    for (Map.Entry<String, Posting> e : terms.entrySet()) {
      termOff[k++] = data.size();
      string(data, e.getKey());
      int[] ids = e.getValue().entries();
      int[] w = e.getValue().weight();
      varint(data, ids.length);
      int prev = 0;
      for (int i = 0; i < ids.length; i++) {
        varint(data, ids[i] - prev);
        varint(data, w[i]);
        prev = ids[i];
      }
    }
    return new Encoded(new int[][] {entryOff, templateOff, keyOff, termOff}, data);
  }

  public static void write(Encoded index, String fingerprint, OutputStream raw) throws IOException {
    ByteWriter head = header(fingerprint);
    for (int[] table : index.tables) {
      head.int32(table.length);
      for (int off : table) {
        head.int32(off);
      }
    }
    head.int32(index.data.size());
    head.writeTo(raw);
    index.data.writeTo(raw);
    raw.flush();
  }

  /**
   * Writes {@code previous}, an index file, to {@code out} with {@code fingerprint} in its header:
   * for a build whose index is the one the previous build wrote, with other content (a body
   * edited) whose fingerprint differs.
   */
  public static void rewrite(Path previous, String fingerprint, Path out) throws IOException {
    try (FileChannel in = FileChannel.open(previous, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(in.size(), 4096));
      in.read(head, 0);
      head.flip();
      if (header(head).isEmpty()) {
        throw new IOException(previous + " is not an errata match index of schema " + SCHEMA);
      }
      long rest = head.position();
      Files.createDirectories(out.getParent());
      try (FileChannel to = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        to.write(ByteBuffer.wrap(header(fingerprint).toByteArray()));
        for (long at = rest, size = in.size(); at < size; ) {
          long n = in.transferTo(at, size - at, to);
          if (n <= 0) {
            throw new IOException("cannot copy " + previous);
          }
          at += n;
        }
      }
    }
  }

  /** The fingerprint an index file was built from, without reading the rest. */
  public static Optional<String> fingerprint(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
      ch.read(head, 0);
      head.flip();
      return header(head);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Moves {@code file}'s position past its header (the fingerprint of the content it was built
   * from), to what is the same for the same index whatever the content's other text; false when
   * it is not an index file.
   */
  public static boolean skipHeader(ByteBuffer file) {
    try {
      return header(file).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** What {@link #header(ByteBuffer)} reads. */
  private static ByteWriter header(String fingerprint) {
    ByteWriter out = new ByteWriter(64 + fingerprint.length());
    string(out, MAGIC);
    out.int32(SCHEMA);
    string(out, fingerprint);
    return out;
  }

  private static Optional<String> header(ByteBuffer b) {
    if (!MAGIC.equals(readString(b)) || b.getInt() != SCHEMA) {
      return Optional.empty();
    }
    return Optional.of(readString(b));
  }

  /** Maps the file and returns a view that decodes parts on demand. */
  public static MatchData open(Path file) throws IOException {
    ByteBuffer all;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    }
    if (header(all).isEmpty()) {
      throw new IOException("not an errata match index of schema " + SCHEMA);
    }
    int[][] tables = new int[4][];
    for (int i = 0; i < 4; i++) {
      int[] t = new int[all.getInt()];
      for (int j = 0; j < t.length; j++) {
        t[j] = all.getInt();
      }
      tables[i] = t;
    }
    int length = all.getInt();
    ByteBuffer data = all.slice(all.position(), length);
    return new Mapped(data, tables[0], tables[1], tables[2], tables[3]);
  }

  /** The mapped file: every lookup decodes from the buffer, once. */
  private static final class Mapped implements MatchData {
    private final ByteBuffer data;
    private final int[] entryOff;
    private final int[] templateOff;
    private final int[] keyOff;
    private final int[] termOff;
    private final EntryInfo[] entries;
    private final Template[] templates;
    private final Map<String, int[]> keys = new HashMap<>();
    private final Map<String, Posting> terms = new HashMap<>();

    Mapped(ByteBuffer data, int[] entryOff, int[] templateOff, int[] keyOff, int[] termOff) {
      this.data = data;
      this.entryOff = entryOff;
      this.templateOff = templateOff;
      this.keyOff = keyOff;
      this.termOff = termOff;
      this.entries = new EntryInfo[entryOff.length];
      this.templates = new Template[templateOff.length];
    }

    private ByteBuffer at(int offset) {
      return data.duplicate().position(offset);
    }

    @Override
    public int entryCount() {
      return entryOff.length;
    }

    @Override
    public synchronized EntryInfo entry(int i) {
      if (entries[i] == null) {
        ByteBuffer b = at(entryOff[i]);
        String id = readString(b);
        String title = readString(b);
        String summary = readString(b);
        String status = readString(b);
        String lang = readString(b);
        String translationOf = readString(b);
        String url = readString(b);
        String fixTitle = readString(b);
        List<String> commands = readStrings(b);
        List<String> followsFrom = readStrings(b);
        int nc = readVarint(b);
        List<EntryInfo.ComponentRanges> comps = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
          comps.add(new EntryInfo.ComponentRanges(readString(b), readStrings(b), readStrings(b)));
        }
        entries[i] = new EntryInfo(id, title, summary, status, lang, translationOf, url, comps, commands, fixTitle, followsFrom);
      }
      return entries[i];
    }

    @Override
    public int templateCount() {
      return templateOff.length;
    }

    @Override
    public synchronized Template template(int t) {
      if (templates[t] == null) {
        ByteBuffer b = at(templateOff[t]);
        int entry = readVarint(b);
        int flags = b.get();
        String text = readString(b);
        int n = readVarint(b);
        Template.Slot[] slots = Template.Slot.values();
        List<Template.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(new Template.Item(slots[b.get()], readString(b)));
        }
        templates[t] = new Template(entry, text, items, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
      }
      return templates[t];
    }

    @Override
    public synchronized int[] templatesWithKey(String key) {
      return keys.computeIfAbsent(key, k -> {
        int at = find(keyOff, k);
        if (at < 0) {
          return null;
        }
        ByteBuffer b = at(keyOff[at]);
        readString(b);
        int[] out = new int[readVarint(b)];
        int prev = 0;
        for (int i = 0; i < out.length; i++) {
          prev += readVarint(b);
          out[i] = prev;
        }
        return out;
      });
    }

    @Override
    public synchronized Posting posting(String term) {
      return terms.computeIfAbsent(term, k -> {
        int at = find(termOff, k);
        if (at < 0) {
          return null;
        }
        ByteBuffer b = at(termOff[at]);
        readString(b);
        int n = readVarint(b);
        int[] ids = new int[n];
        int[] w = new int[n];
        int prev = 0;
        for (int i = 0; i < n; i++) {
          prev += readVarint(b);
          ids[i] = prev;
          w[i] = readVarint(b);
        }
        return new Posting(ids, w);
      });
    }

    /** Binary search over records that start with their (sorted) key. */
    private int find(int[] offsets, String key) {
      int lo = 0;
      int hi = offsets.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = readString(at(offsets[mid])).compareTo(key);
        if (c == 0) {
          return mid;
        }
        if (c < 0) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return -1;
    }
  }

  private static void strings(ByteWriter out, List<String> values) {
    varint(out, values.size());
    for (String v : values) {
      string(out, v);
    }
  }

  private static List<String> readStrings(ByteBuffer b) {
    int n = readVarint(b);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(b));
    }
    return out;
  }

  /** Length-prefixed UTF-8. */
  private static void string(ByteWriter out, String s) {
    out.utf8(s);
  }

  private static String readString(ByteBuffer b) {
    int len = readVarint(b);
    byte[] bytes = new byte[len];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void varint(ByteWriter out, int v) {
    out.varint(v);
  }

  private static int readVarint(ByteBuffer b) {
    int v = 0;
    int shift = 0;
    while (true) {
      int x = b.get() & 0xff;
      v |= (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  /**
   * What an index depends on besides the content: the tool's version and its generic matching
   * rules, as text. Every {@code errata match} needs it before it may use a built index, so it is
   * the resources themselves, not a digest of the rules compiled (that took some 80 ms of a cold
   * start); {@link dev.errata.content.Fingerprint} mixes it into its digest.
   */
  public static String salt() {
    try (InputStream in = MatchIndexCodec.class.getResourceAsStream("/errata.properties")) {
      String version = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return version + "\u0000" + Rules.builtInText();
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read the tool's own resources: " + e.getMessage(), e);
    }
  }
}
