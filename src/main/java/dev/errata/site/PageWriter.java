package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.index.IndexPart;
import dev.errata.render.Page;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the files of a build on one thread of its own, in the order they are handed over.
 * Creating files in one folder from several threads made them queue on the folder's lock in the
 * kernel, spinning while they waited; one writer creates them back to back while the renderers
 * go on rendering. The queue is bounded, so a fast renderer waits rather than piling up pages.
 *
 * <p>Given the site the previous build wrote and a digest of each of its files, a file with the
 * same path and digest is linked (a hard link) rather than written: a rebuild after one edit
 * writes the files that edit changed. Files are never changed in place, only created (a file
 * that is there is removed first), so two sites sharing a file cannot see each other's writes.
 *
 * <p>Writing into the site before the previous one ({@link OutputFolder#reuse}), which holds the
 * previous site's files but for the paths where the two differ, a file that is already there
 * with the same digest is left as it is: a rebuild touches the files of the last two builds'
 * edits, not every file of the site. {@link #prune} then removes what this build did not write.
 */
final class PageWriter {
  private static final Page END = new Page("", new byte[0]);

  /**
   * A finished site and the digest of each of its files, by path, with what its folder holds now
   * ({@code listing}, made afresh for each build).
   */
  record Previous(Path folder, Map<String, Long> digests, Listing listing) {
    /** No site to link from: every file is written, and digested for the build after. */
    static final Previous NONE = new Previous(Path.of(""), Map.of());

    Previous(Path folder, Map<String, Long> digests) {
      this(folder, digests, new Listing(folder));
    }

    /**
     * Whether the site's record has the file and its folder still holds it: a file someone
     * removed by hand is made again, not linked.
     */
    boolean holds(String path) {
      return digests.containsKey(path) && listing.has(path);
    }
  }

  /**
   * The names in a folder's folders, each read once, when first asked about: one listing per
   * folder rather than a look at each file (20,000 at 10,000 entries, a page and a JSON file each).
   */
  static final class Listing {
    private final Path root;
    private final Map<String, Set<String>> folders = new java.util.concurrent.ConcurrentHashMap<>();

    Listing(Path root) {
      this.root = root;
    }

    boolean has(String path) {
      int slash = path.lastIndexOf('/');
      return folders.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), this::names).contains(path.substring(slash + 1));
    }

    private Set<String> names(String folder) {
      Set<String> names = new HashSet<>();
      try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(folder.isEmpty() ? root : root.resolve(folder))) {
        for (Path p : s) {
          names.add(p.getFileName().toString());
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        return Set.of(); // gone or unreadable: nothing in it is taken
      }
      return names;
    }
  }

  private final Path root;
  private final Previous previous;
  /**
   * When the folder is a reused site: the paths where its files differ from the previous site's
   * (every other file of it is the previous site's); null for a new, empty folder.
   */
  private final Set<String> differs;
  private final Map<String, Long> digests = new HashMap<>();
  /** Pages, and files to take from the previous site as they are ({@link Keep}). */
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
  private final Thread thread;
  private final Set<Path> folders = new HashSet<>();
  private volatile ErrataException failure;
  private int written;

  /** @param previous the site to link unchanged files from ({@link Previous#NONE} for none); digests are kept */
  PageWriter(Path root, Previous previous) {
    this(root, previous, null);
  }

  /**
   * @param differs for a {@code root} that holds the previous site's files but for these paths
   *     (a reused site, see {@link OutputFolder#reuse}); null for a new, empty folder
   */
  PageWriter(Path root, Previous previous, Set<String> differs) {
    this.root = root;
    this.previous = previous;
    this.differs = differs;
    this.thread = new Thread(this::run, "errata-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a page; throws at once if an earlier write failed. */
  void write(Page page) {
    queue(page);
  }

  /** A file of the previous site that this one has unchanged: linked, with its digest, not rendered. */
  private record Keep(String path, long digest) {}

  /**
   * Queues a file the previous site has and this one keeps as it is ({@code digest} is its digest
   * there); a site whose file is gone fails the build, which {@code --full} then renders whole.
   */
  void keep(String path, long digest) {
    queue(new Keep(path, digest));
  }

  private void queue(Object item) {
    ErrataException f = failure;
    if (f != null) {
      throw f;
    }
    put(item);
  }

  /** Queues a part of the search index. */
  void write(IndexPart part) {
    write(new Page(part.path(), part.bytes()));
  }

  /** Waits until every queued page is on disk; the number written, or the first failure. */
  int finish() {
    put(END);
    join();
    if (failure != null) {
      throw failure;
    }
    return written;
  }

  /** The digest of every file written or linked, by path; read after {@link #finish}. */
  Map<String, Long> digests() {
    return digests;
  }

  /**
   * In a reused folder, removes every file this build did not write (nor {@code alsoWritten},
   * paths written beside this writer), and every folder that then holds none: the pages of
   * entries gone since, whatever was added by hand. Read after {@link #finish}. Folders are
   * listed, not their files looked at one by one.
   */
  void prune(Set<String> alsoWritten) {
    if (differs == null) {
      return;
    }
    Set<String> folders = new HashSet<>();
    for (Set<String> paths : List.of(digests.keySet(), alsoWritten)) {
      for (String p : paths) {
        for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
          if (!folders.add(p.substring(0, slash))) {
            break;
          }
        }
      }
    }
    try {
      prune(root, "", folders, alsoWritten);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot tidy " + root + ": " + e.getMessage(), e);
    }
  }

  private void prune(Path folder, String prefix, Set<String> folders, Set<String> alsoWritten) throws IOException {
    try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) {
        String path = prefix + p.getFileName();
        if (folders.contains(path)) {
          prune(p, path + "/", folders, alsoWritten);
        } else if (!digests.containsKey(path) && !alsoWritten.contains(path)) {
          OutputFolder.deleteTree(p);
        }
      }
    }
  }

  /** Drops what is queued and stops, after a failure elsewhere, before the folder is removed. */
  void abort() {
    queue.clear();
    put(END);
    join();
  }

  private void run() {
    while (true) {
      // Pages arrive faster than one a millisecond; a writer blocked in take() would be woken
      // for each, a wake-up and context switch per page. Polling at a millisecond
      // when the queue is empty writes the same pages in batches, and the renderers' puts find
      // no one to wake.
      Object item = queue.poll();
      if (item == null) {
        if (Thread.interrupted()) {
          return;
        }
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      if (item == END) {
        return;
      }
      if (failure == null) {
        String path = item instanceof Page p ? p.path() : ((Keep) item).path();
        try {
          if (item instanceof Keep k) {
            digests.put(k.path(), k.digest());
            if (!there(k.path(), k.digest())) {
              keep(k);
            }
          } else {
            Page page = (Page) item;
            long digest = digest(page.bytes());
            digests.put(path, digest);
            if (!there(path, digest) && !linked(path, digest)) {
              write(root.resolve(path), page.bytes());
            }
          }
          written++;
        } catch (ErrataException e) {
          failure = e;
        } catch (RuntimeException | Error e) {
          // An error that ended this thread unseen would let an incomplete site be swapped in.
          failure = new ErrataException(ExitCode.INTERNAL, "writing " + path + " failed: " + e, e);
        }
      }
    }
  }

  /** Whether the reused folder holds this very file already: the previous site's, with the same digest. */
  private boolean there(String path, long digest) {
    if (differs == null || differs.contains(path)) {
      return false;
    }
    Long before = previous.digests().get(path);
    return before != null && before == digest;
  }

  /**
   * Removes the reused folder's file at {@code file}, if any, before another takes its place:
   * it may be the previous site's own file too (a hard link), which must not change.
   */
  private void clear(Path file) throws IOException {
    if (differs != null) {
      Files.deleteIfExists(file);
    }
  }

  private void write(Path file, byte[] content) {
    try {
      Path folder = file.getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
      clear(file);
      // One write call: Files.write would pass the bytes through a small direct buffer in pieces.
      try (FileOutputStream out = new FileOutputStream(file.toFile())) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Links the page when the previous site has the same file; false when it was not linked. */
  private boolean linked(String path, long digest) {
    Long before = previous.digests().get(path);
    return before != null && before == digest && link(root.resolve(path), previous.folder().resolve(path));
  }

  private void keep(Keep k) {
    if (!link(root.resolve(k.path()), previous.folder().resolve(k.path()))) {
      throw new ErrataException(ExitCode.IO, "cannot take " + k.path() + " from the previous site in " + previous.folder()
          + " (was it changed by hand?); run errata build --full to render every page again");
    }
  }

  /** Links {@code file} to the same file of the previous site; false when it cannot (gone, another file system). */
  private boolean link(Path file, Path same) {
    try {
      Path folder = file.getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
      clear(file);
      Files.createLink(file, same);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * A 64-bit digest of the bytes and their length, eight bytes a step (a byte a step was the
   * writer's largest cost in a rebuild): a changed file keeps its digest about once in 2^64. Not
   * made to resist a file crafted to collide, which would only keep a stale file in a preview.
   */
  static long digest(byte[] bytes) {
    long h = 0x9e3779b97f4a7c15L ^ bytes.length;
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      h = mix(h ^ (long) LONGS.get(bytes, i));
    }
    for (; i < bytes.length; i++) {
      h = mix(h ^ (bytes[i] & 0xffL));
    }
    return h;
  }

  /**
   * {@link #digest(byte[])} of the bytes a buffer holds from 0 to its capacity, without copying
   * them out (a mapped file). The array form stays apart: it digests every page written, and a
   * buffer's reads take twice as long on the quick compiler builds run on.
   */
  static long digest(java.nio.ByteBuffer buffer) {
    java.nio.ByteBuffer b = buffer.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int n = b.capacity();
    long h = 0x9e3779b97f4a7c15L ^ n;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      h = mix(h ^ b.getLong(i));
    }
    for (; i < n; i++) {
      h = mix(h ^ (b.get(i) & 0xffL));
    }
    return h;
  }

  private static long mix(long h) {
    h *= 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 31);
  }

  private void put(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrataException(ExitCode.INTERNAL, "interrupted while writing the site", e);
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrataException(ExitCode.INTERNAL, "interrupted while writing the site", e);
    }
  }
}
