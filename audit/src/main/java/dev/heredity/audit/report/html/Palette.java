package dev.heredity.audit.report.html;

import dev.heredity.audit.report.Severity;

/** Severity colours shared by the CSS, the lineage graph and the charts. */
final class Palette {
  static final String NEUTRAL = "#64748b";
  static final String INK = "#1e293b";
  static final String GRID = "#e2e8f0";
  static final String BAR = "#3b82f6";
  static final String BAR_LOW = "#93c5fd";

  private Palette() {}

  /** Stroke/fill colour of a severity id; neutral grey for null. */
  static String of(String severity) {
    return switch (Severity.rank(severity)) {
      case 0 -> "#7f1d1d";
      case 1 -> "#dc2626";
      case 2 -> "#ea580c";
      case 3 -> "#ca8a04";
      case 4 -> "#2563eb";
      default -> NEUTRAL;
    };
  }

  /** CSS class suffix for a severity ("none" for null). */
  static String cssClass(String severity) {
    return Severity.rank(severity) < Severity.values().length ? severity : "none";
  }
}
