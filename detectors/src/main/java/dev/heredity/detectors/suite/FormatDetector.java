package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.TableSpec;

/**
 * Separators, brackets, endings, line breaks (numbers) or line count, fences, bullets, indentation
 * (text): one block per format feature. Reported on its own, outside the content verdict, because
 * format can differ for reasons unrelated to a trait.
 */
public final class FormatDetector implements TableDetector {
  @Override
  public String id() {
    return "format";
  }

  @Override
  public String description() {
    return "format classes of each record (separators, brackets, endings, line breaks)";
  }

  @Override
  public TableSpec table(Corpus corpus) {
    return ClassGroups.of(corpus.formats()).spec(corpus::formatCount, corpus::format);
  }
}
