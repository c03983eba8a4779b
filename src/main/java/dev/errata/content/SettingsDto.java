package dev.errata.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code vocabulary.yml}, {@code matching.yml} and {@code site.yml} as written. */
final class SettingsDto {
  private SettingsDto() {}

  static final class VocabularyDto {
    public Map<String, ComponentInfoDto> components;
    public List<String> tags;
  }

  static final class ComponentInfoDto {
    public String title;
    public String description;
  }

  static final class SiteDto {
    public String title;
    public String description;

    @JsonProperty("base_url")
    public String baseUrl;

    @JsonProperty("default_lang")
    public String defaultLang;

    @JsonProperty("new_entry_url")
    public String newEntryUrl;

    @JsonProperty("edit_url")
    public String editUrl;

    @JsonProperty("example_paste")
    public String examplePaste;
  }

  static final class MatchingDto {
    public Map<String, List<String>> aliases;
    public List<ExtractorDto> extractors;

    @JsonProperty("version_maps")
    public Map<String, Map<String, String>> versionMaps;

    /** Groups of phrases; read loosely, so that a group written as one string is reported at its line. */
    public List<Object> synonyms;

    @JsonProperty("failure_lines")
    public List<FailureLineDto> failureLines;
  }

  static final class FailureLineDto {
    public String pattern;

    @JsonProperty("ignore_case")
    public Boolean ignoreCase;

    /** The line means the process is gone (a crash, a kill), not only that something failed. */
    public Boolean ends;

    public String example;
  }

  static final class ExtractorDto {
    public String component;
    public String pattern;

    @JsonProperty("ignore_case")
    public Boolean ignoreCase;

    public List<String> hints;

    @JsonProperty("version_map")
    public String versionMap;

    public String example;
    public String expect;
  }
}
