package dev.heredity.audit.scan;

import dev.heredity.audit.report.RuleRow;
import dev.heredity.audit.scan.rules.CrossBasePairRule;
import dev.heredity.audit.scan.rules.DetectorsNotRunRule;
import dev.heredity.audit.scan.rules.DistributionShiftRule;
import dev.heredity.audit.scan.rules.ExpiredSuppressionRule;
import dev.heredity.audit.scan.rules.FormatDifferenceRule;
import dev.heredity.audit.scan.rules.LineageWarningRule;
import dev.heredity.audit.scan.rules.NoControlSetRule;
import dev.heredity.audit.scan.rules.SameBasePairRule;
import dev.heredity.audit.scan.rules.TraitLeakRule;
import dev.heredity.audit.scan.rules.TraitPropagationRule;
import dev.heredity.audit.scan.rules.UnattributedDataRule;
import dev.heredity.audit.scan.rules.UnderpoweredDetectionRule;
import dev.heredity.audit.scan.rules.WeightsContradictionRule;
import dev.heredity.audit.scan.rules.WeightsNotCheckedRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one list of scan rules, in the order they run. Adding a rule: one class under {@code
 * scan.rules} with {@link RuleInfo}, one line here, one entry in {@code compliance.yaml} (tests
 * fail without either).
 */
public final class ScanRules {
  public static final List<ScanRule> ALL =
      List.of(
          new SameBasePairRule(),
          new CrossBasePairRule(),
          new TraitPropagationRule(),
          new UnattributedDataRule(),
          new LineageWarningRule(),
          new DistributionShiftRule(),
          new UnderpoweredDetectionRule(),
          new TraitLeakRule(),
          new FormatDifferenceRule(),
          new NoControlSetRule(),
          new DetectorsNotRunRule(),
          new ExpiredSuppressionRule(),
          new WeightsContradictionRule(),
          new WeightsNotCheckedRule());

  private ScanRules() {}

  public static List<RuleDescriptor> descriptors() {
    return ALL.stream().map(r -> RuleDescriptor.of(r.getClass())).toList();
  }

  /** Every rule id, for validating policy files. */
  public static Set<String> ids() {
    return descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toUnmodifiableSet());
  }

  /** The rules as the report describes them, with their compliance clauses. */
  static List<RuleRow> rows(ComplianceCatalog catalog) {
    return descriptors().stream()
        .map(
            d ->
                new RuleRow(
                    d.id(), d.summary(), d.help(), d.defaultSeverity(), catalog.clauseIds(d.id())))
        .toList();
  }
}
