package dev.heredity.detectors.analysis;

/** A term and its Lucene token type. */
public record Token(String term, String type) {
  public boolean isNumber() {
    return NumberTokenizer.NUMBER.equals(type);
  }
}
