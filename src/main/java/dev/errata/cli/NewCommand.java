package dev.errata.cli;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.draft.EntryText;
import dev.errata.draft.ErrorDraft;
import dev.errata.match.Match;
import dev.errata.match.MatchReport;
import dev.errata.match.Matcher;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.Vocabulary;
import dev.errata.text.Rules;
import dev.errata.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errata new}: an entry skeleton, or a draft made from a pasted error. */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a new entry: errata new ID writes a skeleton with today's dates;",
        "errata new --from-error [TEXT | --file FILE | -] drafts one from a pasted error (its error line as the symptom,",
        "the varying parts as placeholders, the paste as the first example) and warns when an entry already matches it."})
final class NewCommand implements Callable<Integer> {
  /** Pastes longer than this go into the example as the lines around the error line. */
  static final int MAX_EXAMPLE_LINES = 40;
  static final int CONTEXT_LINES = 10;

  @Parameters(paramLabel = "ID | TEXT", arity = "0..*",
      description = "The new entry's id (kebab-case); with --from-error, the error text ('-' or nothing reads standard input).")
  List<String> words = new ArrayList<>();

  @Option(names = "--from-error", description = "Draft the entry from a pasted error.")
  boolean fromError;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "With --from-error: read the paste from FILE ('-' for standard input).")
  Path file;

  @Option(names = "--id", paramLabel = "ID", description = "With --from-error: the id to use instead of the proposed one.")
  String id;

  @Option(names = "--component", paramLabel = "NAME",
      description = "The component the entry is about; the file goes into content/NAME/.")
  String component;

  @Mixin ContentOption content;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "A built site whose index finds entries that already match (default: ${DEFAULT-VALUE}).")
  Path site;

  @Spec CommandSpec spec;

  private final InputStream stdin;

  NewCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    if (!Files.isDirectory(content.content)) {
      throw new ErrataException(ExitCode.IO, "no content folder " + content.content + "; start one with errata init, or name it with --content");
    }
    if (component != null && !isFolderName(component)) {
      throw new ParameterException(spec.commandLine(), "--component takes a name such as tritonserver (letters, digits, '.', '_', '-'); got '" + component + "'");
    }
    KnowledgeBase kb = dev.errata.site.SiteBuilder.check(content.content, false).knowledgeBase();
    LocalDate today = LocalDate.now(Clock.systemDefaultZone());
    return fromError ? draft(kb, today) : skeleton(kb, today);
  }

  private int skeleton(KnowledgeBase kb, LocalDate today) {
    if (words.size() != 1 || file != null || id != null) {
      throw new ParameterException(spec.commandLine(), "errata new takes one ID, such as errata new numpy2-breaks-stub"
          + " (or --from-error to draft one from a pasted error)");
    }
    String newId = requireFreeId(words.get(0));
    String name = componentName(kb.vocabulary(), "");
    EntryText.Fields f = new EntryText.Fields(newId, "TODO: the error, as a person would search for it",
        "TODO: one sentence: what fails, when, and why.", "investigating", today, List.of(tagName(kb.vocabulary(), "")), name,
        List.of("TODO: the error message exactly as printed, with {n}, {name} or {path} where it varies"),
        "TODO: why it happens.", "TODO: what to do", "TODO: the commands to run or the change to make.",
        List.of(), List.of(), null, body());
    Path written = write(newId, EntryText.write(f));
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + written);
    out.println("Fill in the TODOs, add examples, then run errata check.");
    return ExitCode.OK.code();
  }

  private int draft(KnowledgeBase kb, LocalDate today) {
    String paste = paste();
    if (paste.isBlank()) {
      throw new ErrataException(ExitCode.USAGE, "the paste is empty; give the error text, --file FILE, or pipe it in");
    }
    PrintWriter err = spec.commandLine().getErr();
    // The line errata match named as the failure no entry explains, when it named one: the entry is for that failure.
    int named = warnIfMatched(paste, err).map(MatchReport::unexplained).map(Match.MatchedLine::number).orElse(0);
    ErrorDraft d = ErrorDraft.of(paste, Rules.defaults(), dev.errata.content.EntryLimits.MAX_SYMPTOM_CHARS, named)
        .orElseThrow(() -> new ErrataException(ExitCode.USAGE, "no line of the paste has words to draft a symptom from"));
    String newId = id != null ? requireFreeId(id) : freeId(d.id(), kb);
    String haystack = paste.toLowerCase(Locale.ROOT);
    List<String> match = new ArrayList<>();
    match.add(example(paste, d.line()));
    if (!d.line().equals(paste.strip())) {
      match.add(d.line());
    }
    EntryText.Fields f = new EntryText.Fields(newId, d.title(), "TODO: one sentence: what fails, when, and why.",
        "investigating", today, List.of(tagName(kb.vocabulary(), haystack)), componentName(kb.vocabulary(), haystack),
        List.of(d.symptom()), "TODO: why it happens.", "TODO: what to do", "TODO: the commands to run or the change to make.",
        match, List.of(), null, body());
    Path written = write(newId, EntryText.write(f));
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + written);
    out.println("symptom: " + TerminalText.strip(d.symptom()));
    out.println("Fill in the TODOs, check the component and tag, add a near miss under examples.no_match, then run errata check.");
    return ExitCode.OK.code();
  }

  private String paste() {
    InputText input = new InputText(Rules.defaults().maxLines, Rules.defaults().maxInputBytes);
    if (file != null) {
      return input.read(file, stdin).text();
    }
    if (words.isEmpty() || (words.size() == 1 && words.get(0).equals("-"))) {
      if (Terminal.typedInto(stdin)) {
        spec.commandLine().getErr().println(Terminal.PASTE_HINT.replace("errata match", "errata new --from-error"));
        spec.commandLine().getErr().flush();
      }
      return input.read(null, stdin).text();
    }
    return String.join(" ", words);
  }

  /** The paste, or for a long one the lines around its error line. */
  static String example(String paste, String errorLine) {
    String[] lines = paste.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    if (lines.length <= MAX_EXAMPLE_LINES) {
      return paste;
    }
    int at = 0;
    while (at < lines.length && !lines[at].contains(errorLine)) {
      at++;
    }
    at = at == lines.length ? 0 : at;
    int from = Math.max(0, at - CONTEXT_LINES);
    int to = Math.min(lines.length, at + CONTEXT_LINES + 1);
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
  }

  /**
   * Says on standard error when an entry already explains the paste: the draft may not be needed.
   * The report, unless the entries could not be read.
   */
  private Optional<MatchReport> warnIfMatched(String paste, PrintWriter err) {
    Matcher matcher;
    try {
      matcher = Workspace.of(content.content, site).matcher();
    } catch (ErrataException e) {
      err.println("errata: note: the paste was not compared with the existing entries, which have errors (errata check lists them)");
      return Optional.empty();
    }
    MatchReport r = matcher.match(paste, new Matcher.Options(3, List.of(), "en"));
    for (Match m : r.matches()) {
      if (m.confidence().confident()) {
        err.println("errata: warning: '" + m.entry().id() + "' already matches this paste (" + m.confidence().label()
            + "): extend that entry rather than write a new one, or make the new symptom tell the two apart");
      }
    }
    err.flush();
    return Optional.of(r);
  }

  private String requireFreeId(String wanted) {
    if (!wanted.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new ParameterException(spec.commandLine(), "'" + wanted + "' is not a kebab-case id; use lower-case letters, digits and single"
          + " hyphens, such as " + wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""));
    }
    Optional<Path> existing = existing(wanted);
    if (existing.isPresent()) {
      throw new ErrataException(ExitCode.USAGE, "entry '" + wanted + "' exists: " + existing.get() + "; ids are permanent, choose another");
    }
    return wanted;
  }

  /** The proposed id, or with -2, -3, ... when an entry has it. */
  private String freeId(String proposed, KnowledgeBase kb) {
    String candidate = proposed;
    for (int n = 2; existing(candidate).isPresent() || kb.find(candidate).isPresent(); n++) {
      candidate = proposed + "-" + n;
    }
    return candidate;
  }

  /** A file of that id anywhere under the content folder: the file name is the id. */
  private Optional<Path> existing(String entryId) {
    try (Stream<Path> s = Files.walk(content.content)) {
      return s.filter(p -> p.getFileName().toString().equals(entryId + ".md")).findFirst();
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot read " + content.content + ": " + e.getMessage(), e);
    }
  }

  private Path write(String entryId, String text) {
    Path folder = component == null ? content.content : content.content.resolve(component);
    Path target = folder.resolve(entryId + ".md");
    try {
      Files.createDirectories(folder);
      Files.writeString(target, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new ErrataException(ExitCode.USAGE, target + " exists; choose another id");
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot write " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** --component, else a vocabulary component the paste names, else the first one listed. */
  private String componentName(Vocabulary v, String haystack) {
    if (component != null) {
      return component;
    }
    return pick(new ArrayList<>(v.components().keySet()), haystack, "unknown");
  }

  private static String tagName(Vocabulary v, String haystack) {
    return pick(v.tags(), haystack, "general");
  }

  private static String pick(List<String> names, String haystack, String none) {
    for (String n : names) {
      if (!haystack.isEmpty() && haystack.contains(n.toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    return names.isEmpty() ? none : names.get(0);
  }

  /** Sections that add to what the page renders from the front matter, never repeat it (errata check warns). */
  static String body() {
    return """
        ## What you see

        TODO: where the error shows up and what it looks like around it.

        ## How to confirm

        TODO: a command or a look at a file that tells this cause apart from others.

        ## Background

        TODO: anything that helps understand it; delete this section if there is nothing.
        """;
  }

  /** A folder name under content/: one path segment. */
  private static boolean isFolderName(String s) {
    return s.matches("[A-Za-z0-9._-]+") && !s.equals(".") && !s.equals("..");
  }
}
