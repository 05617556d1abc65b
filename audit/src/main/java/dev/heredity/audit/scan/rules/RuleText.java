package dev.heredity.audit.scan.rules;

import dev.heredity.lineage.manifest.Trait;

/** Wording shared by the rules. */
final class RuleText {
  static final String MECHANISM =
      "Traits can pass through generated data that looks unrelated to"
          + " them when teacher and student share an initialisation (Cloud et al., 2025). Mitigate by"
          + " generating with a model of another base, or test the data against a control set generated"
          + " by the untraited model on the same prompts.";

  private RuleText() {}

  static String describe(Trait trait) {
    StringBuilder s = new StringBuilder(trait.name());
    if (trait.source() != null) {
      s.append(" (").append(trait.source()).append(trait.harmful() ? ", harmful" : "").append(')');
    } else if (trait.harmful()) {
      s.append(" (harmful)");
    }
    return s.toString();
  }

  /** Capitalised, with a final full stop; empty for null or blank text. */
  static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String t = text.strip();
    String capital = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return capital.endsWith(".") ? capital : capital + ".";
  }
}
