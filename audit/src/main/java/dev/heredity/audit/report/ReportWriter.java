package dev.heredity.audit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a finished {@link AuditReport} into one file format. Writers see only the report value,
 * never the lineage graph or the detectors, and must be deterministic: the same report gives the
 * same bytes.
 */
public interface ReportWriter {

  /** The format name used by {@code --format} and in messages, e.g. "json". */
  String id();

  /** Other accepted names, e.g. "md" for markdown. */
  List<String> aliases();

  /** The file name this format gets in an output folder, e.g. "report.json". */
  String fileName();

  /** Writes the report as text; the caller owns (and closes) the writer. */
  void write(AuditReport report, Writer out) throws IOException;

  /**
   * Writes the report to {@code file} atomically as UTF-8 (temp file in the same folder, then
   * rename), creating parent folders. I/O failures become a {@link ReportException} naming the
   * file.
   */
  default void write(AuditReport report, Path file) {
    AtomicFiles.write(file, out -> write(report, out));
  }
}
