package dev.heredity.audit.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code report.json}: the whole report, machine-first, schema {@value AuditReport#SCHEMA}. */
public final class JsonReportWriter implements ReportWriter {

  @Override
  public String id() {
    return "json";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public void write(AuditReport report, Writer out) throws IOException {
    ReportJson.prettyWriter()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, reproducible(report));
    out.write("\n");
    out.flush();
  }

  /** Run times are kept only when the report is stamped: unstamped reports stay byte-identical. */
  static AuditReport reproducible(AuditReport report) {
    return report.stamp() == null && report.weights() != null
        ? report.withWeights(report.weights().withoutSeconds())
        : report;
  }
}
