package dev.errata.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;
import java.util.Map;

/**
 * A page's words, for templates: {@code ${t("entry.symptoms")}}, with arguments for the
 * placeholders {@code {0}}, {@code {1}}..., and {@code ${tn("count.entries", n)}}, which reads
 * {@code count.entries.one} when n is 1 and {@code count.entries.other} otherwise (n is
 * {@code {0}}). The result is text, which {@code .ftlh} templates escape as any other.
 */
final class Say implements TemplateMethodModelEx {
  private final Map<String, String> words;
  private final boolean counted;

  Say(Map<String, String> words, boolean counted) {
    this.words = words;
    this.counted = counted;
  }

  static String format(String pattern, List<?> args) {
    if (args.isEmpty() || pattern.indexOf('{') < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        out.append(n < args.size() ? String.valueOf(args.get(n)) : pattern.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Object exec(List arguments) throws TemplateModelException {
    if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel k)) {
      throw new TemplateModelException((counted ? "tn" : "t") + " needs a message key first");
    }
    String key = k.getAsString();
    List<Object> args = new java.util.ArrayList<>();
    for (Object a : arguments.subList(1, arguments.size())) {
      args.add(a instanceof TemplateNumberModel n ? n.getAsNumber()
          : DeepUnwrap.unwrap((freemarker.template.TemplateModel) a));
    }
    if (counted) {
      if (args.isEmpty() || !(args.get(0) instanceof Number n)) {
        throw new TemplateModelException("tn(\"" + key + "\", n): n must be a number");
      }
      key = key + (n.longValue() == 1 ? ".one" : ".other");
    }
    String pattern = words.get(key);
    if (pattern == null) {
      throw new TemplateModelException("no message '" + key + "' in messages/" + Messages.REFERENCE + ".properties");
    }
    return format(pattern, args);
  }
}
