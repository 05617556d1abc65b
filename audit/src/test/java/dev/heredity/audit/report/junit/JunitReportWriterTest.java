package dev.heredity.audit.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.SampleReports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {
  private final JunitReportWriter writer = new JunitReportWriter();

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("junit.xml", Golden.render(writer, SampleReports.sample()));
  }

  @Test
  void oneCasePerRuleAndSubjectFailingOnlyForFailingFindings() throws Exception {
    Document doc = parse(Golden.render(writer, SampleReports.sample()));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    NodeList cases = doc.getElementsByTagName("testcase");
    // 6 findings on 6 rule x subject pairs, plus trait-propagation: checked, found nothing, one
    // passing case
    assertThat(cases.getLength()).isEqualTo(7);
    assertThat(suite.getAttribute("tests")).isEqualTo("7");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);

    Element first = (Element) cases.item(0);
    assertThat(first.getAttribute("classname")).isEqualTo("heredity.same-base-pair");
    assertThat(first.getAttribute("name")).isEqualTo("owl-teacher -> student");
    Element failure = (Element) first.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("high");
    assertThat(failure.getTextContent()).contains("heredity.yaml:42:5", "shared base: qwen-base");
  }

  @Test
  void aRuleThatFoundNothingIsAPassingCase() throws Exception {
    NodeList cases =
        parse(Golden.render(writer, SampleReports.sample())).getElementsByTagName("testcase");
    List<String> passing = new java.util.ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (!c.hasChildNodes()) {
        passing.add(c.getAttribute("classname") + ": " + c.getAttribute("name"));
      }
    }
    assertThat(passing).containsExactly("heredity.trait-propagation: no findings");
  }

  @Test
  void emptyReportIsAValidSuiteWithoutCases() throws Exception {
    Document doc = parse(Golden.render(writer, SampleReports.empty()));
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
  }

  @Test
  void dropsCharactersXmlCannotCarry() {
    assertThat(XmlChars.strip("a\u0000b\u0007<c>\uFFFE")).isEqualTo("ab<c>");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
