package dev.heredity.audit.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.audit.report.ComplianceClause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rule-to-clause mapping from {@code dev/heredity/audit/compliance.yaml}: which EU AI Act and
 * NIST AI 600-1 clauses a finding of each rule helps evidence.
 */
public final class ComplianceCatalog {
  static final String RESOURCE = "/dev/heredity/audit/compliance.yaml";

  private final Map<String, Clause> clauses;
  private final Map<String, List<String>> rules;

  record Clause(
      @JsonProperty("id") String id,
      @JsonProperty("framework") String framework,
      @JsonProperty("clause") String clause,
      @JsonProperty("title") String title) {}

  record Catalog(
      @JsonProperty("clauses") List<Clause> clauses,
      @JsonProperty("rules") Map<String, List<String>> rules) {}

  private ComplianceCatalog(Catalog catalog) {
    this.clauses = new LinkedHashMap<>();
    catalog.clauses().forEach(c -> clauses.put(c.id(), c));
    this.rules = catalog.rules();
    rules.forEach(
        (rule, ids) ->
            ids.forEach(
                id -> {
                  if (!clauses.containsKey(id)) {
                    throw new IllegalStateException(
                        RESOURCE + ": rule '" + rule + "' names unknown clause '" + id + "'");
                  }
                }));
  }

  /** The catalog shipped in the jar. */
  public static ComplianceCatalog builtIn() {
    try (InputStream in = ComplianceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      ObjectMapper yaml =
          new ObjectMapper(new YAMLFactory())
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      return new ComplianceCatalog(yaml.readValue(in, Catalog.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Clause ids for a rule, in catalog order.
   *
   * @throws IllegalStateException for a rule without an entry: every rule needs its own (no
   *     default)
   */
  public List<String> clauseIds(String rule) {
    List<String> ids = rules.get(rule);
    if (ids == null) {
      throw new IllegalStateException(RESOURCE + " has no entry for rule '" + rule + "'");
    }
    return ids;
  }

  /** Whether the catalog has an entry of its own for the rule. */
  public boolean maps(String rule) {
    return rules.containsKey(rule);
  }

  /** Every rule id the catalog maps. */
  public java.util.Set<String> ruleIds() {
    return java.util.Collections.unmodifiableSet(rules.keySet());
  }

  /**
   * The clauses the given rules touch (catalog order), each listing those of the rules that map to
   * it.
   */
  public List<ComplianceClause> clausesFor(Collection<String> usedRules) {
    List<ComplianceClause> out = new ArrayList<>();
    for (Clause c : clauses.values()) {
      TreeSet<String> byRule = new TreeSet<>();
      for (String rule : usedRules) {
        if (rules.getOrDefault(rule, List.of()).contains(c.id())) {
          byRule.add(rule);
        }
      }
      if (!byRule.isEmpty()) {
        out.add(
            new ComplianceClause(
                c.id(), c.framework(), c.clause(), c.title(), List.copyOf(byRule)));
      }
    }
    return out;
  }

  /** Every clause id known to the catalog. */
  public List<String> allClauseIds() {
    return List.copyOf(clauses.keySet());
  }
}
