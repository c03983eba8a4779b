package dev.errata.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <@cached key=x>...</@cached>}: renders its body once per distinct key in a build and
 * writes the same text wherever the key comes again, as Hugo's {@code partialCached} does. The
 * body must depend on the key alone. Entry pages use it for the version picture: entries share
 * most of their component rows, so few of the rows differ, and the rows are a large part of
 * every page.
 */
final class Cached implements TemplateDirectiveModel {
  static final String NAME = "cached";
  private final Map<Object, String> done = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("rawtypes")
  public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
      throws TemplateException, IOException {
    if (params.size() != 1 || !params.containsKey("key") || loopVars.length != 0 || body == null) {
      throw new TemplateModelException("use <@" + NAME + " key=...>...</@" + NAME + ">: one key (what the body "
          + "depends on), a body, no loop variables");
    }
    Object key = DeepUnwrap.unwrap((TemplateModel) params.get("key"));
    String text = done.get(key);
    if (text == null) {
      StringWriter out = new StringWriter();
      body.render(out);
      text = out.toString();
      done.putIfAbsent(key, text);
    }
    env.getOut().write(text);
  }
}
