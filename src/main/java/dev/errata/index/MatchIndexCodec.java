package dev.errata.index;

import dev.errata.match.EntryInfo;
import dev.errata.match.MatchIndex;
import dev.errata.match.Template;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The matcher's index as one compact binary file ({@code api/match-index.bin}), so that {@code
 * errata match} starts from the site without reading a single entry. It begins with the
 * fingerprint of the content it was built from: a different fingerprint means the file is
 * stale and the CLI rebuilds the index from the content instead. Not a public format: it
 * changes with the tool, and {@link #SCHEMA} says when.
 */
public final class MatchIndexCodec {
  public static final String FILE = "api/match-index.bin";
  static final String MAGIC = "errata-match-index";
  static final int SCHEMA = 2;

  private MatchIndexCodec() {}

  public static void write(MatchIndex index, String fingerprint, OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeUTF(MAGIC);
    out.writeInt(SCHEMA);
    out.writeUTF(fingerprint);
    out.writeInt(index.entries().size());
    for (EntryInfo e : index.entries()) {
      for (String s : List.of(e.id(), e.title(), e.summary(), e.status(), e.lang(), e.translationOf(), e.url(), e.firstFixTitle())) {
        writeString(out, s);
      }
      strings(out, e.firstFixCommands());
      out.writeInt(e.components().size());
      for (EntryInfo.ComponentRanges c : e.components()) {
        writeString(out, c.name());
        strings(out, c.affected());
        strings(out, c.fixed());
      }
    }
    out.writeInt(index.templates().size());
    for (Template t : index.templates()) {
      out.writeInt(t.entry());
      writeString(out, t.text());
      out.writeBoolean(t.explicit());
      out.writeBoolean(t.primary());
      out.writeInt(t.items().size());
      for (Template.Item it : t.items()) {
        out.writeByte(it.slot().ordinal());
        writeString(out, it.text());
      }
    }
    Map<String, MatchIndex.Posting> sorted = new TreeMap<>(index.postings());
    out.writeInt(sorted.size());
    for (Map.Entry<String, MatchIndex.Posting> p : sorted.entrySet()) {
      writeString(out, p.getKey());
      int[] ids = p.getValue().entries();
      int[] tf = p.getValue().weight();
      out.writeInt(ids.length);
      int prev = 0;
      for (int k = 0; k < ids.length; k++) {
        varint(out, ids[k] - prev);
        varint(out, tf[k]);
        prev = ids[k];
      }
    }
    out.flush();
  }

  /** The fingerprint an index file was built from, without reading the rest. */
  public static Optional<String> fingerprint(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
      if (!in.readUTF().equals(MAGIC) || in.readInt() != SCHEMA) {
        return Optional.empty();
      }
      return Optional.of(in.readUTF());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static MatchIndex read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (!in.readUTF().equals(MAGIC) || in.readInt() != SCHEMA) {
      throw new IOException("not an errata match index of schema " + SCHEMA);
    }
    in.readUTF();
    int n = in.readInt();
    List<EntryInfo> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = readString(in);
      String title = readString(in);
      String summary = readString(in);
      String status = readString(in);
      String lang = readString(in);
      String translationOf = readString(in);
      String url = readString(in);
      String fixTitle = readString(in);
      List<String> commands = strings(in);
      int nc = in.readInt();
      List<EntryInfo.ComponentRanges> comps = new ArrayList<>(nc);
      for (int c = 0; c < nc; c++) {
        comps.add(new EntryInfo.ComponentRanges(readString(in), strings(in), strings(in)));
      }
      entries.add(new EntryInfo(id, title, summary, status, lang, translationOf, url, comps, commands, fixTitle));
    }
    int nt = in.readInt();
    Template.Slot[] slots = Template.Slot.values();
    List<Template> templates = new ArrayList<>(nt);
    for (int t = 0; t < nt; t++) {
      int entry = in.readInt();
      String text = readString(in);
      boolean explicit = in.readBoolean();
      boolean primary = in.readBoolean();
      int ni = in.readInt();
      List<Template.Item> items = new ArrayList<>(ni);
      for (int k = 0; k < ni; k++) {
        items.add(new Template.Item(slots[in.readByte()], readString(in)));
      }
      templates.add(new Template(entry, text, items, explicit, primary));
    }
    int np = in.readInt();
    Map<String, MatchIndex.Posting> postings = new HashMap<>(np * 2);
    for (int p = 0; p < np; p++) {
      String term = readString(in);
      int len = in.readInt();
      int[] ids = new int[len];
      int[] tf = new int[len];
      int prev = 0;
      for (int k = 0; k < len; k++) {
        prev += readVarint(in);
        ids[k] = prev;
        tf[k] = readVarint(in);
      }
      postings.put(term, new MatchIndex.Posting(ids, tf));
    }
    return new MatchIndex(entries, templates, postings);
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(out, v);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(in));
    }
    return out;
  }

  /** Length-prefixed UTF-8, unlike writeUTF not limited to 64 KiB. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    varint(out, b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int len = readVarint(in);
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void varint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }
}
