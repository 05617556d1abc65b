package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.html.HtmlReportWriter;
import dev.heredity.audit.report.markdown.MarkdownReportWriter;
import org.junit.jupiter.api.Test;

/** Wherever a finding cites a clause id, its name stands beside it. */
class ClauseNamesTest {
  @Test
  void everyCitedClauseIdIsShownWithItsName() {
    AuditReport report = SampleReports.sample();
    String md = Golden.render(new MarkdownReportWriter(), report);
    String html = Golden.render(new HtmlReportWriter(), report);
    int cited = 0;
    for (Finding f : report.findings()) {
      for (String id : f.compliance()) {
        ComplianceClause c =
            report.compliance().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c == null) {
          continue;
        }
        cited++;
        String name = c.framework() + " " + c.clause();
        assertThat(md).contains(name + " (`" + id + "`)");
        assertThat(html)
            .contains(name.replace(" ", "\u00a0") + "</a>\u00a0<code>" + id + "</code>");
      }
    }
    assertThat(cited).as("the sample cites clauses").isPositive();
  }
}
