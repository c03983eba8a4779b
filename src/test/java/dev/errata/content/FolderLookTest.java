package dev.errata.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's one look at its content folder ({@link FolderLook}) sees what a walk that follows no
 * links sees, and the fingerprint made from it is the one {@code errata match} makes on its own.
 */
class FolderLookTest {
  private static Path tree(Path dir) throws IOException {
    Path root = dir.resolve("content");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/c.md"), "c");
    Files.writeString(root.resolve("a/d.yml"), "d: 1");
    Files.writeString(root.resolve("e.md"), "e");
    Files.writeString(root.resolve("f.txt"), "f");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("x.md"), "x");
    Files.createSymbolicLink(root.resolve("linked"), elsewhere);
    Files.createSymbolicLink(root.resolve("g.md"), root.resolve("e.md"));
    return root;
  }

  private static Set<Path> seen(FolderLook look) {
    return look.files().stream().map(FolderLook.Seen::path).collect(Collectors.toSet());
  }

  @Test
  void seesEveryFileAsAWalkThatFollowsNoLinks(@TempDir Path dir) throws IOException {
    Path root = tree(dir);
    Set<Path> expected;
    try (Stream<Path> walk = Files.walk(root)) {
      expected = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).collect(Collectors.toSet());
    }
    FolderLook look = FolderLook.of(root);
    assertEquals(expected, seen(look));
    assertTrue(look.failed().isEmpty());
    assertTrue(look.files().stream().filter(s -> s.path().endsWith("linked")).allMatch(s -> s.attrs().isSymbolicLink()),
        "a link to a folder is seen as the link, not followed");
    // The folder given as a link is followed: it is the content folder.
    Path link = Files.createSymbolicLink(dir.resolve("content-link"), root);
    assertEquals(expected.size(), FolderLook.of(link).files().size());
  }

  @Test
  void theBuildsFingerprintIsTheOneMatchMakes(@TempDir Path dir) throws IOException {
    Path root = tree(dir);
    assertEquals(Fingerprint.of(root, "salt"), Fingerprint.of(FolderLook.of(root), "salt"));
    assertEquals(walked(root, "salt"), Fingerprint.of(FolderLook.of(root), "salt").digest(),
        "the files that count are those a walk without links finds: .md, .yml and .yaml, links as links");
    String before = Fingerprint.of(FolderLook.of(root), "salt").digest();
    Files.writeString(root.resolve("a/b/c.md"), "cc");
    assertNotEquals(before, Fingerprint.of(FolderLook.of(root), "salt").digest(), "a file of another size");
    assertEquals(Fingerprint.of(root, "salt"), Fingerprint.of(FolderLook.of(root), "salt"));
  }

  /** The fingerprint's sum over the files {@code Files.walk} finds without following links, by the fingerprint's own mix. */
  private static String walked(Path root, String salt) throws IOException {
    long a = 0;
    long b = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
          long size = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
          long one = Fingerprint.mix(Fingerprint.hash(root.relativize(p).toString().replace('\\', '/')) + Fingerprint.mix(size));
          a += one;
          b += Fingerprint.mix(one ^ 0x9e3779b97f4a7c15L);
        }
      }
    }
    long s = Fingerprint.hash(salt);
    return java.util.HexFormat.of().toHexDigits(Fingerprint.mix(a ^ s)) + java.util.HexFormat.of().toHexDigits(Fingerprint.mix(b + s));
  }

  @Test
  void aFolderThatIsNotThereIsAFailureOfTheLook(@TempDir Path dir) {
    FolderLook look = FolderLook.of(dir.resolve("none"));
    assertEquals(1, look.failed().size());
    assertInstanceOf(NoSuchFileException.class, look.failed().get(0).error());
    assertTrue(look.files().isEmpty());
  }
}
