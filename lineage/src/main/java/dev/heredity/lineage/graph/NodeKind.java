package dev.heredity.lineage.graph;

import java.util.Locale;

public enum NodeKind {
  MODEL,
  DATASET,
  TRAINING;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
