package dev.errata.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.SiteInfo;
import dev.errata.model.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a content folder: {@code site.yml}, {@code vocabulary.yml} and every {@code **}{@code /*.md}
 * in sorted order. Files are parsed in parallel but results are kept in path order, so output
 * and diagnostics never depend on thread timing. Problems are collected, never thrown; only an
 * unreadable folder is an exception.
 */
public final class ContentLoader {
  public static final String VOCABULARY_FILE = "vocabulary.yml";
  public static final String SITE_FILE = "site.yml";

  private final YAMLFactory factory;
  /**
   * Made when first needed: the first ObjectMapper of a process costs 0.1 to 0.2 s of class
   * loading and set-up, and front matter that SimpleYaml reads, in a folder without settings
   * files, never needs one.
   */
  private ObjectMapper yaml;

  public ContentLoader() {
    this.factory = new YAMLFactory();
  }

  private synchronized ObjectMapper yaml() {
    if (yaml == null) {
      yaml = mapper(factory);
    }
    return yaml;
  }

  /** How front matter and settings are bound; {@link SimpleYaml} must bind as this does. */
  static ObjectMapper mapper(YAMLFactory factory) {
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The knowledge base (valid entries only) and every problem found on the way. */
  public record Result(KnowledgeBase knowledgeBase, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  public Result load(Path contentDir) {
    if (!Files.isDirectory(contentDir)) {
      throw new ErrataException(ExitCode.IO, "content folder " + contentDir + " does not exist or is not a folder");
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    SiteInfo site = readSite(contentDir, diagnostics);
    Vocabulary vocabulary = readVocabulary(contentDir, diagnostics);
    String defaultLang = "en";
    List<Path> files = markdownFiles(contentDir);
    List<FileResult> results = files.parallelStream().map(f -> readEntry(f, defaultLang, vocabulary)).toList();
    List<Entry> entries = new ArrayList<>();
    for (FileResult r : results) {
      diagnostics.addAll(r.diagnostics());
      r.entry().ifPresent(entries::add);
    }
    return new Result(new KnowledgeBase(site, vocabulary, entries), diagnostics);
  }

  private record FileResult(Optional<Entry> entry, List<Diagnostic> diagnostics) {}

  private FileResult readEntry(Path file, String defaultLang, Vocabulary vocabulary) {
    String shown = display(file);
    Problems problems = new Problems(shown, 2);
    Optional<String> text = readUtf8(file, problems);
    if (text.isEmpty()) {
      return new FileResult(Optional.empty(), problems.all());
    }
    StringBuilder why = new StringBuilder();
    Optional<FrontMatter> fm = FrontMatter.split(text.get(), why);
    if (fm.isEmpty()) {
      problems.errorAtLine(1, why.toString(), "see docs/authoring.md for a complete example");
      return new FileResult(Optional.empty(), problems.all());
    }
    problems.lines(new YamlLines(factory, fm.get().yaml()));
    // Most front matter keeps to the subset SimpleYaml reads; the rest, and every problem, is Jackson's.
    Optional<EntryDto> dto = SimpleYaml.entry(fm.get().yaml());
    if (dto.isEmpty()) {
      dto = new EntryBinder(yaml()).bind(fm.get().yaml(), EntryDto.class, problems);
    }
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - ".md".length());
    Optional<Entry> entry = dto.flatMap(d -> new EntryMapper(defaultLang, vocabulary).map(d, stem, fm.get(), problems));
    return new FileResult(entry, problems.all());
  }

  private static Optional<String> readUtf8(Path file, Problems problems) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      // The String constructor decodes several times faster than a decoder, but replaces bad
      // bytes with U+FFFD instead of failing: only a text holding U+FFFD is decoded again, strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      }
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      problems.errorAtLine(0, "the file is not valid UTF-8", "save it as UTF-8");
    } catch (IOException e) {
      problems.errorAtLine(0, "cannot read the file: " + e.getMessage(), "check its permissions");
    }
    return Optional.empty();
  }

  private SiteInfo readSite(Path root, List<Diagnostic> diagnostics) {
    Path file = root.resolve(SITE_FILE);
    if (!Files.isRegularFile(file)) {
      return SiteInfo.defaults();
    }
    Problems p = new Problems(display(file), 1);
    Optional<SettingsDto.SiteDto> dto = readSettings(file, SettingsDto.SiteDto.class, p);
    diagnostics.addAll(p.all());
    return dto.map(d -> new SiteInfo(d.title == null || d.title.isBlank() ? SiteInfo.defaults().title() : d.title.strip(),
        d.description, d.baseUrl == null ? "" : d.baseUrl.strip().replaceAll("/+$", "")))
        .orElse(SiteInfo.defaults());
  }

  private Vocabulary readVocabulary(Path root, List<Diagnostic> diagnostics) {
    Path file = root.resolve(VOCABULARY_FILE);
    if (!Files.isRegularFile(file)) {
      return Vocabulary.empty();
    }
    Problems p = new Problems(display(file), 1);
    Optional<SettingsDto.VocabularyDto> dto = readSettings(file, SettingsDto.VocabularyDto.class, p);
    diagnostics.addAll(p.all());
    if (dto.isEmpty()) {
      return Vocabulary.empty();
    }
    Map<String, Vocabulary.ComponentInfo> components = new LinkedHashMap<>();
    if (dto.get().components != null) {
      dto.get().components.forEach((name, info) -> components.put(name, new Vocabulary.ComponentInfo(name,
          info == null || info.title == null ? name : info.title.strip(),
          info == null || info.description == null ? "" : info.description.strip())));
    }
    List<String> tags = dto.get().tags == null ? List.of() : dto.get().tags.stream().filter(t -> t != null).map(String::strip).toList();
    return new Vocabulary(components, tags);
  }

  private <T> Optional<T> readSettings(Path file, Class<T> type, Problems p) {
    Optional<String> text = readUtf8(file, p);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    p.lines(new YamlLines(factory, text.get()));
    return new EntryBinder(yaml()).bind(text.get(), type, p);
  }

  private static List<Path> markdownFiles(Path root) {
    // find() hands over the attributes the walk read anyway; isRegularFile would stat each file
    // again. A link is followed, as before, to see whether it leads to a file.
    try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE, (f, attrs) ->
        f.getFileName().toString().endsWith(".md")
            && (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(f))))) {
      return walk
          .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().equalsIgnoreCase("README.md"))
          .sorted()
          .toList();
    } catch (NoSuchFileException e) {
      throw new ErrataException(ExitCode.IO, "content folder " + root + " disappeared while reading it", e);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot list the content folder " + root + ": " + e.getMessage(), e);
    }
  }

  /** The path as the user would type it: relative to the working folder when inside it. */
  static String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    return s.replace('\\', '/');
  }
}
