package dev.errata.markdown;

import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * The parsing half of Flexmark's tables extension, with one change: its paragraph step is made
 * once per parser instead of once per document. Each one compiles the table-separator regular
 * expression in its constructor, and a build parses twenty thousand documents; the step keeps no
 * state between paragraphs (only its options and that pattern), so one serves every document.
 * The HTML half stays the stock {@code TablesExtension}.
 */
final class TableParsing implements Parser.ParserExtension {
  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.paragraphPreProcessorFactory(new Shared(TableParagraphPreProcessor.Factory()));
  }

  private static final class Shared implements ParagraphPreProcessorFactory {
    private final ParagraphPreProcessorFactory stock;
    private volatile ParagraphPreProcessor one;

    Shared(ParagraphPreProcessorFactory stock) {
      this.stock = stock;
    }

    @Override
    public ParagraphPreProcessor apply(ParserState state) {
      ParagraphPreProcessor p = one;
      if (p == null) {
        p = stock.apply(state);
        one = p;
      }
      return p;
    }

    @Override
    public boolean affectsGlobalScope() {
      return stock.affectsGlobalScope();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return stock.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return stock.getBeforeDependents();
    }
  }
}
