package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates read records through {@link RecordWrapper} exactly as through Freemarker's own wrapper. */
class RecordWrapperTest {
  public record Inner(String label, int count) {}

  public record Outer(String name, List<Inner> items, Inner first, String empty, boolean flag, Map<String, String> extra) {}

  private record Hidden(String secret) {}

  private static final String TEMPLATE = """
      ${o.name} ${o.items?size} <#list o.items as i>${i.label}=${i.count}<#sep>, </#list>
      ${o.first.label} ${o.first.count + 1} [${o.empty}] ${o.empty?has_content?c} ${o.flag?c} ${o.extra.k}
      ${o?has_content?c} ${o.first?has_content?c} ${(o.missing)!"none"} ${h?has_content?c}
      <#if o.flag>yes</#if> ${o.name?upper_case} ${o.name?length}
      """;

  @Test
  void recordsRenderAsWithTheStockWrapper() throws Exception {
    Map<String, Object> model = Map.of(
        "o", new Outer("a <b>", List.of(new Inner("x", 1), new Inner("y&z", 2)), new Inner("f", 41), "", true,
            Map.of("k", "v")),
        "h", new Hidden("s"));
    String stock = render(new DefaultObjectWrapper(Configuration.VERSION_2_3_34), model);
    String ours = render(new RecordWrapper(), model);
    assertEquals(stock, ours);
    // Not only equal but right: the stock wrapper is the reference, so check it too reads records.
    assertEquals(true, ours.startsWith("a &lt;b&gt; 2 x=1, y&amp;z=2"), ours);
  }

  @Test
  void aRecordListsItsComponentsAsKeys() throws Exception {
    Map<String, Object> model = Map.of("o", new Outer("n", List.of(), new Inner("f", 41), "", false, Map.of()));
    String keys = render(new RecordWrapper(), model, "<#list o?keys as k>${k} </#list>| <#list o.first?values as v>${v} </#list>");
    assertEquals("name items first empty flag extra | f 41 ", keys);
  }

  private static String render(ObjectWrapper wrapper, Map<String, Object> model) throws Exception {
    return render(wrapper, model, TEMPLATE);
  }

  private static String render(ObjectWrapper wrapper, Map<String, Object> model, String template) throws Exception {
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    StringTemplateLoader loader = new StringTemplateLoader();
    loader.putTemplate("t.ftlh", template);
    config.setTemplateLoader(loader);
    config.setRecognizeStandardFileExtensions(true);
    config.setObjectWrapper(wrapper);
    Template t = config.getTemplate("t.ftlh");
    StringWriter out = new StringWriter();
    t.process(model, out);
    return out.toString();
  }
}
