package dev.heredity.audit.scan;

import dev.heredity.audit.report.Finding;
import java.util.List;

/**
 * One check of a scan: reads the {@link ScanContext} (lineage analysis, detector runs, policy) and
 * returns its findings, an empty list when nothing is wrong. An implementation is a small final
 * class under {@code scan.rules}, annotated with {@link RuleInfo}, listed once in {@link
 * ScanRules#ALL} and mapped to its clauses in {@code compliance.yaml}.
 */
public interface ScanRule {
  List<Finding> check(ScanContext context);
}
