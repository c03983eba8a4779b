package dev.errata.text;

/**
 * A component version the matcher knows, and where from: {@code "paste line 12"}, {@code
 * "--env"} or {@code "requirements.txt:4"}.
 */
public record FoundVersion(String component, String version, String source) {}
