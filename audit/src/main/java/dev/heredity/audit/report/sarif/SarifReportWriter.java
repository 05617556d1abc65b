package dev.heredity.audit.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Location;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.json.ReportJson;
import dev.heredity.audit.report.view.PolicyView;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.RuleView;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.sarif}: SARIF 2.1.0 for GitHub code scanning. One rule entry per rule checked
 * (metadata from the rule registry), one result per finding located in the manifest, levels and
 * {@code security-severity} from severities, and the stable finding id as the partial fingerprint
 * so alerts keep their identity.
 */
public final class SarifReportWriter implements ReportWriter {

  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "heredityFindingId/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String id() {
    return "sarif";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String fileName() {
    return "report.sarif";
  }

  @Override
  public void write(AuditReport report, Writer out) throws IOException {
    ReportView view = ReportView.of(report);
    ObjectNode log = MAPPER.createObjectNode();
    log.put("$schema", SCHEMA_URI);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.tool());
    if (report.version() != null) {
      driver.put("semanticVersion", report.version());
    }
    rules(view, driver.putArray("rules"), ruleIndex);
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      result(report, f, ruleIndex.get(f.rule()), results.addObject());
    }
    run.put("columnKind", "unicodeCodePoints");
    policy(view, run.putObject("properties"));
    if (report.stamp() != null) {
      stamp(report.stamp(), run);
    }

    MAPPER
        .writer(ReportJson.printer())
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, log);
    out.write("\n");
    out.flush();
  }

  /**
   * The stamp as SARIF says it: the invocation (command line, end time) and the rest as run
   * properties.
   */
  private static void stamp(Stamp stamp, ObjectNode run) {
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("commandLine", stamp.commandLine());
    invocation.put("endTimeUtc", stamp.time());
    invocation.put("executionSuccessful", true);
    ObjectNode props = run.with("properties").putObject("heredityStamp");
    props.put("time", stamp.time());
    props.put("version", stamp.version());
    props.put("commit", stamp.commit());
    props.put("commandLine", stamp.commandLine());
    props.put("manifestSha256", stamp.manifestSha256());
    props.put("policySha256", stamp.policySha256());
    props.put("folderCommit", stamp.folderCommit());
  }

  /**
   * Every rule checked, with its metadata from the rule registry (summary, help, default severity);
   * a rule's level is its most severe finding's, or its default severity when it found nothing.
   */
  private static void rules(ReportView view, ArrayNode rules, Map<String, Integer> ruleIndex) {
    for (RuleView r : view.rules()) {
      ruleIndex.put(r.rule().id(), rules.size());
      ObjectNode rule = rules.addObject();
      rule.put("id", r.rule().id());
      rule.put("name", pascalCase(r.rule().id()));
      rule.putObject("shortDescription").put("text", r.rule().summary());
      rule.putObject("fullDescription").put("text", r.rule().help());
      ObjectNode help = rule.putObject("help");
      help.put("text", helpText(r));
      help.put("markdown", helpMarkdown(r));
      rule.putObject("defaultConfiguration").put("level", level(r.level()));
      ObjectNode props = rule.putObject("properties");
      ArrayNode tags = props.putArray("tags");
      tags.add("security");
      tags.add("ai-data-lineage");
      props.put("security-severity", securitySeverity(r.level()));
    }
  }

  /**
   * The policy the statuses come from, so overrides and suppressions are visible in the SARIF log
   * too.
   */
  private static void policy(ReportView view, ObjectNode properties) {
    PolicyView p = view.policy();
    ObjectNode policy = properties.putObject("policy");
    policy.put("headline", view.headline().status());
    if (p.file() != null) {
      policy.put("file", p.file());
      policy.put("sha256", p.sha256());
    }
    policy.put("failOn", p.failOn());
    if (p.sample() != null) {
      policy.put("sample", p.sample());
    }
    ArrayNode overrides = policy.putArray("overrides");
    p.overrides()
        .forEach(
            o ->
                overrides
                    .addObject()
                    .put("rule", o.rule())
                    .put("severity", o.severity().label())
                    .put("applied", o.applied()));
    policy.put("suppressedFindings", p.suppressed().size());
  }

  private static void result(AuditReport report, Finding f, int index, ObjectNode result) {
    result.put("ruleId", f.rule());
    result.put("ruleIndex", index);
    result.put("level", level(f.severity()));
    result.putObject("message").put("text", message(f));
    ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
    Location loc = location(report, f);
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", loc.file());
    artifact.put("uriBaseId", "%SRCROOT%");
    ObjectNode region = physical.putObject("region");
    region.put("startLine", Math.max(1, loc.line()));
    region.put("startColumn", Math.max(1, loc.column()));
    result.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.id());
    if (f.status() == Finding.Status.SUPPRESSED) {
      ObjectNode suppression = result.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      if (f.suppressionReason() != null) {
        suppression.put("justification", f.suppressionReason());
      }
    }
    if (f.status() == Finding.Status.BASELINE) {
      result.put("baselineState", "unchanged");
    }
    ObjectNode props = result.putObject("properties");
    props.put("findingId", f.id());
    props.put("severity", f.severity().label());
    props.put("subject", f.subject());
    props.put("status", f.status().name().toLowerCase(Locale.ROOT));
    props.put("security-severity", securitySeverity(f.severity()));
    if (f.overriddenFrom() != null) {
      props.put("overriddenFrom", f.overriddenFrom().label());
    }
    ArrayNode compliance = props.putArray("compliance");
    f.compliance().forEach(compliance::add);
  }

  /**
   * Findings without a location point at the manifest's first line: code scanning needs a location.
   */
  private static Location location(AuditReport report, Finding f) {
    Location loc = f.location();
    if (loc != null && loc.file() != null && !loc.file().isBlank()) {
      return loc;
    }
    String manifest = report.manifest() == null ? "heredity.yaml" : report.manifest().path();
    return new Location(manifest, 1, 1);
  }

  private static String message(Finding f) {
    StringBuilder sb = new StringBuilder(f.title());
    if (f.subject() != null) {
      sb.append(" (").append(f.subject()).append(')');
    }
    sb.append('.');
    for (String e : f.evidence()) {
      sb.append("\n- ").append(e);
    }
    return sb.toString();
  }

  private static String helpText(RuleView r) {
    StringBuilder sb = new StringBuilder(r.rule().help());
    if (!r.clauses().isEmpty()) {
      sb.append("\n\nHelps evidence: ").append(String.join("; ", r.clauses())).append('.');
    }
    return sb.toString();
  }

  private static String helpMarkdown(RuleView r) {
    StringBuilder sb =
        new StringBuilder("**").append(r.rule().summary()).append("**\n\n").append(r.rule().help());
    if (!r.clauses().isEmpty()) {
      sb.append("\n\nHelps evidence:\n");
      r.clauses().forEach(c -> sb.append("\n- ").append(c));
    }
    return sb.toString().strip();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's security-severity scale (0.0 to 10.0) for its critical/high/medium/low buckets. */
  private static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  private static String pascalCase(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.length() == 0 ? "Rule" : sb.toString();
  }
}
