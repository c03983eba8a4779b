package dev.errata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code errata.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/errata.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"errata " + p.getProperty("version", "unknown"), "Java " + System.getProperty("java.version")};
  }
}
