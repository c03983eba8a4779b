package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errata init}: a new knowledge base that checks and builds as it is. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Start a knowledge base in DIR: content/ with site.yml, vocabulary.yml and a sample entry,",
        "a .gitignore for the built site, and a CI job that runs errata check (GitHub Actions by default;",
        "--ci gitlab for GitLab CI, --ci none for none). DIR must be empty or new."})
final class InitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "Where to start it (default: the current folder).")
  Path dir;

  @Option(names = "--ci", paramLabel = "KIND", defaultValue = "github", completionCandidates = CiKinds.class,
      description = "The CI job to write: github (.github/workflows/errata.yml), gitlab (.gitlab-ci.yml, its problems"
          + " shown in merge requests) or none (default: ${DEFAULT-VALUE}).")
  String ci;

  @Spec CommandSpec spec;

  /** The CI kinds, written as a person types them; each to its resource and the file it becomes. */
  static final class CiKinds extends java.util.ArrayList<String> {
    CiKinds() {
      super(List.of("github", "gitlab", "none"));
    }
  }

  private static final Map<String, Map.Entry<String, String>> CI = Map.of(
      "github", Map.entry("errata.yml", ".github/workflows/errata.yml"),
      "gitlab", Map.entry("gitlab-ci.yml", ".gitlab-ci.yml"));

  /** Resource (beside this class, under init/) to the file it becomes, relative to DIR. */
  private static final Map<String, String> FILES = files();

  private static Map<String, String> files() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("site.yml", "content/site.yml");
    m.put("vocabulary.yml", "content/vocabulary.yml");
    m.put("sample-entry.md", "content/general/server-port-already-in-use.md");
    m.put("gitignore", ".gitignore");
    return m;
  }

  @Override
  public Integer call() {
    if (!new CiKinds().contains(ci)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ci takes github, gitlab or none, not '" + ci + "'");
    }
    refuseNonEmpty(dir);
    Map<String, String> files = new LinkedHashMap<>(FILES);
    if (CI.containsKey(ci)) {
      files.put(CI.get(ci).getKey(), CI.get(ci).getValue());
    }
    String today = LocalDate.now(Clock.systemDefaultZone()).toString();
    PrintWriter out = spec.commandLine().getOut();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = dir.resolve(f.getValue());
        Files.createDirectories(target.getParent());
        Files.writeString(target, resource(f.getKey()).replace("@TODAY@", today), StandardCharsets.UTF_8);
        out.println("wrote " + dir.resolve(f.getValue()).normalize());
      }
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot write into " + dir + ": " + e.getMessage(), e);
    }
    String cd = dir.normalize().toString().isEmpty() || dir.normalize().equals(Path.of(".")) ? "" : "cd " + dir.normalize() + " && ";
    out.println();
    out.println("Next: " + cd + "errata check && errata build, then open site/index.html.");
    out.println("Write an entry with errata new ID, or draft one from an error: errata new --from-error --file error.log");
    return ExitCode.OK.code();
  }

  private static void refuseNonEmpty(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ErrataException(ExitCode.USAGE, dir + " is a file; name a new or empty folder");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new ErrataException(ExitCode.USAGE, dir.toAbsolutePath().normalize() + " is not empty; errata init writes into a new or"
              + " empty folder only, so that nothing is overwritten (name one: errata init my-kb)");
        }
      } catch (IOException e) {
        throw new ErrataException(ExitCode.IO, "cannot read " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource init/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
