package dev.heredity.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.heredity.lineage.graph.NodeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md. Library modules are matched by package
 * prefix, so a new module under one of these prefixes is covered as soon as audit depends on it; a
 * prefix with no classes on the classpath is skipped, not failed.
 */
class ArchitectureTest {
  /** Library packages: they speak in data and never know about the audit (CLI, scan, reports). */
  static final String[] LIBRARIES = {
    "dev.heredity.lineage..",
    "dev.heredity.detectors..",
    "dev.heredity.transfer..",
    "dev.heredity.weights..",
    "dev.heredity.discovery..",
    "dev.heredity.interop..",
    "dev.heredity.spark.."
  };

  static final String[] WRITERS = {
    "dev.heredity.audit.report.html..",
    "dev.heredity.audit.report.markdown..",
    "dev.heredity.audit.report.sarif..",
    "dev.heredity.audit.report.junit..",
    "dev.heredity.audit.report.json..",
    "dev.heredity.audit.report.view.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.heredity");
  }

  @Test
  void librariesNeverImportTheAudit() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARIES)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.heredity.audit..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void lineageAndDetectorsNeverImportEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.heredity.lineage..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.heredity.detectors..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.heredity.detectors..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.heredity.lineage..")
        .check(classes);
  }

  @Test
  void reportModelAndWritersNeverImportScanPolicyOrCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.heredity.audit.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.heredity.audit.scan..", "dev.heredity.audit.policy..", "dev.heredity.audit.cli..")
        .check(classes);
  }

  /**
   * Writers see the report value only; they share two vocabulary enums with lineage (Severity,
   * NodeKind).
   */
  @Test
  void writersNeverReadTheLineageGraphOrTheDetectors() {
    noClasses()
        .that()
        .resideInAnyPackage(WRITERS)
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "dev.heredity.lineage.graph..",
                    "dev.heredity.lineage.manifest..",
                    "dev.heredity.lineage.risk..",
                    "dev.heredity.detectors..",
                    "dev.heredity.transfer..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(NodeKind.class))))
        .check(classes);
  }

  @Test
  void rulesNeverImportWritersOrTheCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.heredity.audit.scan.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(WRITERS, "dev.heredity.audit.cli.."))
        .check(classes);
  }

  @Test
  void policyNeverImportsScanOrCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.heredity.audit.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.heredity.audit.scan..", "dev.heredity.audit.cli..")
        .check(classes);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
