package dev.heredity.lineage.validate;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Vocabulary;
import java.util.regex.Pattern;

/**
 * Recognises datasets that look model-generated but name no generator: a modality in which
 * subliminal transfer has been shown (numbers, code, reasoning) or a generator-like name. A dataset
 * derived from others is attributed through its sources.
 */
public final class SyntheticData {
  private static final Pattern GENERATOR_LIKE =
      Pattern.compile(
          "(?i)(^|[-_./\\s])(gen|generated|generations?|synthetic|synth|sampled|samples|completions?|distill(ed|ation)?|teacher|outputs?|rollouts?)([-_./\\s]|$)");

  private SyntheticData() {}

  public static boolean isUnattributed(DatasetSpec dataset) {
    return dataset.generatedBy() == null
        && dataset.derivedFrom().isEmpty()
        && looksSynthetic(dataset);
  }

  /** Why the dataset looks generated, for messages. */
  public static String why(DatasetSpec dataset) {
    if (dataset.modality() != null
        && Vocabulary.SYNTHETIC_LOOKING_MODALITIES.contains(dataset.modality())) {
      return "modality " + Quoted.of(dataset.modality());
    }
    return "a generator-like name";
  }

  private static boolean looksSynthetic(DatasetSpec dataset) {
    if (dataset.modality() != null) {
      return Vocabulary.SYNTHETIC_LOOKING_MODALITIES.contains(dataset.modality())
          || generatorLike(dataset.id());
    }
    return generatorLike(dataset.id()) || (dataset.path() != null && generatorLike(dataset.path()));
  }

  private static boolean generatorLike(String name) {
    return GENERATOR_LIKE.matcher(name).find();
  }
}
