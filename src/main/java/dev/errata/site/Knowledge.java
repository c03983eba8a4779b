package dev.errata.site;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.match.MatchIndex;
import dev.errata.match.Matcher;
import dev.errata.match.Rules;
import dev.errata.model.KnowledgeBase;
import java.nio.file.Path;

/**
 * Gets a matcher for a content folder: checks the content (errors stop, as for a build) and
 * compiles the match index in memory.
 */
public final class Knowledge {
  private Knowledge() {}

  public static MatchIndex index(KnowledgeBase kb) {
    return MatchIndex.build(kb, Rules.defaults());
  }

  /** A matcher over the entries of {@code content}, or exit 3 with the diagnostics. */
  public static Matcher matcher(Path content) {
    SiteBuilder.Checked checked = SiteBuilder.check(content, false);
    if (checked.hasErrors()) {
      throw new ErrataException(ExitCode.INVALID_CONTENT, "the content in " + content + " has errors; run errata check",
          checked.diagnostics().stream().filter(d -> d.isError()).toList());
    }
    return new Matcher(index(checked.knowledgeBase()), Rules.defaults());
  }
}
