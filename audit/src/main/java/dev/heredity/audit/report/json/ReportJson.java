package dev.heredity.audit.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.heredity.audit.report.AuditReport;

/**
 * The Jackson setup for {@code report.json}: record components in declaration order, enums in lowercase,
 * two-space indent with '\n' line ends on every platform, plus a computed {@code "failed"} flag.
 */
public final class ReportJson {

  /** Adds {@code failed} (the CI gate's answer) to the serialised report without touching the model. */
  @JsonPropertyOrder({"schema", "tool", "version", "failed"})
  abstract static class AuditReportMixin {
    @JsonProperty(value = "failed", access = JsonProperty.Access.READ_ONLY)
    abstract boolean failed();
  }

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .addMixIn(AuditReport.class, AuditReportMixin.class)
          .build();

  private ReportJson() {}

  static ObjectWriter prettyWriter() {
    return MAPPER.writer(printer());
  }

  /** Two-space indent, '\n' line ends on every platform, {@code "key": value}: shared with SARIF. */
  public static DefaultPrettyPrinter printer() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
  }
}
