package dev.heredity.discovery;

import java.util.Locale;

/** How sure a piece of discovered lineage is. */
public enum Confidence {
  /**
   * The artifact states it ({@code base_model}, an adapter's base, a recipe, a generation log's
   * model column).
   */
  DECLARED,
  /**
   * A rule of Heredity's applied to what the artifact states (a folder with an adapter config is an
   * adapter).
   */
  INFERRED,
  /** A hint that is often right and sometimes not ({@code config.json} {@code _name_or_path}). */
  WEAK;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
