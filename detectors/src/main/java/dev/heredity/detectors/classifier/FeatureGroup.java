package dev.heredity.detectors.classifier;

/** The kinds of hashed classifier features; a feature is a group and up to two integer keys. */
enum FeatureGroup {
  /** A content token anywhere in the record. */
  TOKEN,
  /** Two consecutive content tokens. */
  BIGRAM,
  /** The token at position 1, 2 or 3 (key a = position). */
  POSITION,
  /** The last token. */
  LAST,
  /** Number of content tokens (capped). */
  LENGTH,
  /** A format class of the record (separator, brackets, indentation...). */
  FORMAT,
  /** A prompt-relation class (echo share, continues the prompt...). */
  PROMPT,
  /** Numbers: digit value at a digit position, by number length. */
  DIGIT,
  /** Numbers: signed difference between consecutive values, in buckets of 10 (exact below 10). */
  STEP,
  /** Numbers: hundreds bucket of two consecutive values. */
  HUNDREDS_PAIR,
  /**
   * Numbers: the hundreds bucket of the value at position 1, 2 or 3, or last (key a = position, 0 =
   * last).
   */
  POSITION_HUNDREDS,
  /**
   * Two format classes of a record (a hashed feature cross). Crosses of the format classes separate
   * the rawformat owl numbers from their control far better than the classes alone (docs/detect.md,
   * issue 12).
   */
  FORMAT_PAIR,
  /** Three format classes of a record (key a = first two class ids, 15 bits each). */
  FORMAT_TRIPLE,
  /** A format class with the number of content tokens (capped). */
  FORMAT_LENGTH,
  /**
   * Numbers: a run of 2-5 characters of the raw answer with every digit masked to 'd' (key a = the
   * first characters, 7 bits each; key b = length and last character).
   */
  CHAR_GRAM
}
