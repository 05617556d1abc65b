package dev.heredity.audit.report.html;

import dev.heredity.lineage.Severity;

/**
 * Every colour of the page: the stylesheet's variables, the lineage graph and the charts read them
 * here.
 */
final class Palette {
  static final String NEUTRAL = "#64748b";
  static final String INK = "#1e293b";
  static final String GRID = "#e2e8f0";
  static final String BAR = "#3b82f6";
  static final String BAR_LOW = "#93c5fd";
  static final String BACKGROUND = "#f8fafc";
  static final String PASS = "#16a34a";

  private Palette() {}

  /** Stroke/fill colour of a severity; neutral grey for null. */
  static String of(Severity severity) {
    if (severity == null) {
      return NEUTRAL;
    }
    return switch (severity) {
      case CRITICAL -> "#7f1d1d";
      case HIGH -> "#dc2626";
      case MEDIUM -> "#ea580c";
      case LOW -> "#ca8a04";
      case INFO -> "#2563eb";
    };
  }

  /** CSS class suffix for a severity ("none" for null). */
  static String cssClass(Severity severity) {
    return severity == null ? "none" : severity.label();
  }

  /** The stylesheet's {@code :root} variables, one per colour above. */
  static String cssVariables() {
    StringBuilder css =
        new StringBuilder(
            ":root { --ink: "
                + INK
                + "; --muted: "
                + NEUTRAL
                + "; --line: "
                + GRID
                + "; --bg: "
                + BACKGROUND
                + "; --pass: "
                + PASS
                + ";\n ");
    for (Severity s : Severity.values()) {
      css.append(" --").append(s.label()).append(": ").append(of(s)).append(';');
    }
    return css.append(" }\n").toString();
  }
}
