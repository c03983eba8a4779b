package dev.errata.render;

import java.util.List;

/** The records templates read. Each holds only what a page shows, already formatted. */
public final class Views {
  private Views() {}

  /** A link with the text to show. */
  public record Link(String href, String label) {}

  /** One entry in a list: home, a component or tag page, search results without JS. */
  public record Card(String id, String href, String title, String summary, String status,
      String statusLabel, String modified, List<String> components, String note) {}

  /** A fix, ready to show: commands joined for the copy button, detail rendered. */
  public record FixView(String title, List<String> commands, String commandText, String config,
      String configLang, String detailHtml) {}

  /** One cell of the version picture. */
  public record Cell(String version, String state, String symbol, String label) {}

  /** One component of an entry: its ranges in words and as a row of cells. */
  public record VersionRow(String name, String title, String href, String affected, String fixed,
      List<Cell> cells, String lang) {}

  /** A translation of the entry, or its original. */
  public record Translation(String lang, String href, String title) {}

  /** Everything an entry page shows. */
  public record EntryView(String id, String title, String summary, String lang, String status,
      String statusLabel, String statusMeaning, String published, String modified,
      List<Link> tags, List<String> symptoms, List<String> causesHtml, List<FixView> fixes,
      List<VersionRow> versions, List<Link> followsFrom, List<Link> related, List<Translation> translations,
      List<Link> references, String bodyHtml, List<Heading> contents, String sourcePath, String editUrl) {}

  /** A section of an entry's body, for its table of contents: the heading's id and its text as HTML. */
  public record Heading(String id, String html) {}

  /** A component or tag with its number of entries, for indexes and the home page. */
  public record Group(String name, String title, String description, String href, int count,
      List<Card> entries) {
    /** This group with its entries' cards, for its own page. */
    public Group with(List<Card> cards) {
      return new Group(name, title, description, href, count, cards);
    }
  }
}
