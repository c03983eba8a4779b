package dev.errata.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The front matter as written, before validation. Fields are public and nullable so that binding
 * never fails on a missing value: the mapper reports those, all at once, with their lines.
 */
final class EntryDto {
  public String id;
  public String title;
  public String summary;
  public String lang;

  @JsonProperty("translation_of")
  public String translationOf;

  public String status;
  public String published;
  public String modified;
  public List<String> tags;
  public List<ComponentDto> components;
  public List<String> symptoms;
  public List<String> causes;
  public List<FixDto> fixes;
  public ExamplesDto examples;
  public List<ReferenceDto> references;
  public List<String> related;
  public Boolean downstream;
  @JsonProperty("follows_from")
  public List<String> followsFrom;

  static final class ComponentDto {
    public String name;
    public List<String> affected;
    public List<String> fixed;
  }

  static final class FixDto {
    public String title;
    public List<String> commands;
    public String config;

    @JsonProperty("config_lang")
    public String configLang;

    public String detail;
  }

  static final class ExamplesDto {
    public List<String> match;

    @JsonProperty("no_match")
    public List<String> noMatch;
  }

  static final class ReferenceDto {
    public String type;
    public String url;
    public String title;
  }
}
