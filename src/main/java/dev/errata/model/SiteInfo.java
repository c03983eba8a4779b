package dev.errata.model;

import java.util.Objects;

/**
 * What the site says about itself, from {@code content/site.yml} (each key is described in
 * docs/site.md).
 *
 * @param baseUrl the public address the site is served from, used only where a format demands
 *     absolute addresses (sitemap, feed, canonical links, OpenSearch, the 404 page); empty when unknown
 * @param defaultLang the language of entries that name none, and of the pages that list entries
 *     (home, search, components, tags): their interface words come from its message bundle
 * @param newEntryUrl where a reader who found nothing can propose the entry, with
 *     {@value #TITLE} and {@value #PASTE} filled in; empty for no link
 * @param editUrl an entry's source file to edit, with {@value #PATH} filled in; empty for no link
 * @param examplePaste the example shown in the home page's paste box
 */
public record SiteInfo(String title, String description, String baseUrl, String defaultLang, String newEntryUrl,
    String editUrl, String examplePaste) {
  public static final String DEFAULT_LANG = "en";
  /** In {@code new_entry_url}: the line of the paste proposed as the new entry's title. */
  public static final String TITLE = "{title}";
  /** In {@code new_entry_url}: the paste, cut so that the whole address stays within {@link #MAX_URL}. */
  public static final String PASTE = "{paste}";
  /** In {@code edit_url}: the entry's file relative to the content folder, such as {@code server/port-in-use.md}. */
  public static final String PATH = "{path}";
  /**
   * The longest address a filled {@code new_entry_url} may be: browsers and servers (and Git
   * forges' new-issue forms) refuse longer ones somewhere past 2,000 to 8,000 characters.
   */
  public static final int MAX_URL = 2000;
  /** The longest title a filled {@code new_entry_url} proposes, in characters. */
  public static final int MAX_TITLE = 120;
  public static final String DEFAULT_EXAMPLE_PASTE = "E0918 14:22:03.120455 1 model_lifecycle.cc:626] failed to load ...";

  public SiteInfo {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    baseUrl = baseUrl == null ? "" : baseUrl;
    defaultLang = defaultLang == null || defaultLang.isBlank() ? DEFAULT_LANG : defaultLang;
    newEntryUrl = newEntryUrl == null ? "" : newEntryUrl;
    editUrl = editUrl == null ? "" : editUrl;
    examplePaste = examplePaste == null ? DEFAULT_EXAMPLE_PASTE : examplePaste;
  }

  public SiteInfo(String title, String description, String baseUrl) {
    this(title, description, baseUrl, DEFAULT_LANG);
  }

  public SiteInfo(String title, String description, String baseUrl, String defaultLang) {
    this(title, description, baseUrl, defaultLang, "", "", null);
  }

  public static SiteInfo defaults() {
    return new SiteInfo("Known issues", "", "");
  }

  /** The "edit this page" address of an entry's file, or empty when {@code edit_url} is not set. */
  public String editLink(Source source) {
    return editUrl.isEmpty() ? "" : editUrl.replace(PATH, source.contentPath());
  }
}
