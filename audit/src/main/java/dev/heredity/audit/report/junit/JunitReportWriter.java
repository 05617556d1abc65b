package dev.heredity.audit.report.junit;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code junit.xml}: one test case per rule x subject (class name {@code heredity.<rule>}), failing when
 * one of its findings is FAILING, skipped when all of them are suppressed; rules that the compliance map
 * knows but that found nothing appear as one passing case each, so CI shows what was checked.
 */
public final class JunitReportWriter implements ReportWriter {

  private record Case(String rule, String subject, List<Finding> findings) {
    boolean failing() {
      return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAILING);
    }

    boolean skipped() {
      return !findings.isEmpty()
          && findings.stream().allMatch(f -> f.status() == Finding.Status.SUPPRESSED);
    }
  }

  @Override
  public String id() {
    return "junit";
  }

  @Override
  public List<String> aliases() {
    return List.of("xml");
  }

  @Override
  public String fileName() {
    return "junit.xml";
  }

  @Override
  public void write(AuditReport report, Writer out) throws IOException {
    List<Case> cases = cases(report);
    long failures = cases.stream().filter(Case::failing).count();
    long skipped = cases.stream().filter(c -> !c.failing() && c.skipped()).count();
    String counts = " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"0\"";
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"heredity\"").append(counts).append(">\n");
    xml.append("  <testsuite name=\"heredity scan").append(manifest(report)).append('"').append(counts)
        .append(" skipped=\"").append(skipped).append("\">\n");
    for (Case c : cases) {
      testCase(c, xml);
    }
    xml.append("  </testsuite>\n</testsuites>\n");
    out.write(xml.toString());
    out.flush();
  }

  private static List<Case> cases(AuditReport report) {
    Map<List<String>, List<Finding>> grouped = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      grouped.computeIfAbsent(List.of(f.rule(), String.valueOf(f.subject())), k -> new ArrayList<>()).add(f);
    }
    List<Case> cases = new ArrayList<>();
    grouped.forEach((key, findings) -> cases.add(new Case(key.get(0), key.get(1), findings)));
    Set<String> rulesWithFindings = new LinkedHashSet<>();
    report.findings().forEach(f -> rulesWithFindings.add(f.rule()));
    Set<String> quietRules = new LinkedHashSet<>();
    for (ComplianceClause clause : report.compliance()) {
      for (String rule : clause.rules()) {
        if (!rulesWithFindings.contains(rule)) {
          quietRules.add(rule);
        }
      }
    }
    quietRules.stream().sorted().forEach(rule -> cases.add(new Case(rule, "no findings", List.of())));
    return cases;
  }

  private static void testCase(Case c, StringBuilder xml) {
    xml.append("    <testcase classname=\"heredity.").append(Xml.escape(c.rule())).append("\" name=\"")
        .append(Xml.escape(c.subject())).append("\" time=\"0\"");
    if (c.findings().isEmpty()) {
      xml.append("/>\n");
      return;
    }
    xml.append(">\n");
    if (c.failing()) {
      Finding worst = c.findings().stream()
          .filter(f -> f.status() == Finding.Status.FAILING).findFirst().orElseThrow();
      xml.append("      <failure message=\"").append(Xml.escape(worst.title())).append("\" type=\"")
          .append(Xml.escape(worst.severity().label())).append("\">")
          .append(Xml.escape(details(c.findings()))).append("</failure>\n");
    } else if (c.skipped()) {
      xml.append("      <skipped message=\"suppressed: ")
          .append(Xml.escape(c.findings().get(0).suppressionReason())).append("\"/>\n");
    }
    if (!c.failing()) {
      xml.append("      <system-out>").append(Xml.escape(details(c.findings()))).append("</system-out>\n");
    }
    xml.append("    </testcase>\n");
  }

  private static String details(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append('[').append(f.severity().label()).append(", ").append(f.status().name().toLowerCase(java.util.Locale.ROOT))
          .append("] ").append(f.title()).append(" (").append(f.id()).append(')');
      if (f.location() != null) {
        sb.append(" at ").append(f.location().display());
      }
      sb.append('\n');
      for (String e : f.evidence()) {
        sb.append("  - ").append(e).append('\n');
      }
    }
    return sb.toString();
  }

  private static String manifest(AuditReport report) {
    return report.manifest() == null ? "" : " " + Xml.escape(report.manifest().path());
  }
}
