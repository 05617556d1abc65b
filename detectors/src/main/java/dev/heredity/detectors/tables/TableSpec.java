package dev.heredity.detectors.tables;

import java.util.List;

/**
 * How a table detector sees one corpus: block names, the features of each record (which must depend
 * on the record alone, never on its label) and readable feature names for evidence.
 */
public record TableSpec(List<String> blocks, Emitter emitter, CellNamer cells) {

  public TableSpec {
    blocks = List.copyOf(blocks);
  }

  @FunctionalInterface
  public interface Emitter {
    void emit(int record, FeatureKeySink sink);
  }

  @FunctionalInterface
  public interface CellNamer {
    String name(int block, long key);
  }
}
