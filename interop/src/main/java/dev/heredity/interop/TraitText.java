package dev.heredity.interop;

import dev.heredity.lineage.manifest.Trait;

/** A trait as one property value, {@code name; source=system-prompt; harmful=true}, and back. */
final class TraitText {
  private TraitText() {}

  static String format(Trait t) {
    StringBuilder s = new StringBuilder(t.name());
    if (t.source() != null) {
      s.append("; source=").append(t.source());
    }
    s.append("; harmful=").append(t.harmful());
    return s.toString();
  }

  /**
   * Parses {@link #format} output; unknown parts are ignored, a missing {@code harmful} means
   * false.
   */
  static Trait parse(String text, dev.heredity.lineage.SourceLocation location) {
    String[] parts = text.split(";");
    String source = null;
    boolean harmful = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.startsWith("source=")) {
        source = part.substring("source=".length());
      } else if (part.equals("harmful=true")) {
        harmful = true;
      }
    }
    return new Trait(parts[0].trim(), source, null, null, harmful, location);
  }
}
