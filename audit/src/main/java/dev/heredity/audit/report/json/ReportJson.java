package dev.heredity.audit.report.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.PolicyInfo;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.TestedRecords;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.WeightsEvidence;
import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * The Jackson setup for {@code report.json}: record components in declaration order, enums in
 * lowercase, two-space indent with '\n' line ends on every platform, plus a computed {@code
 * "failed"} flag.
 */
public final class ReportJson {

  /**
   * Adds {@code failed} (the CI gate's answer) to the serialised report without touching the model.
   */
  @JsonPropertyOrder({"schema", "tool", "version", "failed", "stamp"})
  @JsonIgnoreProperties(
      value = {"rules"},
      allowGetters = false)
  abstract static class AuditReportMixin {
    @JsonProperty(value = "failed", access = JsonProperty.Access.READ_ONLY)
    abstract boolean failed();

    /**
     * Only present when the scan was asked to stamp its reports, so unstamped reports keep their
     * bytes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Stamp stamp();

    /** Only present when the weights check tested a pair, so other reports keep their bytes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract WeightsEvidence weights();
  }

  /** The proxy's weight test only when there is one, so other reports keep their bytes. */
  abstract static class TransferEvidenceMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract ProxyWeights weights();
  }

  /** The check's run time only in stamped reports (see {@link JsonReportWriter}). */
  abstract static class WeightsEvidenceMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Double seconds();
  }

  /**
   * Policy facts that only exist with a policy file are left out otherwise, so default reports keep
   * their bytes.
   */
  abstract static class FindingMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Severity overriddenFrom();
  }

  /** Only trait origins list their traits, so other nodes keep their bytes. */
  abstract static class NodeRowMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> traits();
  }

  /** Only a detection read from files knows which records its tests ran on. */
  abstract static class DatasetDetectionMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract TestedRecords testedOn();
  }

  /** Per-model values are written only when too few models ran for a CI. */
  abstract static class ArmRowMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<Double> perModel();
  }

  abstract static class PolicyInfoMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String file();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String sha256();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<OverrideRow> overrides();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> warnings();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Integer sample();
  }

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .addMixIn(AuditReport.class, AuditReportMixin.class)
          .addMixIn(Finding.class, FindingMixin.class)
          .addMixIn(ArmRow.class, ArmRowMixin.class)
          .addMixIn(NodeRow.class, NodeRowMixin.class)
          .addMixIn(PolicyInfo.class, PolicyInfoMixin.class)
          .addMixIn(WeightsEvidence.class, WeightsEvidenceMixin.class)
          .addMixIn(TransferEvidence.class, TransferEvidenceMixin.class)
          .addMixIn(DatasetDetection.class, DatasetDetectionMixin.class)
          .build();

  private ReportJson() {}

  /**
   * The configured mapper (lowercase enums, declaration order) for other JSON built from report
   * records.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectWriter prettyWriter() {
    return MAPPER.writer(printer());
  }

  /**
   * Two-space indent, '\n' line ends on every platform, {@code "key": value}: shared with SARIF.
   */
  public static DefaultPrettyPrinter printer() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
  }
}
