package dev.heredity.audit.policy;

import dev.heredity.audit.report.ReportException;
import dev.heredity.audit.report.json.JsonReportReader;
import java.nio.file.Path;
import java.util.Set;

/**
 * The finding ids of a previous {@code report.json}: with {@code --baseline}, only findings whose
 * id is absent from it can fail the gate. Ids are derived from content, so a finding keeps its id
 * across runs as long as its rule, subject and key evidence stay the same.
 */
public record Baseline(String source, Set<String> findingIds) {

  public Baseline {
    findingIds = Set.copyOf(findingIds);
  }

  public static Baseline none() {
    return new Baseline(null, Set.of());
  }

  public boolean contains(String findingId) {
    return findingIds.contains(findingId);
  }

  /**
   * Reads the finding ids of a previous report; an unreadable one is invalid input naming {@code
   * shown}.
   */
  public static Baseline load(Path reportJson, String shown) {
    try {
      return new Baseline(shown, JsonReportReader.findingIds(reportJson, shown));
    } catch (ReportException e) {
      throw new InvalidPolicyException(e.getMessage(), e);
    }
  }
}
