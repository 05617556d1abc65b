package dev.heredity.audit.report;

import dev.heredity.audit.report.html.HtmlReportWriter;
import dev.heredity.audit.report.json.JsonReportWriter;
import dev.heredity.audit.report.junit.JunitReportWriter;
import dev.heredity.audit.report.markdown.MarkdownReportWriter;
import dev.heredity.audit.report.sarif.SarifReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The one list of report formats, resolved by id or alias (the {@code --format} names). */
public final class ReportWriters {

  /** Every format, in the order reports are written. */
  public static final ReportWriters DEFAULT =
      new ReportWriters(
          List.of(
              new JsonReportWriter(),
              new MarkdownReportWriter(),
              new HtmlReportWriter(),
              new SarifReportWriter(),
              new JunitReportWriter()));

  private final List<ReportWriter> writers;

  public ReportWriters(List<ReportWriter> writers) {
    this.writers = List.copyOf(writers);
  }

  public List<ReportWriter> all() {
    return writers;
  }

  /** Ids of all formats, in order. */
  public List<String> names() {
    return writers.stream().map(ReportWriter::id).toList();
  }

  /**
   * The writer whose id or alias is {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public ReportWriter resolve(String name) {
    Objects.requireNonNull(name, "name");
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (ReportWriter writer : writers) {
      if (writer.id().equals(wanted) || writer.aliases().contains(wanted)) {
        return writer;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + name + "' (valid: " + validNames() + ")");
  }

  /**
   * Writes every format into {@code outDir} under its {@link ReportWriter#fileName()} as one set
   * (see {@link ReportSet}: the previous set stays whole until the new one is complete); returns
   * the files.
   */
  public List<Path> writeAll(AuditReport report, Path outDir) {
    return new ReportSet(writers).write(report, outDir);
  }

  private String validNames() {
    List<String> names = new ArrayList<>();
    for (ReportWriter writer : writers) {
      names.add(
          writer.aliases().isEmpty()
              ? writer.id()
              : writer.id() + " (" + String.join(", ", writer.aliases()) + ")");
    }
    return String.join(", ", names);
  }
}
