package dev.errata.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the log of a healthy Triton server started with {@code --log-verbose=1}, as a person
 * would paste it: the banner and option table, models loading, the model status table, then
 * requests over HTTP and gRPC through ensembles and the Python backend, health checks and
 * metrics, in the shape {@code kubectl logs}, {@code docker compose logs}, {@code journalctl}
 * (a server run as a systemd service) or a plain terminal gives it. Deterministic for a seed.
 * The line shapes are data ({@code triton-log-shapes.txt}).
 */
public final class TritonLog {
  /**
   * How a log's lines reach the person: plain, with what a container tool or journald puts in
   * front, or written by a server started with {@code --log-format=ISO8601} (a date and time, then
   * the level as a word of its own).
   */
  public enum Frame {
    PLAIN(""), KUBECTL_PREFIX("[pod/triton-0/tritonserver] "), COMPOSE("triton-1  | "), K8S_TIMESTAMPS(""), JOURNAL(""), ISO8601("");

    private final String prefix;

    Frame(String prefix) {
      this.prefix = prefix;
    }
  }

  private static final Map<String, List<String>> SHAPES = load();
  private static final String[] MODELS = {"preprocessing", "ensemble_model", "postprocessing", "resnet50", "text_encoder",
      "tokenizer", "bert_onnx", "yolo_trt", "detector", "reranker", "whisper_encoder", "llm_python"};
  private static final String[] TENSORS = {"OUTPUT0", "INPUT0", "input_ids", "attention_mask", "logits", "images",
      "embeddings", "scores", "boxes", "text_output", "mel_features"};
  private static final String[] DTYPES = {"FP32", "FP16", "INT64", "INT32", "UINT8", "BYTES"};
  private static final String[] RELEASES = {"23.05", "23.10", "23.12", "24.01", "24.04", "24.05", "24.08", "24.09", "24.12", "25.01"};

  private final Random random;
  private final Frame frame;
  private final boolean quoted;
  private final String release;
  private long micros;
  private final int thread;

  public TritonLog(long seed, String release) {
    this.random = new Random(seed);
    this.frame = Frame.values()[random.nextInt(Frame.values().length)];
    this.quoted = random.nextBoolean();
    this.release = release != null ? release : RELEASES[random.nextInt(RELEASES.length)];
    this.micros = (long) random.nextInt(86_000) * 1_000_000L;
    this.thread = 1 + random.nextInt(3) * random.nextInt(40000);
  }

  public Frame frame() {
    return frame;
  }

  /** Puts this log's container frame in front of a line that is not ours (a buried paste's). */
  public String framed(String line) {
    return switch (frame) {
      case K8S_TIMESTAMPS -> isoStamp() + " " + line;
      case JOURNAL -> journalStamp() + " gpu-node-3 tritonserver[" + (1000 + thread % 30000) + "]: " + line;
      default -> frame.prefix + line;
    };
  }

  /** A log of {@code n} lines: start-up, then traffic, and sometimes the shutdown at the end. */
  public List<String> lines(int n) {
    List<String> out = new ArrayList<>(n + 64);
    if (frame == Frame.KUBECTL_PREFIX && random.nextInt(3) == 0) {
      SHAPES.get("events").forEach(s -> out.add(fill(s)));
    }
    List<String> start = new ArrayList<>();
    SHAPES.get("banner").forEach(s -> start.add(fill(s)));
    List<String> startup = SHAPES.get("startup");
    for (int i = 0; i < 20 + random.nextInt(20); i++) {
      start.add(line(startup.get(random.nextInt(startup.size()))));
    }
    SHAPES.get("table").forEach(s -> start.add(fill(s)));
    for (String s : start) {
      out.add(framed(s));
    }
    boolean shutdown = random.nextInt(3) == 0;
    List<String> request = SHAPES.get("request");
    List<String> metrics = SHAPES.get("metrics");
    int end = n - (shutdown ? SHAPES.get("shutdown").size() : 0);
    while (out.size() < end) {
      // A request is a burst of verbose lines; now and then a scrape of the metrics endpoint.
      if (random.nextInt(25) == 0) {
        for (int i = 0; i < 4 && out.size() < end; i++) {
          out.add(framed(fill(metrics.get(random.nextInt(metrics.size())))));
        }
        continue;
      }
      int burst = 3 + random.nextInt(12);
      for (int i = 0; i < burst && out.size() < end; i++) {
        out.add(framed(line(request.get(random.nextInt(request.size())))));
      }
    }
    if (shutdown) {
      SHAPES.get("shutdown").forEach(s -> out.add(framed(line(s))));
    }
    return out.subList(0, Math.min(n, out.size()));
  }

  /** How many distinct line shapes the generator knows. */
  public static int shapeCount() {
    return SHAPES.values().stream().mapToInt(List::size).sum();
  }

