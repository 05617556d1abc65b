package dev.heredity.detectors.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits text into runs of ASCII digits (type {@link #NUMBER}) and the runs between them (type
 * {@link #FORMAT}: separators, brackets, words, whitespace, kept verbatim). Concatenating all terms
 * gives the input back, so format features can be read off the {@code FORMAT} tokens.
 */
public final class NumberTokenizer extends Tokenizer {
  public static final String NUMBER = "<NUM>";
  public static final String FORMAT = "<FMT>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final char[] buffer = new char[4096];
  private int length;
  private int position;
  private int consumed;
  private boolean exhausted;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (!fill()) {
      return false;
    }
    boolean digit = isDigit(buffer[position]);
    int begin = consumed + position;
    term.setEmpty();
    while (fill() && isDigit(buffer[position]) == digit) {
      term.append(buffer[position++]);
    }
    offset.setOffset(correctOffset(begin), correctOffset(begin + term.length()));
    type.setType(digit ? NUMBER : FORMAT);
    return true;
  }

  /** Makes sure {@code buffer[position]} is valid; false at the end of input. */
  private boolean fill() throws IOException {
    if (position < length) {
      return true;
    }
    if (exhausted) {
      return false;
    }
    consumed += length;
    length = input.read(buffer, 0, buffer.length);
    position = 0;
    if (length <= 0) {
      length = 0;
      exhausted = true;
      return false;
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public void end() throws IOException {
    super.end();
    int end = correctOffset(consumed + length);
    offset.setOffset(end, end);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    position = 0;
    consumed = 0;
    exhausted = false;
  }
}
