package dev.errata.render;

import java.util.function.Supplier;

/**
 * Where a renderer may find what it made before from equal inputs: a page of the same template
 * and an equal model, an entry's JSON from an equal entry and body. Inputs are records, lists,
 * maps and strings, so equal means equal output. A one-off build remembers nothing ({@link
 * #NONE}); {@code errata serve} remembers its last build.
 */
public interface RenderMemo {
  RenderMemo NONE = (key, make) -> make.get();

  /**
   * What {@code make} gives for the key: made now, or remembered from an equal key. The key is
   * asked for only by a memo that remembers, so a one-off build does not assemble it.
   */
  byte[] bytes(Supplier<Object> key, Supplier<byte[]> make);
}