  private String line(String shape) {
    if (!shape.startsWith("glog ")) {
      return fill(shape);
    }
    char level = shape.charAt(5);
    String rest = fill(shape.substring(7));
    int bracket = rest.indexOf("] ");
    String where = rest.substring(0, bracket + 1);
    String message = rest.substring(bracket + 2);
    if (quoted && !message.isEmpty()) {
      message = "\"" + message.replace("\"", "\\\"") + "\"";
    }
    micros += 50 + random.nextInt(40_000);
    long s = micros / 1_000_000;
    StringBuilder b = new StringBuilder(32 + where.length() + message.length());
    if (frame == Frame.ISO8601) {
      clock(b.append("2026-12-03T"), s).append("Z ").append(level);
    } else {
      pad(clock(b.append(level).append("1203 "), s).append('.'), micros % 1_000_000, 6);
    }
    return b.append(' ').append(thread).append(' ').append(where).append(' ').append(message).toString();
  }

  /** The server version a container release ships: 23.01 has 2.30.0, and one more each month. */
  static String serverVersion(String release) {
    int year = Integer.parseInt(release.substring(0, 2));
    int month = Integer.parseInt(release.substring(3, 5));
    return "2." + (30 + (year - 23) * 12 + month - 1) + ".0";
  }

  /** The container releases a generated log may come from. */
  public static List<String> releases() {
    return List.of(RELEASES);
  }

  private String isoStamp() {
    long s = micros / 1_000_000;
    StringBuilder b = clock(new StringBuilder(32).append("2026-12-03T"), s).append('.');
    return pad(b, (micros % 1_000_000) * 1000 + random.nextInt(1000), 9).append('Z').toString();
  }

  /** journalctl's default time: month, day, time of day, to the second. */
  private String journalStamp() {
    return clock(new StringBuilder(16).append("Dec 03 "), micros / 1_000_000).toString();
  }

  // Written by hand rather than with String.format, which parses its pattern at every call and
  // was a quarter of the buried evaluation's time.
  private static StringBuilder clock(StringBuilder b, long s) {
    pad(b, (s / 3600) % 24, 2).append(':');
    pad(b, (s / 60) % 60, 2).append(':');
    return pad(b, s % 60, 2);
  }

  private static StringBuilder pad(StringBuilder b, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits);
  }

  private String fill(String shape) {
    StringBuilder b = new StringBuilder(shape.length() + 32);
    int i = 0;
    while (i < shape.length()) {
      char c = shape.charAt(i);
      int close = c == '{' ? shape.indexOf('}', i) : -1;
      String value = close > i ? value(shape.substring(i + 1, close)) : null;
      if (value == null) {
        b.append(c);
        i++;
      } else {
        b.append(value);
        i = close + 1;
      }
    }
    return b.toString();
  }

  private String value(String name) {
    return switch (name) {
      case "model" -> MODELS[random.nextInt(MODELS.length)];
      case "tensor" -> TENSORS[random.nextInt(TENSORS.length)];
      case "dtype" -> DTYPES[random.nextInt(DTYPES.length)];
      case "n" -> Integer.toString(1 + random.nextInt(random.nextBoolean() ? 64 : 1 << 20));
      case "big" -> Long.toString(1_000_000L + random.nextInt(Integer.MAX_VALUE));
      case "addr" -> "0x7f" + Long.toHexString(0x1000000000L + random.nextInt(1 << 30) * 16L);
      case "shape" -> "[" + (1 + random.nextInt(8)) + "," + (1 + random.nextInt(1024)) + "]";
      case "port" -> Integer.toString(8000 + random.nextInt(3));
      case "release" -> release;
      case "serverversion" -> serverVersion(release);
      case "reqid" -> random.nextBoolean() ? "<id_unknown>" : Integer.toString(random.nextInt(100_000));
      case "device" -> Integer.toString(random.nextInt(4));
      case "ms" -> Integer.toString(5 + random.nextInt(900));
      case "pct" -> Integer.toString(random.nextInt(100));
      case "ip" -> "10.0." + random.nextInt(255) + "." + random.nextInt(255);
      case "uuid" -> Long.toHexString(random.nextLong() & Long.MAX_VALUE);
      case "path" -> "/models/" + MODELS[random.nextInt(MODELS.length)] + "/1";
      default -> null;
    };
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = TritonLog.class.getResourceAsStream("triton-log-shapes.txt")) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      List<String> current = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]") && !line.contains(" ")) {
          current = new ArrayList<>();
          out.put(line.substring(1, line.length() - 1), current);
        } else if (current != null) {
          current.add(line);
        }
      }
      // A blank line ends each section in the file; only the banner keeps its blank lines.
      out.replaceAll((k, v) -> k.equals("banner") ? trimEnd(v) : v.stream().filter(s -> !s.isBlank()).toList());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> trimEnd(List<String> lines) {
    int n = lines.size();
    while (n > 0 && lines.get(n - 1).isBlank()) {
      n--;
    }
    return List.copyOf(lines.subList(0, n));
  }
}
