package dev.heredity.audit.report.view;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.RuleRow;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every human- or CI-facing format shows, decided once from an {@link AuditReport}: the
 * headline and status labels, the ordered sections with their empty-state texts, findings grouped
 * by rule and by compliance clause, the rules checked, detections with one token cap and the
 * detector's significance, the weights check ({@code weights}, null when it tested nothing), and
 * the policy (file, overrides, suppressions). Markdown, HTML, SARIF, JUnit and the terminal summary
 * render this value and decide nothing themselves.
 */
public record ReportView(
    AuditReport report,
    Headline headline,
    List<Section> sections,
    List<FindingView> findings,
    Map<String, List<FindingView>> byRule,
    List<ClauseView> byClause,
    List<RuleView> rules,
    List<DetectionView> detections,
    WeightsView weights,
    PolicyView policy) {

  /** Divergent tokens shown per detection in every format (report.json keeps the full list). */
  public static final int TOKEN_CAP = 10;

  public ReportView {
    sections = List.copyOf(sections);
    findings = List.copyOf(findings);
    byRule = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
    byClause = List.copyOf(byClause);
    rules = List.copyOf(rules);
    detections = List.copyOf(detections);
  }

  public static ReportView of(AuditReport report) {
    List<FindingView> findings = report.findings().stream().map(FindingView::of).toList();
    Map<String, List<FindingView>> byRule = new LinkedHashMap<>();
    findings.forEach(
        f -> byRule.computeIfAbsent(f.finding().rule(), r -> new ArrayList<>()).add(f));
    List<ClauseView> byClause = new ArrayList<>();
    for (ComplianceClause c : report.compliance()) {
      byClause.add(
          new ClauseView(
              c, report.findings().stream().filter(f -> f.compliance().contains(c.id())).count()));
    }
    List<DetectionView> detections = report.detections().stream().map(DetectionView::of).toList();
    PolicyView policy = PolicyView.of(report);
    return new ReportView(
        report,
        Headline.of(report),
        sections(report, policy),
        findings,
        byRule,
        byClause,
        rules(report, byRule),
        detections,
        WeightsView.of(report),
        policy);
  }

  /** The section for {@code id}. */
  public Section section(String id) {
    return sections.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no section '" + id + "'"));
  }

  private static List<Section> sections(AuditReport report, PolicyView policy) {
    return List.of(
        new Section(Section.SUMMARY, "Summary", true, ""),
        new Section(Section.LINEAGE, "Lineage", true, "The manifest has no nodes."),
        new Section(
            Section.PAIRS,
            "Teacher to student pairs",
            true,
            "No teacher to student pairs in the lineage."),
        new Section(Section.FINDINGS, "Findings", true, "No findings."),
        new Section(Section.DETECTORS, "Detector evidence", !report.detections().isEmpty(), ""),
        new Section(
            Section.WEIGHTS,
            "Weights check: declared relations against local weights",
            report.weights() != null,
            ""),
        new Section(
            Section.TRANSFER,
            "Mechanism evidence: MNIST-proxy experiment",
            report.transfer() != null,
            ""),
        new Section(Section.POLICY, "Policy", report.policy() != null, ""),
        new Section(
            Section.COMPLIANCE, "Compliance references", !report.compliance().isEmpty(), ""));
  }

  /**
   * Every rule the scan checked (from the registry, in its order), then any rule that has findings
   * but no description in the report (a report read back from JSON), described by its id.
   */
  private static List<RuleView> rules(AuditReport report, Map<String, List<FindingView>> byRule) {
    List<RuleView> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (RuleRow row : report.rules()) {
      out.add(RuleView.of(row, findingsOf(byRule, row.id()), clauseTexts(report, row.id())));
      seen.add(row.id());
    }
    byRule.forEach(
        (rule, findings) -> {
          if (!seen.contains(rule)) {
            Severity worst =
                findings.stream()
                    .map(f -> f.finding().severity())
                    .min(Enum::compareTo)
                    .orElse(Severity.INFO);
            out.add(
                RuleView.of(
                    new RuleRow(rule, rule, rule, worst, List.of()),
                    findings.stream().map(FindingView::finding).toList(),
                    clauseTexts(report, rule)));
          }
        });
    return out;
  }

  private static List<Finding> findingsOf(Map<String, List<FindingView>> byRule, String rule) {
    return byRule.getOrDefault(rule, List.of()).stream().map(FindingView::finding).toList();
  }

  /** "framework clause (title)" of the clauses that list the rule in this report. */
  private static List<String> clauseTexts(AuditReport report, String rule) {
    List<String> out = new ArrayList<>();
    for (ComplianceClause c : report.compliance()) {
      if (c.rules().contains(rule)) {
        out.add(c.framework() + " " + c.clause() + " (" + c.title() + ")");
      }
    }
    return out;
  }

  /**
   * "EU AI Act Art. 10(2)(b)" for a clause id of this report, or the id itself when the report
   * lacks it.
   */
  public String clauseName(String id) {
    return report.compliance().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .map(c -> c.framework() + " " + c.clause())
        .orElse(id);
  }

  /** The detection views, keyed by dataset. */
  public DetectionView detection(DatasetDetection d) {
    return detections.stream()
        .filter(v -> v.detection() == d)
        .findFirst()
        .orElseGet(() -> DetectionView.of(d));
  }
}
