package dev.errata.model;

import java.util.Objects;

/**
 * What the site says about itself, from {@code content/site.yml}.
 *
 * @param baseUrl the public address the site is served from, used only where a format demands
 *     absolute addresses (sitemap, feed); empty when unknown
 */
public record SiteInfo(String title, String description, String baseUrl) {
  public SiteInfo {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    baseUrl = baseUrl == null ? "" : baseUrl;
  }

  public static SiteInfo defaults() {
    return new SiteInfo("Known issues", "", "");
  }
}
