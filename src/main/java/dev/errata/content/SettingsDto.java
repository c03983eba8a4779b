package dev.errata.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code vocabulary.yml} and {@code site.yml} as written. */
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
}
