package dev.heredity.audit.report.junit;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.WeightsLayerRow;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.RuleView;
import dev.heredity.audit.report.view.WeightsView;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test case per rule x subject (class name {@code heredity.<rule>}), failing
 * when one of its findings is FAILING, skipped when all of them are suppressed; every rule checked
 * that found nothing is one passing case, so CI shows what was checked. Each relation the weights
 * check tested is one more case ({@code heredity.weights}). Written with the JDK's own XML stream
 * writer ({@code newDefaultFactory}: the same bytes whatever StAX library is on the classpath);
 * characters XML cannot carry are dropped.
 */
public final class JunitReportWriter implements ReportWriter {

  private record Case(String rule, String subject, List<Finding> findings) {
    boolean failing() {
      return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAILING);
    }

    boolean skipped() {
      return !failing()
          && !findings.isEmpty()
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
    ReportView view = ReportView.of(report);
    List<Case> cases = cases(view);
    List<WeightsView.RelationView> relations =
        view.weights() == null ? List.of() : view.weights().relations();
    String tests = String.valueOf(cases.size() + relations.size());
    String failures =
        String.valueOf(
            cases.stream().filter(Case::failing).count()
                + relations.stream().filter(WeightsView.RelationView::failing).count());
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "heredity");
      counts(xml, tests, failures);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute(
          "name",
          "heredity scan"
              + (report.manifest() == null ? "" : " " + XmlChars.strip(report.manifest().path())));
      counts(xml, tests, failures);
      xml.writeAttribute(
          "skipped",
          String.valueOf(
              cases.stream().filter(Case::skipped).count()
                  + relations.stream().filter(JunitReportWriter::skipped).count()));
      if (report.stamp() != null) {
        stamp(report.stamp(), view.weights(), xml);
      }
      for (Case c : cases) {
        testCase(c, xml);
      }
      for (WeightsView.RelationView r : relations) {
        relationCase(r, xml);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
    }
    out.flush();
  }

  /** The stamp as suite properties ({@code heredity.stamp.<field>}), which CI test views list. */
  private static void stamp(Stamp stamp, WeightsView weights, XMLStreamWriter xml)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    for (var field : stamp.fields()) {
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "heredity.stamp." + field.getKey());
      xml.writeAttribute("value", XmlChars.strip(field.getValue()));
    }
    if (weights != null && weights.time() != null) {
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "heredity.weights.time");
      xml.writeAttribute("value", weights.time());
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, String tests, String failures)
      throws XMLStreamException {
    xml.writeAttribute("tests", tests);
    xml.writeAttribute("failures", failures);
    xml.writeAttribute("errors", "0");
  }

  /**
   * Rules in registry order: a case per subject with findings, or one passing case when it found
   * nothing.
   */
  private static List<Case> cases(ReportView view) {
    List<Case> cases = new ArrayList<>();
    for (RuleView rule : view.rules()) {
      if (rule.findings().isEmpty()) {
        cases.add(new Case(rule.rule().id(), "no findings", List.of()));
        continue;
      }
      Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
      rule.findings()
          .forEach(
              f ->
                  bySubject
                      .computeIfAbsent(String.valueOf(f.subject()), k -> new ArrayList<>())
                      .add(f));
      bySubject.forEach(
          (subject, findings) -> cases.add(new Case(rule.rule().id(), subject, findings)));
    }
    return cases;
  }

  private static void testCase(Case c, XMLStreamWriter xml) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    if (c.findings().isEmpty()) {
      xml.writeEmptyElement("testcase");
      caseAttributes(c, xml);
      return;
    }
    xml.writeStartElement("testcase");
    caseAttributes(c, xml);
    if (c.failing()) {
      Finding worst =
          c.findings().stream()
              .filter(f -> f.status() == Finding.Status.FAILING)
              .findFirst()
              .orElseThrow();
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", XmlChars.strip(worst.title()));
      xml.writeAttribute("type", worst.severity().label());
      xml.writeCharacters(XmlChars.strip(details(c.findings())));
      xml.writeEndElement();
    } else {
      if (c.skipped()) {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("skipped");
        xml.writeAttribute(
            "message", "suppressed: " + XmlChars.strip(c.findings().get(0).suppressionReason()));
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(XmlChars.strip(details(c.findings())));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  /** A relation the weights could not check, and whose finding does not fail the gate. */
  private static boolean skipped(WeightsView.RelationView r) {
    return !r.failing() && r.relation().outcome() == WeightsOutcome.UNCHECKED;
  }

  /**
   * One case per relation the weights check tested ({@code heredity.weights}): failing when its
   * finding fails the gate, skipped when it could not be checked, passing otherwise; the per-layer
   * evidence is in the case's text.
   */
  private static void relationCase(WeightsView.RelationView v, XMLStreamWriter xml)
      throws XMLStreamException {
    WeightsRelation r = v.relation();
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "heredity.weights");
    xml.writeAttribute("name", XmlChars.strip(r.subject()));
    xml.writeAttribute("time", "0");
    String message = r.outcome().label() + ": " + r.detail();
    if (v.failing()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", XmlChars.strip(message));
      xml.writeAttribute("type", v.finding().severity().label());
      xml.writeCharacters(XmlChars.strip(relationDetails(v)));
      xml.writeEndElement();
    } else {
      if (skipped(v)) {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", XmlChars.strip(message));
      }
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(XmlChars.strip(relationDetails(v)));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static String relationDetails(WeightsView.RelationView v) {
    WeightsRelation r = v.relation();
    StringBuilder sb = new StringBuilder();
    sb.append(r.outcome().label())
        .append(": ")
        .append(r.detail())
        .append("\ndeclared: ")
        .append(r.declared())
        .append("\nweights: ")
        .append(v.weights())
        .append('\n');
    if (v.finding() != null) {
      sb.append("finding: ").append(v.finding().id()).append('\n');
    }
    if (r.location() != null) {
      sb.append("at: ").append(r.location().display()).append('\n');
    }
    if (r.teacherWeights() != null) {
      sb.append("teacher weights: ").append(r.teacherWeights()).append('\n');
    }
    if (r.studentWeights() != null) {
      sb.append("student weights: ").append(r.studentWeights()).append('\n');
    }
    for (WeightsLayerRow l : r.layers()) {
      sb.append("  - layer ")
          .append(l.name())
          .append(": ")
          .append(l.units())
          .append(" units, statistic ")
          .append(l.statistic() == null ? "n/a" : ReportNumbers.stat(l.statistic()))
          .append(", p ")
          .append(WeightsView.pValue(l.pValue()))
          .append('\n');
    }
    return sb.toString();
  }

  private static void caseAttributes(Case c, XMLStreamWriter xml) throws XMLStreamException {
    xml.writeAttribute("classname", "heredity." + XmlChars.strip(c.rule()));
    xml.writeAttribute("name", XmlChars.strip(c.subject()));
    xml.writeAttribute("time", "0");
  }

  private static String details(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append('[')
          .append(f.severity().label())
          .append(
              f.overriddenFrom() == null
                  ? ""
                  : " (overridden by policy from " + f.overriddenFrom().label() + ")")
          .append(", ")
          .append(f.status().name().toLowerCase(Locale.ROOT))
          .append(f.status() == Finding.Status.SUPPRESSED ? ": " + f.suppressionReason() : "")
          .append("] ")
          .append(f.title())
          .append(" (")
          .append(f.id())
          .append(')');
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
}
