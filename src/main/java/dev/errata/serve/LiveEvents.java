package dev.errata.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.errata.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-sent events of {@code errata serve}: each open page holds one stream
 * ({@link #PATH}) and is told {@code reload} after a good build, or {@code problems} (file, line,
 * message of each error) after a failed one, which it shows over the last good page. A page that
 * opens while the content is broken is told the problems at once.
 */
public final class LiveEvents {
  /** The stream a served page listens to; no file of a built site has this name. */
  public static final String PATH = "/_errata/events";
  /** The script {@code serve} adds to each HTML page it serves. */
  public static final String SCRIPT = "/_errata/live.js";

  private final Set<OutputStream> clients = ConcurrentHashMap.newKeySet();
  private volatile byte[] problems;

  /** Tells every open page to reload: the site changed. */
  public void reload() {
    problems = null;
    broadcast(event("reload", "{}"));
  }

  /** Tells every open page what stops the build; the last good site keeps being served. */
  public void failed(List<Diagnostic> errors) {
    byte[] e = event("problems", json(errors));
    problems = e;
    broadcast(e);
  }

  /** How many pages listen now (for tests and the console). */
  public int listeners() {
    return clients.size();
  }

  /** Registers a stream whose response head is written; it gets the current problems, if any. */
  boolean subscribe(OutputStream out) {
    // Listed before anything is sent, under the stream's lock: an event sent meanwhile waits
    // for the greeting and comes after it, never lost between the two.
    synchronized (out) {
      clients.add(out);
      // A dropped stream is reopened by the browser after this delay.
      byte[] hello = "retry: 300\n\n".getBytes(StandardCharsets.US_ASCII);
      byte[] now = problems;
      if (!send(out, hello) || now != null && !send(out, now)) {
        clients.remove(out);
        return false;
      }
      return true;
    }
  }

  void unsubscribe(OutputStream out) {
    clients.remove(out);
  }

  /** A comment every listener ignores: it finds the streams whose page has gone. */
  void ping() {
    broadcast(": ping\n\n".getBytes(StandardCharsets.US_ASCII));
  }

  private void broadcast(byte[] bytes) {
    for (OutputStream out : clients) {
      if (!send(out, bytes)) {
        clients.remove(out);
      }
    }
  }

  private static boolean send(OutputStream out, byte[] bytes) {
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
        return true;
      } catch (IOException e) {
        return false; // the page went away
      }
    }
  }

  private static byte[] event(String name, String data) {
    return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code [{"file":..,"line":..,"message":..,"hint":..}]} on one line, as an event's data must be. */
  static String json(List<Diagnostic> errors) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartArray();
      for (Diagnostic d : errors) {
        g.writeStartObject();
        g.writeStringField("file", d.file());
        g.writeNumberField("line", d.line());
        g.writeStringField("message", d.message());
        g.writeStringField("hint", d.hint() == null ? "" : d.hint());
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
