package dev.heredity.audit.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportException;
import dev.heredity.lineage.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a {@code report.json} back, e.g. the previous report given as {@code --baseline}. */
public final class JsonReportReader {
  private JsonReportReader() {}

  /**
   * Reads a whole report.
   *
   * @throws ReportException with the file (and line:column when known) for a missing file, invalid
   *     JSON or another schema than {@value AuditReport#SCHEMA}
   */
  public static AuditReport read(Path file) {
    JsonNode tree = readTree(file, file.toString());
    try {
      return ReportJson.MAPPER.treeToValue(tree, AuditReport.class);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new ReportException(file + ": not a heredity report: " + message(e), e);
    }
  }

  /** Finding id to status of every finding in the report, in report order. */
  public static Map<String, Finding.Status> findingStatuses(Path file) {
    Map<String, Finding.Status> statuses = new LinkedHashMap<>();
    for (Finding finding : read(file).findings()) {
      statuses.put(finding.id(), finding.status());
    }
    return statuses;
  }

  /**
   * The ids of the findings in a report, read from the JSON tree only, so a baseline needs nothing
   * but the schema and the ids. Messages name the file as {@code shown}; findings that are not a
   * list, and a finding without a text id, are errors (a malformed baseline never silently matches
   * nothing).
   */
  public static Set<String> findingIds(Path file, String shown) {
    JsonNode findings = readTree(file, shown).path("findings");
    if (!findings.isArray()) {
      throw new ReportException(
          shown
              + ": \"findings\" must be a list of findings, found "
              + (findings.isMissingNode()
                  ? "nothing"
                  : findings.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode id = findings.get(i).path("id");
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new ReportException(
            shown
                + ": findings["
                + i
                + "]: "
                + (id.isMissingNode()
                    ? "no \"id\""
                    : "\"id\" must be a non-empty text such as \"hf-0123456789ab\", found " + id));
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static JsonNode readTree(Path file, String shown) {
    FileKind kind = FileKind.of(file);
    if (kind.exists() && kind != FileKind.REGULAR) {
      // Never opened: a FIFO would be waited on forever, a device read without end.
      throw new ReportException(shown + ": is " + kind.description + ", not a report file");
    }
    JsonNode tree;
    try {
      try (var in = Files.newInputStream(file)) {
        tree = ReportJson.MAPPER.readTree(in);
      }
    } catch (NoSuchFileException e) {
      throw new ReportException(shown + ": no such file", e);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ReportException(shown + where + ": invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ReportException(shown + ": cannot read: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject() || !tree.has("schema")) {
      throw new ReportException(
          shown
              + ": not a heredity report (expected a JSON object with \"schema\": \""
              + AuditReport.SCHEMA
              + "\")");
    }
    String schema = tree.path("schema").asText("");
    if (!AuditReport.SCHEMA.equals(schema)) {
      throw new ReportException(
          shown
              + ": unsupported report schema '"
              + schema
              + "' (expected '"
              + AuditReport.SCHEMA
              + "')");
    }
    return tree;
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException j
        ? j.getOriginalMessage()
        : String.valueOf(e.getMessage());
  }
}
