package dev.heredity.audit.report;

import java.util.List;

/**
 * One edge on a pair's path, teacher to student, and where it comes from: the manifest line that
 * declares it or the artifacts discovery read it from, so a reviewer can check each hop at its
 * source.
 */
public record HopRow(String source, String target, String relation, List<EvidenceRow> evidence) {
  public HopRow {
    evidence = Lists.copy(evidence);
  }
}
