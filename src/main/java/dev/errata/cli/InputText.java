package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads pasted text from a file or standard input; bytes that are not UTF-8 become U+FFFD. */
final class InputText {
  private InputText() {}

  static String read(Path file, InputStream stdin) {
    try {
      byte[] bytes = file == null || file.toString().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ErrataException(ExitCode.IO, "no file " + file);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage(), e);
    }
  }
}
