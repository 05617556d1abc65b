package dev.heredity.lineage.manifest;

import java.util.Locale;

/** How a model's weights came from a base model (spec table "Relations"). */
public enum Relation {
  FINETUNE,
  CONTINUED_PRETRAIN,
  ADAPTER,
  QUANTIZED,
  PROMPTED,
  MERGE,
  DISTILL;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the child starts from the base's initialisation; only distillation starts afresh. */
  public boolean sharesInit() {
    return this != DISTILL;
  }

  /** Whether a training that produces the model can stand for this relation. */
  public boolean isTrainingRelation() {
    return this == FINETUNE || this == CONTINUED_PRETRAIN || this == ADAPTER;
  }
}
