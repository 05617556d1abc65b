package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.TableSpec;
import java.util.List;

/** Which tokens appear, regardless of order: one table over the whole vocabulary. */
public final class FrequencyDetector implements TableDetector {
  @Override
  public String id() {
    return "frequency";
  }

  @Override
  public String description() {
    return "token frequencies (G-test over the token table, rare tokens pooled)";
  }

  @Override
  public TableSpec table(Corpus corpus) {
    return new TableSpec(
        List.of("token"),
        (record, sink) -> {
          for (int i = 0; i < corpus.tokenCount(record); i++) {
            sink.accept(0, corpus.token(record, i));
          }
        },
        (block, key) -> EvidenceNames.token(corpus, (int) key));
  }
}
