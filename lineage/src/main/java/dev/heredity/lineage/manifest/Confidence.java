package dev.heredity.lineage.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How strongly an artifact supports a manifest entry or edge: {@code declared} (the artifact states
 * it, e.g. a model card's {@code base_model}), {@code inferred} (a rule of Heredity's, e.g. a
 * folder with an {@code adapter_config.json} is an adapter), {@code weak} (a hint such as {@code
 * config.json}'s {@code _name_or_path}).
 */
public enum Confidence {
  DECLARED,
  INFERRED,
  WEAK;

  public static final List<String> LABELS = Arrays.stream(values()).map(Confidence::label).toList();

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Confidence of(String label) {
    return values()[LABELS.indexOf(label)];
  }
}
