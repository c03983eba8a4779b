package dev.errata.model;

import dev.errata.version.Version;
import dev.errata.version.VersionRange;
import java.util.List;
import java.util.Objects;

/**
 * What versions of one component an entry concerns: the windows that are affected and the
 * releases known to fix it (empty when no source names one).
 */
public record Component(String name, List<VersionRange> affected, List<Version> fixed) {

  /** How one version of a component stands with respect to an entry. */
  public enum Verdict {
    AFFECTED,
    FIXED,
    NOT_AFFECTED
  }

  public Component {
    Objects.requireNonNull(name, "name");
    affected = List.copyOf(affected);
    fixed = List.copyOf(fixed);
    if (affected.isEmpty()) {
      throw new IllegalArgumentException("component " + name + " has no affected range");
    }
  }

  public boolean affects(Version v) {
    // A loop, not a stream: the version picture asks this for every component and version of
    // every entry, and a stream per call would be garbage in proportion to all of them.
    for (VersionRange r : affected) {
      if (r.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Affected when a window contains it; fixed when it is a fixing release or comes after one
   * without falling into a later window; otherwise not affected.
   */
  public Verdict verdict(Version v) {
    if (affects(v)) {
      return Verdict.AFFECTED;
    }
    for (Version f : fixed) {
      if (v.compareTo(f) >= 0) {
        return Verdict.FIXED;
      }
    }
    return Verdict.NOT_AFFECTED;
  }

  public boolean allVersions() {
    return affected.stream().anyMatch(r -> r.constraints().isEmpty());
  }
}
