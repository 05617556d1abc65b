package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry is the one list of rules: every rule class is in it, named, described and mapped to
 * clauses.
 */
class ScanRulesTest {
  private final ComplianceCatalog catalog = ComplianceCatalog.builtIn();

  @Test
  void everyRuleHasItsOwnComplianceEntry() {
    for (RuleDescriptor rule : ScanRules.descriptors()) {
      assertThat(catalog.maps(rule.id())).as(rule.id() + " in compliance.yaml").isTrue();
      assertThat(catalog.clauseIds(rule.id())).as(rule.id()).isNotEmpty();
    }
  }

  @Test
  void complianceHasNoEntryForARuleThatDoesNotExist() {
    assertThat(ScanRules.ids()).containsAll(catalog.ruleIds());
  }

  @Test
  void idsAreUniqueAndClassesAreNamedRule() {
    Set<String> ids = new HashSet<>();
    for (ScanRule rule : ScanRules.ALL) {
      assertThat(rule.getClass().getSimpleName()).endsWith("Rule");
      assertThat(rule.getClass().getPackageName()).isEqualTo("dev.heredity.audit.scan.rules");
      assertThat(ids.add(RuleDescriptor.of(rule.getClass()).id())).as("unique id").isTrue();
    }
  }

  /** Every ScanRule class on disk is registered: a new rule cannot be forgotten in the list. */
  @Test
  void everyRuleClassIsRegistered() throws IOException, URISyntaxException {
    Path classes =
        Path.of(ScanRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path folder = classes.resolve("dev/heredity/audit/scan/rules");
    List<String> registered =
        ScanRules.ALL.stream().map(r -> r.getClass().getSimpleName()).toList();
    try (Stream<Path> files = Files.list(folder)) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("Rule.class") && !n.contains("$"))
              .map(n -> n.substring(0, n.length() - ".class".length()))
              .sorted()
              .toList();
      assertThat(registered).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void descriptorsFailFastOnAClassWithoutMetadata() {
    assertThatThrownBy(() -> RuleDescriptor.of(Unannotated.class))
        .hasMessageContaining("has no @RuleInfo");
    assertThatThrownBy(() -> RuleDescriptor.of(NotFinal.class))
        .hasMessageContaining("must be a final class");
    assertThatThrownBy(
            () -> new RuleDescriptor("Bad Id", "s", dev.heredity.lineage.Severity.LOW, "h"))
        .hasMessageContaining("not lowercase-dash-separated");
  }

  static final class Unannotated implements ScanRule {
    @Override
    public List<Finding> check(ScanContext context) {
      return List.of();
    }
  }

  @RuleInfo(
      id = "not-final",
      summary = "s",
      defaultSeverity = dev.heredity.lineage.Severity.LOW,
      help = "h")
  static class NotFinal implements ScanRule {
    @Override
    public List<Finding> check(ScanContext context) {
      return List.of();
    }
  }
}
