package dev.errata.content;

/**
 * What one entry may hold, so that no entry can make a build slow for everyone, or tilt the
 * matching of other entries: a file with ten thousand symptoms pushed another entry's example
 * from exact to possible, and the error was reported against that other file. An entry past a
 * limit is an error on its own file and line. docs/limits.md lists these with the other limits.
 */
public final class EntryLimits {
  /** The size of an entry file; a larger one is not read at all. */
  public static final long MAX_FILE_BYTES = 256 * 1024;
  /** The size of {@code site.yml} or {@code vocabulary.yml}. */
  public static final long MAX_SETTINGS_BYTES = 1024 * 1024;
  /** Symptoms of one entry: real entries have one to five, placeholders cover the variations. */
  public static final int MAX_SYMPTOMS = 20;
  /** Characters in one symptom. */
  public static final int MAX_SYMPTOM_CHARS = 1_000;
  /** Characters in a tag or component name, which is also the name of its page. */
  public static final int MAX_NAME_CHARS = 64;

  private EntryLimits() {}
}
