package dev.errata.site;

import dev.errata.Diagnostic;
import dev.errata.model.Entry;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What a build works out of each entry on its own (its Markdown problems, its digests), taken
 * from an earlier build where the entry is the same: from the record of each file on disk
 * ({@link FileStore}) or from the process that made the last build ({@link BuildMemory}). A
 * rebuild after one edit then does that work for the edited entry only.
 */
interface EntryMemo {
  /**
   * A digest of part of an entry that a later stage of the build keys its output by: what the
   * match index reads of it ({@link ExampleStore.Basis}), what the search index's entry parts read
   * ({@link AllEntriesFiles}), what the pages that list entries show ({@link KeptPages#listed}).
   */
  enum Inputs { MATCH_INDEX, ENTRY_PARTS, LISTED }

  /** No memo: everything is made. */
  EntryMemo NONE = new EntryMemo() {
    @Override
    public List<Diagnostic> checked(Entry e, Supplier<List<Diagnostic>> check) {
      return check.get();
    }

    @Override
    public EntryDigests.Both digests(Entry e, Supplier<EntryDigests.Both> digest) {
      return digest.get();
    }

    @Override
    public String inputs(Inputs kind, Entry e, Supplier<String> digest) {
      return digest.get();
    }
  };

  /** The build check's Markdown problems of {@code e} ({@link dev.errata.markdown.MarkdownCheck}'s memo). */
  List<Diagnostic> checked(Entry e, Supplier<List<Diagnostic>> check);

  /** The digests of {@code e} ({@link EntryDigests}' memo); {@code digest} may give null (a value no digest takes). */
  EntryDigests.Both digests(Entry e, Supplier<EntryDigests.Both> digest);

  /** The digest of {@code e}'s {@code kind} of inputs. */
  String inputs(Inputs kind, Entry e, Supplier<String> digest);

  /** {@link #inputs} of one kind, as the memo its stage takes. */
  default BiFunction<Entry, Supplier<String>, String> inputs(Inputs kind) {
    return (e, digest) -> inputs(kind, e, digest);
  }
}
