package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.html.HtmlReportWriter;
import dev.heredity.audit.report.markdown.MarkdownReportWriter;
import org.junit.jupiter.api.Test;

/** Wherever a finding cites a clause id, its name stands beside it. */
class ClauseNamesTest {
  @Test
  void everyCitedClauseIdIsFollowedByItsName() {
    AuditReport report = SampleReports.sample();
    String md = Golden.render(new MarkdownReportWriter(), report);
    String html = Golden.render(new HtmlReportWriter(), report);
    int cited = 0;
    for (Finding f : report.findings()) {
      for (String id : f.compliance()) {
        ComplianceClause c = report.clause(id);
        if (c == null) {
          continue;
        }
        cited++;
        assertThat(md).contains("- `" + id + "` " + c.framework() + " " + c.clause() + ": " + c.title());
        assertThat(html).contains("<code>" + id + "</code></a> <span class=\"clause-name\">"
            + c.framework() + " " + c.clause() + ": ");
      }
    }
    assertThat(cited).as("the sample cites clauses").isPositive();
  }
}
