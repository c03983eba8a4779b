package dev.errata.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates that are one message: equal positions, equally explicit. Many entries list the same
 * consequence line ("failed to load all models"), and siblings share their main error's shape, so
 * a knowledge base of 10,000 entries holds about two thirds as many forms as templates. A form
 * shares with a line exactly what each of its templates shares (its words are theirs), and aligns
 * exactly as each of them does, so the matcher walks the words' forms and aligns a form once per
 * line: the answers are those of walking and aligning every template.
 */
final class TemplateForms {
  /** Template number to form number. */
  private final int[] formOf;
  /** Form number to its templates, ascending. */
  private final int[][] members;
  /** Key to the forms whose templates have it, ascending. */
  private final Map<String, int[]> withKey;

  private TemplateForms(int[] formOf, int[][] members, Map<String, int[]> withKey) {
    this.formOf = formOf;
    this.members = members;
    this.withKey = withKey;
  }

  /** The forms of {@code templates}, whose keys find them through {@code templatesWithKey}. */
  static TemplateForms of(List<Template> templates, Map<String, int[]> templatesWithKey) {
    int[] formOf = new int[templates.size()];
    Map<Form, Integer> numbers = new HashMap<>(2 * templates.size());
    int[] sizes = new int[templates.size()];
    for (int t = 0; t < templates.size(); t++) {
      int f = numbers.computeIfAbsent(new Form(templates.get(t)), k -> numbers.size());
      formOf[t] = f;
      sizes[f]++;
    }
    int[][] byForm = new int[numbers.size()][];
    for (int f = 0; f < byForm.length; f++) {
      byForm[f] = new int[sizes[f]];
      sizes[f] = 0;
    }
    for (int t = 0; t < formOf.length; t++) {
      int f = formOf[t];
      byForm[f][sizes[f]++] = t;
    }
    Map<String, int[]> withKey = new HashMap<>(templatesWithKey.size() * 2);
    templatesWithKey.forEach((key, tids) -> withKey.put(key, formsOf(tids, formOf)));
    return new TemplateForms(formOf, byForm, withKey);
  }

  /** The distinct forms of ascending template numbers, ascending. */
  private static int[] formsOf(int[] tids, int[] formOf) {
    int[] out = new int[tids.length];
    for (int i = 0; i < tids.length; i++) {
      out[i] = formOf[tids[i]];
    }
    java.util.Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (n == 0 || out[n - 1] != out[i]) {
        out[n++] = out[i];
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * What a template aligns by: its positions and whether its author wrote placeholders. Hashed
   * and compared field by field here: a record's own methods go through method handles, which
   * cost most of numbering 23,000 templates on the quick compiler.
   */
  private static final class Form {
    private final List<Template.Item> items;
    private final boolean explicit;
    private final int hash;

    Form(Template t) {
      items = t.items();
      explicit = t.explicit();
      int h = explicit ? 1 : 0;
      for (Template.Item it : items) {
        h = 31 * (31 * h + it.slot().ordinal()) + it.text().hashCode();
      }
      hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Form f) || f.hash != hash || f.explicit != explicit || f.items.size() != items.size()) {
        return false;
      }
      for (int i = 0; i < items.size(); i++) {
        Template.Item a = items.get(i);
        Template.Item b = f.items.get(i);
        if (a.slot() != b.slot() || !a.text().equals(b.text())) {
          return false;
        }
      }
      return true;
    }
  }

  int count() {
    return members.length;
  }

  int formOf(int template) {
    return formOf[template];
  }

  /** The templates of form {@code f}, ascending; not to be changed. */
  int[] members(int f) {
    return members[f];
  }

  /** The forms whose templates have {@code key}, ascending; null when none. */
  int[] withKey(String key) {
    return withKey.get(key);
  }
}
