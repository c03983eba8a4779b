package dev.errata.render;

import dev.errata.model.Entry;
import java.util.function.Supplier;

/**
 * Entry pages an earlier build wrote, which a build keeps rather than renders when they were made
 * from equal inputs. A one-off build without a record of an earlier one keeps none ({@link #NONE}).
 */
public interface EarlierPages {
  EarlierPages NONE = (e, inputs) -> false;

  /**
   * Whether the page of {@code e} that an earlier build made from equal inputs (its template and
   * what the page is made from: the entry, and what it shows of the site and of other entries) is
   * kept, together with whatever the build made from rendering that entry's body; when false, the
   * page is rendered. The inputs are asked for only by a build that has earlier pages.
   */
  boolean kept(Entry e, Supplier<Object> inputs);

  /**
   * Whether the page at {@code path} that lists entries (a component, a tag, the home page, the
   * sitemap...) which an earlier build made from equal inputs (its template and model) is kept
   * as it is; when false, the page is rendered.
   */
  default boolean keptPage(String path, Supplier<Object> inputs) {
    return false;
  }

  /**
   * Whether every page that lists entries is kept as an earlier build made it, because what all
   * of them read ({@code inputs}: the site, the vocabulary and each entry's listed fields) is
   * equal to what that build's read; when false, each is asked for by {@link #keptPage}. The
   * inputs are asked for only by a build that has earlier pages.
   */
  default boolean keptLists(Supplier<Object> inputs) {
    return false;
  }

  /**
   * What {@link #keptLists}' inputs hold of {@code e}: what the lists show of it ({@code fields}),
   * or something equal exactly when that is (its digest, kept between builds with the file).
   */
  default Object listed(Entry e, Supplier<Object> fields) {
    return fields.get();
  }
}
