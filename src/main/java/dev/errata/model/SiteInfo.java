package dev.errata.model;

import java.util.Objects;

/**
 * What the site says about itself, from {@code content/site.yml}.
 *
 * @param baseUrl the public address the site is served from, used only where a format demands
 *     absolute addresses (sitemap, feed, canonical links, OpenSearch); empty when unknown
 * @param defaultLang the language of entries that name none, and of the pages that list entries
 *     (home, search, components, tags): their interface words come from its message bundle
 */
public record SiteInfo(String title, String description, String baseUrl, String defaultLang) {
  public static final String DEFAULT_LANG = "en";

  public SiteInfo {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    baseUrl = baseUrl == null ? "" : baseUrl;
    defaultLang = defaultLang == null || defaultLang.isBlank() ? DEFAULT_LANG : defaultLang;
  }

  public SiteInfo(String title, String description, String baseUrl) {
    this(title, description, baseUrl, DEFAULT_LANG);
  }

  public static SiteInfo defaults() {
    return new SiteInfo("Known issues", "", "", DEFAULT_LANG);
  }
}
