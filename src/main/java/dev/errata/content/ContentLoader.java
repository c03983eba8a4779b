package dev.errata.content;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.errata.Diagnostic;
import dev.errata.ErrataException;
import dev.errata.ExitCode;
import dev.errata.model.Entry;
import dev.errata.model.KnowledgeBase;
import dev.errata.model.SiteInfo;
import dev.errata.model.MatchingRules;
import dev.errata.model.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a content folder: {@code site.yml}, {@code vocabulary.yml} and every {@code **}{@code /*.md}
 * in sorted order. Files are parsed in parallel but results are kept in path order, so output
 * and diagnostics never depend on thread timing. Problems are collected, never thrown; only an
 * unreadable folder is an exception.
 */
public final class ContentLoader {
  public static final String VOCABULARY_FILE = "vocabulary.yml";
  public static final String SITE_FILE = "site.yml";
  public static final String MATCHING_FILE = "matching.yml";

  private final YAMLFactory factory;
  /**
   * Made when first needed: the first ObjectMapper of a process costs noticeable class loading
   * and set-up, and front matter that SimpleYaml reads, in a folder without settings
   * files, never needs one.
   */
  private ObjectMapper yaml;

  private final Results memo;
  private final Forms forms;

  public ContentLoader() {
    this(Results.NONE);
  }

  /**
   * What an earlier load kept of each file, for a load that takes it (a build keeps it for the
   * next, {@code FileStore}): the form of its entry ({@link EntryForm}), read in place of parsing
   * the file when it was made from this very input, and taken without even reading the file when
   * the file is as the earlier load saw it.
   */
  public interface Forms {
    /** Keeps nothing, has nothing. */
    Forms NONE = new Forms() {
      @Override
      public Form earlier(FileInput input) {
        return null;
      }

      @Override
      public void made(FileAt at, long checksum, int length, FileResult result, Form form) {}
    };

    /**
     * The form kept of {@code input}'s entry when it was made from everything {@code input} holds
     * (the same text of the same file, folder, language and vocabulary, by the same tool), else null.
     */
    Form earlier(FileInput input);

    /**
     * What was kept of the file {@code at} names when an earlier load, in the same context, saw
     * it exactly as it is now at a look that can be trusted ({@link FileStat}); else null, and the
     * file is read.
     */
    default Unchanged unchanged(FileAt at) {
      return null;
    }

    /**
     * What this load made of the file {@code at} names: the sum and length of its text, its
     * result, and its entry's form (null for a file with errors).
     */
    void made(FileAt at, long checksum, int length, FileResult result, Form form);
  }

  /** What an earlier load knew of a file it read: the sum and length of its text, and its entry's form. */
  public record Unchanged(long checksum, int length, Form form) {}

  /**
   * A file as the folder's look saw it, before it is read (how what reading it reads looked: a
   * link's target), what its entry is made from besides its text, and its names: as messages show
   * it ({@link #display}) and inside the content folder ({@link #contentPath}).
   */
  public record FileAt(Path file, FileStat stat, Path root, String defaultLang, Vocabulary vocabulary, String shown,
      String contentPath) {}

  /** A form's bytes, told apart by identity: the keeper knows whether the load took the one it gave. */
  public record Form(byte[] bytes) {}

  /**
   * What a process that loads the same folder after each edit ({@code errata serve}) keeps of each
   * file's result from its last load.
   */
  public interface Results {
    /** Keeps nothing: every file is read and its result made. */
    Results NONE = new Results() {
      @Override
      public FileResult unchanged(FileAt at) {
        return null;
      }

      @Override
      public FileResult file(FileAt at, FileInput input, Supplier<FileResult> parse) {
        return parse.get();
      }
    };

    /**
     * The last load's result of the file {@code at} names, when that load saw the file exactly as
     * it is now at a look that can be trusted ({@link FileStat}); else null, and the file is read.
     */
    FileResult unchanged(FileAt at);

    /** The result of {@code input}: the last load's where everything it is made from is equal, else {@code parse}'s. */
    FileResult file(FileAt at, FileInput input, Supplier<FileResult> parse);
  }

  /** A load that takes each unchanged file's entry from the forms an earlier load kept, and keeps this load's. */
  public ContentLoader(Forms forms) {
    this.factory = factory();
    this.memo = Results.NONE;
    this.forms = forms;
  }

  /** A load that takes each file's result from the last load of the same process where it holds ({@code errata serve}). */
  public ContentLoader(Results memo) {
    this.factory = factory();
    this.memo = memo;
    this.forms = Forms.NONE;
  }

  private synchronized ObjectMapper yaml() {
    if (yaml == null) {
      yaml = mapper(factory);
    }
    return yaml;
  }

  /** How front matter and settings are bound; {@link SimpleYaml} must bind as this does. */
  static ObjectMapper mapper(YAMLFactory factory) {
    ObjectMapper mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // Text means text: `symptoms: 42` became the symptom "42", `fixed: [24.10]` the version
    // "24.1", `lang: no` the language "false". A number or a yes/no where text belongs is an
    // error that says to quote it.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The YAML reader: a key given twice is an error, where YAML parsers keep the last value without a word. */
  static YAMLFactory factory() {
    return YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /** The knowledge base (valid entries only) and every problem found on the way. */
  /**
   * @param unloaded the ids of entries left out for their errors, each with the files that
   *     claim it: rules across entries still know they exist, so that one run reports
   *     everything rather than a missing entry now and a duplicate id after its errors are fixed
   * @param look the folder as it was before any file was read: what the knowledge base's
   *     {@link Fingerprint} is made from
   */
  public record Result(KnowledgeBase knowledgeBase, List<Diagnostic> diagnostics, Map<String, List<String>> unloaded,
      FolderLook look) {
    public Result {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
      unloaded = Map.copyOf(unloaded);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * The site's settings alone, for a command that reads no entries; the defaults where
   * {@code site.yml} is missing or has problems ({@code errata check} reports them).
   */
  public SiteInfo site(Path contentDir) {
    List<Diagnostic> problems = new ArrayList<>();
    SiteInfo site = readSite(contentDir, problems);
    return problems.stream().anyMatch(Diagnostic::isError) ? SiteInfo.defaults() : site;
  }

  public Result load(Path contentDir) {
    if (!Files.isDirectory(contentDir)) {
      throw new ErrataException(ExitCode.IO, "content folder " + contentDir + " does not exist or is not a folder");
    }
    // Before anything is read: a file edited from here on makes the index this load gives stale.
    FolderLook look = FolderLook.of(contentDir);
    List<Diagnostic> diagnostics = new ArrayList<>();
    SiteInfo site = readSite(contentDir, diagnostics);
    Vocabulary vocabulary = readVocabulary(contentDir, diagnostics);
    String defaultLang = site.defaultLang();
    ContentFiles.Walk walk = ContentFiles.walk(look);
    diagnostics.addAll(walk.problems());
    if (!walk.entries().isEmpty() && vocabulary.components().isEmpty() && vocabulary.tags().isEmpty()) {
      Path file = contentDir.resolve(VOCABULARY_FILE);
      diagnostics.add(Diagnostic.warning(display(file), 0, Files.isRegularFile(file)
          ? "vocabulary.yml lists no components or tags, so those of the entries are not checked"
          : "no vocabulary.yml, so the tags and components of the entries are not checked",
          "list them in " + display(file) + "; docs/authoring.md, 'The vocabulary', shows how"));
    }
    // One file at a time to each core: files differ in size by an order of magnitude (examples' logs).
    String rootText = contentDir.toString();
    String shownRoot = display(contentDir);
    List<FileResult> results = dev.errata.Parallel.map(walk.entries(), f -> {
      String inside = inside(rootText, f.path(), contentDir);
      String shown = shownRoot.isEmpty() ? inside : shownRoot + "/" + inside;
      return readEntry(new FileAt(f.path(), FileStat.of(f.attrs()), contentDir, defaultLang, vocabulary, shown, inside));
    });
    List<Entry> entries = new ArrayList<>();
    Map<String, List<String>> unloaded = new java.util.TreeMap<>();
    for (FileResult r : results) {
      diagnostics.addAll(r.diagnostics());
      r.entry().ifPresent(entries::add);
      if (r.entry().isEmpty()) {
        r.id().ifPresent(id -> unloaded.computeIfAbsent(id, k -> new ArrayList<>()).add(r.path()));
      }
    }
    MatchingRules matching = readMatching(contentDir, vocabulary, diagnostics);
    return new Result(new KnowledgeBase(site, vocabulary, entries, matching), diagnostics, unloaded, look);
  }

  /**
   * The matching rules of a content folder alone, without reading its entries: for a command
   * that answers from a built index. Rules with problems are left out; {@code errata check} names them.
   */
  public MatchingRules matchingRules(Path contentDir) {
    List<Diagnostic> ignored = new ArrayList<>();
    return readMatching(contentDir, readVocabulary(contentDir, ignored), ignored);
  }

  /**
   * One file's outcome: its entry, or none when it has errors.
   *
   * @param id the id a file that could not be loaded claims: its {@code id} key, else its name
   */
  public record FileResult(Optional<Entry> entry, List<Diagnostic> diagnostics, Optional<String> id, String path) {}

  /**
   * Everything a file's result is made from: the file, the folder it is read from, its text (with
   * the checksum of its bytes), the default language and the vocabulary. Its messages name the
   * file as seen from the working folder too ({@link #display}).
   */
  public record FileInput(Path file, Path root, String text, long checksum, String defaultLang, Vocabulary vocabulary) {}

  private FileResult readEntry(FileAt at) {
    Path file = at.file();
    FileResult same = memo.unchanged(at);
    if (same != null) {
      return same;
    }
    Unchanged unchanged = forms.unchanged(at);
    if (unchanged != null) {
      Optional<FileResult> taken = EntryForm.decode(at, FileText.later(file, at.shown(), unchanged.checksum(), unchanged.length()),
          unchanged.form().bytes(), factory);
      if (taken.isPresent()) {
        forms.made(at, unchanged.checksum(), unchanged.length(), taken.get(), unchanged.form());
        return taken.get();
      }
    }
    String shown = at.shown();
    Problems problems = new Problems(shown, 2);
    String name = file.getFileName().toString();
    Optional<String> byName = Optional.of(name.substring(0, name.length() - ".md".length()));
    Optional<ContentFiles.Text> text = ContentFiles.readText(file, EntryLimits.MAX_FILE_BYTES, problems);
    if (text.isEmpty()) {
      return new FileResult(Optional.empty(), problems.all(), byName, shown);
    }
    FileInput input = new FileInput(file, at.root(), text.get().text(), text.get().checksum(), at.defaultLang(), at.vocabulary());
    return memo.file(at, input, () -> {
      Form kept = forms.earlier(input);
      Optional<FileResult> taken = kept == null ? Optional.empty()
          : EntryForm.decode(at, FileText.of(input.text()), kept.bytes(), factory);
      if (taken.isPresent()) {
        forms.made(at, input.checksum(), input.text().length(), taken.get(), kept);
        return taken.get();
      }
      Form[] made = new Form[1];
      FileResult parsed = parseEntry(at, input.text(), problems, forms == Forms.NONE ? null : form -> made[0] = form);
      forms.made(at, input.checksum(), input.text().length(), parsed, made[0]);
      return parsed;
    });
  }

  /** @param form told the form of the entry, when there is one and it is wanted */
  private FileResult parseEntry(FileAt at, String text, Problems problems, java.util.function.Consumer<Form> form) {
    String shown = at.shown();
    String name = at.file().getFileName().toString();
    String stem = name.substring(0, name.length() - ".md".length());
    Optional<String> byName = Optional.of(stem);
    int loneCr = loneCarriageReturnLine(text);
    if (loneCr > 0) {
      problems.errorAtLine(loneCr, "line " + loneCr + " ends with a carriage return (CR) alone, the line ending of old Mac files;"
          + " errata reads lines ended by LF or CR LF", "save the file with LF (Unix) or CR LF (Windows) line endings");
      return new FileResult(Optional.empty(), problems.all(), byName, shown);
    }
    StringBuilder why = new StringBuilder();
    Optional<FrontMatter> fm = FrontMatter.split(text, why);
    if (fm.isEmpty()) {
      problems.errorAtLine(1, why.toString(), "see docs/authoring.md for a complete example");
      return new FileResult(Optional.empty(), problems.all(), byName, shown);
    }
    // Most front matter keeps to the subset SimpleYaml reads; the rest, and every problem, is Jackson's.
    Optional<EntryDto> dto = SimpleYaml.entry(fm.get().yaml());
    boolean simple = dto.isPresent();
    problems.lines(new YamlLines(factory, fm.get().yaml(), simple));
    if (dto.isEmpty()) {
      dto = new EntryBinder(yaml()).bind(fm.get().yaml(), EntryDto.class, problems);
    }
    Optional<Entry> entry = dto.flatMap(d -> new EntryMapper(at.defaultLang(), at.vocabulary(), at.contentPath()).map(d, stem, fm.get(), problems));
    Optional<String> claimed = dto.map(d -> d.id == null || d.id.isBlank() ? stem : d.id.strip()).or(() -> byName);
    List<Diagnostic> diagnostics = problems.all();
    if (form != null && entry.isPresent()) {
      form.accept(new Form(EntryForm.encode(entry.get(), diagnostics, fm.get(), simple)));
    }
    return new FileResult(entry, diagnostics, entry.isPresent() ? Optional.empty() : claimed, shown);
  }

  /**
   * The line that ends with a carriage return not followed by a line feed, or 0. Lines are
   * numbered by line feeds everywhere else (YAML positions, Markdown lines), so such a file's
   * lines could not be named; a file with CR endings only was one line that did not start with
   * '---'.
   */
  static int loneCarriageReturnLine(String text) {
    int cr = text.indexOf('\r');
    while (cr >= 0 && cr + 1 < text.length() && text.charAt(cr + 1) == '\n') {
      cr = text.indexOf('\r', cr + 2);
    }
    if (cr < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < cr; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private SiteInfo readSite(Path root, List<Diagnostic> diagnostics) {
    Path file = root.resolve(SITE_FILE);
    if (!Files.isRegularFile(file)) {
      return SiteInfo.defaults();
    }
    Problems p = new Problems(display(file), 1);
    Optional<SettingsDto.SiteDto> dto = readSettings(file, SettingsDto.SiteDto.class, p);
    String baseUrl = dto.map(d -> d.baseUrl == null ? "" : d.baseUrl.strip().replaceAll("/+$", "")).orElse("");
    // The feed and the sitemap write it as the address of every page: the same schemes as links.
    if (!baseUrl.isEmpty() && !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
      p.error("/base_url", "base_url '" + baseUrl + "' is not an http(s) address", "write the full address, starting with https://");
      baseUrl = "";
    }
    String newEntry = linkTemplate(dto.map(d -> d.newEntryUrl), "/new_entry_url", List.of(SiteInfo.TITLE, SiteInfo.PASTE), p);
    String edit = linkTemplate(dto.map(d -> d.editUrl), "/edit_url", List.of(SiteInfo.PATH), p);
    String lang = dto.map(d -> d.defaultLang == null ? SiteInfo.DEFAULT_LANG : d.defaultLang.strip()).orElse(SiteInfo.DEFAULT_LANG);
    if (!EntryMapper.isLanguageTag(lang)) {
      p.error("/default_lang", "default_lang '" + lang + "' is not a language tag", "write a tag such as en or zh");
      lang = SiteInfo.DEFAULT_LANG;
    }
    diagnostics.addAll(p.all());
    String base = baseUrl;
    String defaultLang = lang;
    return dto.map(d -> new SiteInfo(d.title == null || d.title.isBlank() ? SiteInfo.defaults().title() : d.title.strip(),
        d.description, base, defaultLang, newEntry, edit, d.examplePaste == null || d.examplePaste.isBlank() ? null : d.examplePaste.strip()))
        .orElse(SiteInfo.defaults());
  }

  /**
   * A link template of {@code site.yml}: an http(s) address whose only {@code {...}} parts are
   * {@code placeholders}; empty when unset or wrong (and then reported).
   */
  private static String linkTemplate(Optional<String> value, String pointer, List<String> placeholders, Problems p) {
    String url = value.map(String::strip).orElse("");
    if (url.isEmpty()) {
      return "";
    }
    String key = pointer.substring(1);
    if (!(url.startsWith("https://") || url.startsWith("http://"))) {
      p.error(pointer, key + " '" + url + "' is not an http(s) address", "write the full address, starting with https://");
      return "";
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^}]*\\}").matcher(url);
    while (m.find()) {
      if (!placeholders.contains(m.group())) {
        p.error(pointer, key + " has the unknown placeholder " + m.group(), "the placeholders of " + key + " are "
            + String.join(", ", placeholders) + " (see docs/site.md)");
        return "";
      }
    }
    return url;
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

  private MatchingRules readMatching(Path root, Vocabulary vocabulary, List<Diagnostic> diagnostics) {
    Path file = root.resolve(MATCHING_FILE);
    if (!Files.isRegularFile(file)) {
      return MatchingRules.none();
    }
    Problems p = new Problems(display(file), 1);
    Optional<SettingsDto.MatchingDto> dto = readSettings(file, SettingsDto.MatchingDto.class, p);
    MatchingRules rules = dto.map(d -> new MatchingFile(vocabulary, p).rules(d)).orElse(MatchingRules.none());
    diagnostics.addAll(p.all());
    return rules;
  }

  private <T> Optional<T> readSettings(Path file, Class<T> type, Problems p) {
    Optional<String> text = ContentFiles.read(file, EntryLimits.MAX_SETTINGS_BYTES, p);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    p.lines(new YamlLines(factory, text.get()));
    return new EntryBinder(yaml()).bind(text.get(), type, p);
  }

  /**
   * {@link #contentPath} of a file the walk found under {@code root} (whose text is {@code
   * rootText}): the walk names each file by resolving its name against its folder, so its text is
   * the folder's, a separator and the rest, which is what the path operations would give too
   * (they were a third of reading an entry from its form).
   */
  private static String inside(String rootText, Path file, Path root) {
    String text = file.toString();
    if (rootText.isEmpty()) {
      return text.replace('\\', '/');
    }
    if (text.length() > rootText.length() + 1 && text.startsWith(rootText)
        && text.charAt(rootText.length()) == file.getFileSystem().getSeparator().charAt(0)) {
      return text.substring(rootText.length() + 1).replace('\\', '/');
    }
    return contentPath(root, file);
  }

  /** The file's path inside the content folder, with forward slashes whatever the system. */
  static String contentPath(Path root, Path file) {
    return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** A process's working folder, which Java cannot change. */
  private static final Path WORKING_FOLDER = Path.of("").toAbsolutePath();

  /** The path as the user would type it: relative to the working folder when inside it. */
  static String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String s = abs.startsWith(WORKING_FOLDER) ? WORKING_FOLDER.relativize(abs).toString() : abs.toString();
    return s.replace('\\', '/');
  }
}
