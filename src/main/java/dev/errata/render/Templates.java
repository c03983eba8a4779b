package dev.errata.render;

import dev.errata.ErrataException;
import dev.errata.ExitCode;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The one Freemarker configuration of a build. Templates are looked up first in the user's
 * templates folder, then among the defaults shipped in the jar, so a user overrides one template
 * without copying the others. {@code .ftlh} templates escape HTML and {@code .ftlx} XML by
 * default; errors are rethrown (never logged and swallowed) and reported once, with the template
 * name and line.
 */
public final class Templates {
  static final String DEFAULTS = "/templates";
  private final Configuration config;
  private final Path userDir;
  private final Messages messages;

  public Templates(Path userDir) {
    this.userDir = userDir;
    messages = Messages.load(userDir);
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setObjectWrapper(new RecordWrapper());
    List<TemplateLoader> loaders = new ArrayList<>();
    if (userDir != null && Files.isDirectory(userDir)) {
      try {
        loaders.add(new FileTemplateLoader(userDir.toFile()));
      } catch (IOException e) {
        throw new ErrataException(ExitCode.IO, "cannot read the templates folder " + userDir + ": " + e.getMessage(), e);
      }
    }
    loaders.add(new ClassTemplateLoader(Templates.class, DEFAULTS));
    config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setRecognizeStandardFileExtensions(true);
    // One Templates serves one build: no localized variants to look for, and no template
    // changes to watch for, on each import of layout.ftlh (one per page) a build makes.
    config.setLocalizedLookup(false);
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    config.setSharedVariable(Cached.NAME, new Cached());
  }

  /** The interface words of the pages, from the shipped bundles and the user's {@code messages/}. */
  public Messages messages() {
    return messages;
  }

  /** Renders {@code name} with {@code model} as UTF-8; template errors become one user-facing message. */
  public byte[] render(String name, Map<String, Object> model) {
    try {
      Template t = config.getTemplate(name);
      PageText out = new PageText();
      t.process(model, out);
      return out.bytes();
    } catch (TemplateException e) {
      throw failed(name, e);
    } catch (IOException e) {
      throw new ErrataException(ExitCode.IO, "cannot load template " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * One diagnostic naming the template file and line where it failed (a page's own template or
   * one it imports) and, for a variable that is not there, its name.
   */
  private ErrataException failed(String page, TemplateException e) {
    String source = e.getTemplateSourceName() == null ? page : e.getTemplateSourceName();
    Path own = userDir == null ? null : userDir.resolve(source);
    String file = own != null && Files.isRegularFile(own) ? own.toString().replace('\\', '/') : "(built-in template) " + source;
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    String message;
    String hint;
    if (e instanceof freemarker.core.InvalidReferenceException && e.getBlamedExpressionString() != null) {
      message = "'" + e.getBlamedExpressionString() + "' is missing (rendering " + page + ")";
      hint = "the variables each template gets are listed in docs/template-variables.md; write ${x!\"\"} for one that may be absent";
    } else {
      message = firstLine(e.getMessageWithoutStackTop()) + " (rendering " + page + ")";
      hint = "";
    }
    String where = file + (line > 0 ? ":" + line : "");
    return new ErrataException(ExitCode.INVALID_CONTENT, "template error at " + where + ": " + message,
        java.util.List.of(dev.errata.Diagnostic.error(file, line, message, hint)));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int n = s.indexOf('\n');
    return n < 0 ? s : s.substring(0, n);
  }
}
