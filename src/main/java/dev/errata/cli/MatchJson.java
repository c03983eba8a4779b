package dev.errata.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.errata.text.FoundVersion;
import dev.errata.match.Match;
import dev.errata.match.MatchReport;
import java.io.IOException;

/**
 * The documented, stable shape of {@code errata match --json} (see docs/matching.md). Keys are
 * written in alphabetical order; fields are only ever added.
 */
final class MatchJson {
  private MatchJson() {}

  static String write(MatchReport report) {
    return TerminalJson.write(g -> {
      g.writeStartObject();
      g.writeBooleanField("confident", report.confident());
      g.writeNumberField("lines", report.lines());
      g.writeArrayFieldStart("matches");
      int rank = 1;
      for (Match m : report.matches()) {
        match(g, m, rank++);
      }
      g.writeEndArray();
      g.writeNumberField("skipped", report.skipped());
      g.writeBooleanField("truncated", report.truncated());
      if (report.unexplained() != null) {
        g.writeObjectFieldStart("unexplained");
        g.writeNumberField("number", report.unexplained().number());
        g.writeStringField("text", report.unexplained().text());
        g.writeEndObject();
      } else {
        g.writeNullField("unexplained");
      }
      g.writeObjectFieldStart("versions");
      for (FoundVersion v : report.versions().stream().sorted(java.util.Comparator.comparing(FoundVersion::component)).toList()) {
        g.writeObjectFieldStart(v.component());
        g.writeStringField("source", v.source());
        g.writeStringField("version", v.version());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }) + "\n";
  }

  private static void match(JsonGenerator g, Match m, int rank) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("affected");
    for (Match.VersionVerdict v : m.versions()) {
      g.writeStartObject();
      g.writeStringField("component", v.component());
      g.writeStringField("ranges", v.ranges());
      g.writeStringField("source", v.source());
      g.writeStringField("verdict", v.verdict());
      g.writeStringField("version", v.version());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("confidence", m.confidence().label());
    g.writeBooleanField("confident", m.confidence().confident());
    g.writeObjectFieldStart("fix");
    g.writeArrayFieldStart("commands");
    for (String c : m.entry().firstFixCommands()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeStringField("title", m.entry().firstFixTitle());
    g.writeEndObject();
    if (m.occurrences() > 0) {
      g.writeNumberField("first_line", m.firstLine());
    } else {
      g.writeNullField("first_line");
    }
    g.writeStringField("id", m.entry().id());
    if (m.line() == null) {
      g.writeNullField("line");
    } else {
      g.writeObjectFieldStart("line");
      g.writeArrayFieldStart("highlights");
      for (int[] h : m.line().highlights()) {
        g.writeArray(h, 0, 2);
      }
      g.writeEndArray();
      g.writeNumberField("number", m.line().number());
      g.writeStringField("text", m.line().text());
      g.writeEndObject();
    }
    g.writeNumberField("occurrences", m.occurrences());
    g.writeNumberField("rank", rank);
    g.writeArrayFieldStart("reasons");
    for (String r : m.reasons()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeNumberField("score", m.score());
    g.writeStringField("status", m.entry().status());
    g.writeStringField("summary", m.entry().summary());
    g.writeStringField("symptom", m.symptom());
    g.writeArrayFieldStart("tokens");
    for (String t : m.tokens()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeStringField("title", m.entry().title());
    g.writeStringField("url", m.entry().url());
    g.writeEndObject();
  }
}
