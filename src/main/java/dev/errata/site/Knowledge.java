package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.content.Fingerprint;
import dev.errata.index.MatchIndexCodec;
import dev.errata.markdown.Markdown;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.match.Rules;
import dev.errata.match.WordIndex;
import dev.errata.model.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Gets a matcher for a content folder: from the index a build wrote into the site when that
 * index is current, else by checking the content and compiling the index in memory, so that the
 * answer always reflects the entries as they are now.
 */
public final class Knowledge {
  private Knowledge() {}

  public static MatchIndex index(KnowledgeBase kb) {
    return MatchIndex.build(kb, Rules.defaults());
  }

  /** What word search counts of a rendered body. */
  public static WordIndex.Body words(Markdown.Rendered body) {
    return new WordIndex.Body(body.text(), body.code());
  }

  /** The word index of {@code kb}, each body rendered here (a build counts them as it renders). */
  public static WordIndex words(KnowledgeBase kb, WordIndex.Weights weights) {
    Markdown markdown = new Markdown();
    return WordIndex.build(kb, e -> words(markdown.render(e.body())), weights, Rules.defaults());
  }

  /** The entries of {@code content}, or exit 3 with the errors that stop them from being used. */
  public static KnowledgeBase knowledgeBase(Path content) {
    SiteBuilder.Checked checked = SiteBuilder.check(content, false);
    if (checked.hasErrors()) {
      throw new ErrataException(ExitCode.INVALID_CONTENT, "the content in " + content + " has errors; run errata check",
          checked.diagnostics().stream().filter(d -> d.isError()).toList());
    }
    return checked.knowledgeBase();
  }

  /** A matcher over the entries of {@code content}, or exit 3 with the diagnostics. */
  public static Matcher matcher(Path content) {
    return new Matcher(index(knowledgeBase(content)), Rules.defaults());
  }

  /** As {@link #matcher(Path)}, but reads the site's index instead when it is current. */
  public static Matcher matcher(Path content, Path site) {
    return prebuilt(content, site).map(i -> new Matcher(i, Rules.defaults())).orElseGet(() -> matcher(content));
  }

  /** The site's index, if it was built from the content as it is now. */
  public static Optional<MatchData> prebuilt(Path content, Path site) {
    if (site == null || !Files.isDirectory(content)) {
      return Optional.empty();
    }
    Path file = site.resolve(MatchIndexCodec.FILE);
    Optional<String> stored = MatchIndexCodec.fingerprint(file);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Fingerprint now = Fingerprint.of(content, salt());
    try {
      if (!stored.get().equals(now.digest()) || Files.getLastModifiedTime(file).toMillis() < now.newestMillis()) {
        return Optional.empty();
      }
      return Optional.of(MatchIndexCodec.open(file));
    } catch (IOException e) {
      // A damaged index is no reason to fail: the content is there to rebuild from.
      return Optional.empty();
    }
  }

  /** What an index depends on besides the content: the tool's version and its matching rules. */
  static String salt() {
    try (InputStream in = Knowledge.class.getResourceAsStream("/errata.properties")) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (in != null) {
        d.update(in.readAllBytes());
      }
      d.update(Rules.defaults().json().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read the tool's own resources: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
