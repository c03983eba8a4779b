package dev.errata.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flexmark's inline parser with one change: a successful pattern match no longer copies the whole
 * paragraph. The stock {@code match} calls {@link Matcher#toMatchResult()}, which in Java 17
 * turns the entire input into a new String, character by character, for every backtick run and
 * entity, which on long bodies with many code spans adds up to a large share of parsing. Reading
 * {@code start()} and {@code end()} from the live matcher gives the same positions.
 */
final class NoCopyInlineParser extends InlineParserImpl {
  static final InlineParserFactory FACTORY = NoCopyInlineParser::new;

  private NoCopyInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> extensions) {
    super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
  }

  @Override
  public BasedSequence match(Pattern re) {
    Matcher m = find(re);
    return m == null ? null : input.subSequence(m.start(), m.end());
  }

  @Override
  public BasedSequence[] matchWithGroups(Pattern re) {
    Matcher m = find(re);
    if (m == null) {
      return null;
    }
    BasedSequence[] out = new BasedSequence[m.groupCount() + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
    }
    return out;
  }

  /** The matcher after a successful find from the current index (the index moved past it), else null. */
  private Matcher find(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher m = re.matcher(input);
    m.region(index, input.length());
    if (!m.find()) {
      return null;
    }
    index = m.end();
    return m;
  }
}
