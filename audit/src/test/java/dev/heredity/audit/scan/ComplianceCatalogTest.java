package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.scan.rules.DistributionShiftRule;
import dev.heredity.audit.scan.rules.SameBasePairRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceCatalogTest {
  private final ComplianceCatalog catalog = ComplianceCatalog.builtIn();

  @Test
  void coversTheClausesTheIssueNames() {
    assertThat(catalog.allClauseIds())
        .containsExactly(
            "eu-ai-act-art10-2b",
            "eu-ai-act-art10-2f",
            "eu-ai-act-art10-2g",
            "eu-ai-act-annex-iv-2d",
            "nist-ai-600-1-gv-1.2-001",
            "nist-ai-600-1-mp-2.1-001",
            "nist-ai-600-1-ms-2.5-005",
            "nist-ai-600-1-mg-2.2-007");
  }

  @Test
  void aRuleWithoutAnEntryIsAnErrorNotADefault() {
    assertThatThrownBy(() -> catalog.clauseIds("some-lineage-rule"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no entry for rule 'some-lineage-rule'");
  }

  @Test
  void clausesListTheRulesThatEvidenceThem() {
    List<ComplianceClause> clauses =
        catalog.clausesFor(List.of(DistributionShiftRule.ID, SameBasePairRule.ID));
    assertThat(clauses)
        .extracting(ComplianceClause::clause)
        .contains("Art. 10(2)(f)", "MG-2.2-007");
    ComplianceClause f =
        clauses.stream().filter(c -> c.id().equals("eu-ai-act-art10-2f")).findFirst().orElseThrow();
    assertThat(f.rules()).containsExactly(DistributionShiftRule.ID, SameBasePairRule.ID);
    assertThat(clauses).noneMatch(c -> c.rules().isEmpty());
  }
}
