package dev.heredity.audit.report;

import java.util.List;

/** One leak-scan query (a trait word) with its hit count and a few example records. */
public record LeakRow(String query, long hits, List<String> examples) {
  public LeakRow {
    examples = Lists.copy(examples);
  }
}
