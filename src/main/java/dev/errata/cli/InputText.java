package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads pasted text from a file or standard input, no more of it than the matcher uses: reading
 * stops after {@code maxLines} lines or {@code maxBytes} bytes, whichever comes first, so that
 * {@code /dev/zero}, a 600 MB log or a pipe that never ends cost a bounded amount of memory and
 * time. Bytes that are not UTF-8 become U+FFFD.
 */
final class InputText {
  /**
   * The text read, and what stopped the reading when input was left unread.
   *
   * @param limit "200,000 lines" or "32 MiB" when the input went on past it; empty when it was read whole
   */
  record Input(String text, Optional<String> limit) {}

  private final int maxLines;
  private final int maxBytes;

  InputText(int maxLines, int maxBytes) {
    if (maxLines < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
  }

  /** Reads {@code file}, or standard input when it is null or "-". */
  Input read(Path file, InputStream stdin) {
    boolean fromStdin = file == null || file.toString().equals("-");
    try (InputStream raw = fromStdin ? null : Files.newInputStream(file)) {
      return read(fromStdin ? stdin : raw);
    } catch (NoSuchFileException e) {
      throw new ErrataException(ExitCode.IO, "no file " + file);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read " + (fromStdin ? "standard input" : file) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Line ends are {@code \n}, {@code \r\n} and {@code \r}, as the matcher splits lines. The text
   * stops before the line end of the last line kept, so the matcher sees exactly the lines read.
   */
  Input read(InputStream in) throws IOException {
    byte[] chunk = new byte[1 << 16];
    byte[] buf = new byte[Math.min(maxBytes, 1 << 16)];
    int size = 0;
    int lines = 1;
    boolean afterCr = false;
    int n;
    while ((n = in.read(chunk)) >= 0) {
      for (int i = 0; i < n; i++) {
        byte b = chunk[i];
        boolean lineEnd = b == '\r' || (b == '\n' && !afterCr);
        afterCr = b == '\r';
        if (lineEnd && lines++ == maxLines) {
          int rest = i + 1 < n && b == '\r' && chunk[i + 1] == '\n' ? i + 2 : i + 1;
          boolean more = rest < n || moreAfter(in, b == '\r' && i + 1 == n);
          return new Input(decode(buf, size), more ? Optional.of(String.format(Locale.ROOT, "%,d lines", maxLines)) : Optional.empty());
        }
        if (size == maxBytes) {
          return new Input(decode(buf, completeCharacters(buf, size)), Optional.of(mib(maxBytes)));
        }
        buf = append(buf, size++, b);
      }
    }
    return new Input(decode(buf, size), Optional.empty());
  }

  /** Whether the stream holds more than, when {@code skipLf}, the line feed of a {@code \r\n}. */
  private static boolean moreAfter(InputStream in, boolean skipLf) throws IOException {
    int next = in.read();
    return next >= 0 && !(skipLf && next == '\n' && in.read() < 0);
  }

  private byte[] append(byte[] buf, int at, byte b) {
    if (at == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
    }
    buf[at] = b;
    return buf;
  }

  /** The length of {@code buf} without a UTF-8 sequence that the byte limit cut in two. */
  static int completeCharacters(byte[] buf, int size) {
    int start = size;
    while (start > 0 && start > size - 4 && (buf[start - 1] & 0xC0) == 0x80) {
      start--;
    }
    if (start == 0) {
      return size;
    }
    int lead = buf[start - 1] & 0xFF;
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return size - (start - 1) < length ? start - 1 : size;
  }

  private static String decode(byte[] buf, int size) {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }

  private static String mib(int bytes) {
    return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
