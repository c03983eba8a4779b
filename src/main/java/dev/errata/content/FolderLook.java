package dev.errata.content;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every file under a content folder, each with its own attributes (a link's, not its target's),
 * as a walk that follows no links sees it; the folder itself is followed when it is a link. A
 * build looks once, before it reads any file, and makes both the folder's {@link Fingerprint}
 * and the list of its entry files from what it saw, so that an entry edited while the build
 * reads makes the index it writes stale. The look is taken on all cores: one stat after another
 * was a tenth of a rebuild of 10,000 entries, and it was taken twice.
 *
 * @param files the files that are not folders, in no particular order
 * @param failed what could not be listed or looked at, and why
 */
public record FolderLook(Path root, List<Seen> files, List<Failed> failed) {
  /** A file and its own attributes. */
  public record Seen(Path path, BasicFileAttributes attrs) {}

  /** A file or folder that could not be looked at. */
  public record Failed(Path path, IOException error) {}

  public FolderLook {
    files = List.copyOf(files);
    failed = List.copyOf(failed);
  }

  public static FolderLook of(Path root) {
    Queue<Seen> files = new ConcurrentLinkedQueue<>();
    Queue<Failed> failed = new ConcurrentLinkedQueue<>();
    if (Files.isDirectory(root)) {
      into(root, files, failed);
    } else {
      at(root, files, failed);
    }
    return new FolderLook(root, new ArrayList<>(files), new ArrayList<>(failed));
  }

  private static void into(Path folder, Queue<Seen> files, Queue<Failed> failed) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      s.forEach(children::add);
    } catch (IOException e) {
      failed.add(new Failed(folder, e));
      return;
    } catch (DirectoryIteratorException e) {
      failed.add(new Failed(folder, e.getCause()));
      return;
    }
    children.parallelStream().forEach(child -> at(child, files, failed));
  }

  private static void at(Path file, Queue<Seen> files, Queue<Failed> failed) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      failed.add(new Failed(file, e));
      return;
    }
    if (attrs.isDirectory()) {
      into(file, files, failed);
    } else {
      files.add(new Seen(file, attrs));
    }
  }
}
