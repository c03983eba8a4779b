package dev.errata.workspace;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.content.ContentLoader;
import dev.errata.content.Fingerprint;
import dev.errata.index.MatchIndexCodec;
import dev.errata.index.SiteWords;
import dev.errata.markdown.Markdown;
import dev.errata.match.MatchData;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.model.KnowledgeBase;
import dev.errata.search.WordIndex;
import dev.errata.search.WordSearch;
import dev.errata.site.SiteBuilder;
import dev.errata.text.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A knowledge base as the commands see it: a content folder and the site built from it. It
 * answers with the index a build wrote into the site when that index is current, else by checking
 * the content and compiling the index in memory, so that an answer always reflects the entries as
 * they are now.
 */
public final class Workspace {
  private final Path content;
  private final Path site;
  private Rules rules;
  /** The rules the build of a current index kept, read with the index (null when there is none, or they could not be read). */
  private Rules builtRules;
  private Optional<MatchData> prebuilt;
  private KnowledgeBase knowledgeBase;
  private MatchData matchData;
  private WordIndex words;

  /** The look at a content folder started before the command line was parsed, if any. */
  private static volatile LookAhead lookAhead;

  private record LookAhead(Path content, java.util.concurrent.FutureTask<Fingerprint> fingerprint) {}

  private Workspace(Path content, Path site) {
    this.content = content;
    this.site = site;
  }

  /**
   * Starts taking the fingerprint of {@code content} on a thread of its own. {@code errata
   * match} waits for that look at every file before it may use a built index (some 100-200 ms
   * at 10,000 entries on a cold JVM); started as the process starts, it runs while the command
   * line is parsed (as long again) on the other core. A workspace of another folder ignores it.
   *
   * @return the fingerprint as it is taken (the command line does not wait for it; tests do)
   */
  public static java.util.concurrent.Future<Fingerprint> lookAhead(Path content) {
    java.util.concurrent.FutureTask<Fingerprint> task =
        new java.util.concurrent.FutureTask<>(() -> Fingerprint.of(content, MatchIndexCodec.salt()));
    Thread t = new Thread(task, "errata-look-ahead");
    t.setDaemon(true);
    lookAhead = new LookAhead(content, task);
    t.start();
    return task;
  }

  /**
   * The content folder's fingerprint now: the look ahead's when it was of this folder and worked,
   * else taken here. A look ahead serves once, the one command of a process it was started for.
   */
  private Fingerprint fingerprint() {
    LookAhead early = lookAhead;
    lookAhead = null;
    if (early != null && early.content().equals(content)) {
      try {
        return early.fingerprint().get();
      } catch (java.util.concurrent.ExecutionException e) {
        // Taken again below, where a failure is reported as it always is.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Fingerprint.of(content, MatchIndexCodec.salt());
  }

  /** @param site the built site, or null when there is none to read an index from */
  public static Workspace of(Path content, Path site) {
    return new Workspace(content, site);
  }

  public Path content() {
    return content;
  }

  /** The entries (read once), or exit 3 with the errors that stop them from being used. */
  public KnowledgeBase knowledgeBase() {
    if (knowledgeBase == null) {
      SiteBuilder.Checked checked = SiteBuilder.check(content, false);
      if (checked.hasErrors()) {
        throw new ErrataException(ExitCode.INVALID_CONTENT, "the content in " + content + " has errors; run errata check",
            checked.diagnostics().stream().filter(d -> d.isError()).toList());
      }
      knowledgeBase = checked.knowledgeBase();
    }
    return knowledgeBase;
  }

  /**
   * The tool's generic matching rules with the content's own ({@code matching.yml}): as the
   * build that wrote a current index kept them, which spares reading YAML at the start of every
   * {@code errata match}, else read from the content now.
   */
  public Rules rules() {
    if (rules == null) {
      rules = prebuiltIndex().isPresent() && builtRules != null ? builtRules
          : Files.isDirectory(content) ? Rules.forContent(new ContentLoader().matchingRules(content)) : Rules.defaults();
    }
    return rules;
  }

  private Rules readBuiltRules() {
    try {
      return Rules.fromJson(Files.readString(site.resolve(MatchIndexCodec.RULES_FILE)));
    } catch (IOException | RuntimeException e) {
      // Missing or damaged: the content is there to read them from.
      return null;
    }
  }

  /** A matcher over the entries: the site's index when it is current, else one compiled now. */
  public Matcher matcher() {
    return new Matcher(matchData(), rules());
  }

  /** The entries as the matcher has them: the site's index when it is current, else one compiled now (once). */
  public MatchData matchData() {
    if (matchData == null) {
      matchData = prebuiltIndex().orElseGet(() -> MatchIndex.build(knowledgeBase(), rules()));
    }
    return matchData;
  }

  /**
   * The word index a query of these clauses needs: of the site's index, only the parts the
   * query reads, when the site is current; else the whole index, counted from the entries now.
   */
  public WordIndex words(List<WordSearch.Clause> clauses) {
    if (prebuiltIndex().isPresent()) {
      Optional<SiteWords> built = SiteWords.open(site);
      if (built.isPresent()) {
        try {
          return built.get().forQuery(clauses);
        } catch (IOException | RuntimeException e) {
          // A damaged part: the entries are there to count the words from.
        }
      }
    }
    if (words == null) {
      words = words(WordIndex.Weights.SEARCH);
    }
    return words;
  }

  /** The word index of the entries, each body rendered here (a build counts them as it renders). */
  public WordIndex words(WordIndex.Weights weights) {
    Markdown markdown = new Markdown();
    return WordIndex.build(knowledgeBase(), e -> {
      Markdown.Rendered r = markdown.render(e.body().text());
      return new WordIndex.Body(r.text(), r.code());
    }, weights, rules());
  }

  /** The site's index, if it was built from the content as it is now (looked for once). */
  public Optional<MatchData> prebuiltIndex() {
    if (prebuilt == null) {
      prebuilt = findPrebuiltIndex();
    }
    return prebuilt;
  }

  private Optional<MatchData> findPrebuiltIndex() {
    if (site == null || !Files.isDirectory(content)) {
      return Optional.empty();
    }
    Path file = site.resolve(MatchIndexCodec.FILE);
    Optional<String> stored = MatchIndexCodec.fingerprint(file);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    // The index and its rules are read before the look at the content ends, while it may still
    // be running on the other core (errata match's look ahead), and dropped if it finds the
    // content changed: that look is the longest part of a match, and these wait on it no more.
    MatchData index;
    Rules rulesKept;
    try {
      index = MatchIndexCodec.open(file);
      rulesKept = readBuiltRules();
    } catch (IOException | RuntimeException e) {
      // A damaged index is no reason to fail: the content is there to rebuild from.
      return Optional.empty();
    }
    Fingerprint now = fingerprint();
    try {
      if (!stored.get().equals(now.digest()) || Files.getLastModifiedTime(file).toMillis() < now.newestMillis()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    builtRules = rulesKept;
    return Optional.of(index);
  }
}
