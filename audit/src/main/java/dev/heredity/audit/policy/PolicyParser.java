package dev.heredity.audit.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.heredity.audit.report.Location;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a policy document token by token, so every value and key is judged where it stands: each
 * error is one line naming {@code file:line:column}, in our words (never a Java or Jackson type
 * name). Deprecated spellings are accepted with a warning.
 */
final class PolicyParser {
  static final String FAIL_ON = "fail-on";
  static final String FAIL_ON_OLD = "failOn";
  static final Set<String> TOP = Set.of(FAIL_ON, "alpha", "sample", "overrides", "suppressions");
  static final Set<String> SUPPRESSION_KEYS = Set.of("id", "rule", "subject", "reason", "expires");
  private static final Pattern FINDING_ID = Pattern.compile("hf-[0-9a-f]{12}");

  private final JsonParser parser;
  private final String shown;
  private final Set<String> knownRules;
  private final List<String> warnings = new ArrayList<>();

  private FailOn failOn;
  private Double alpha;
  private Integer sample;
  private final Map<String, Severity> overrides = new LinkedHashMap<>();
  private final List<Suppression> suppressions = new ArrayList<>();

  /**
   * A top-level key that belongs inside a suppression (a mis-indented line), with where it stands.
   */
  private Location strayKey;

  private String strayName;
  private InvalidPolicyException pending;

  /**
   * @param knownRules rule ids overrides and suppressions may name; null accepts any (no rule
   *     registry)
   */
  PolicyParser(JsonParser parser, String shown, Set<String> knownRules) {
    this.parser = parser;
    this.shown = shown;
    this.knownRules = knownRules;
  }

  record Result(
      FailOn failOn,
      Double alpha,
      Map<String, Severity> overrides,
      List<Suppression> suppressions,
      List<String> warnings,
      Integer sample) {}

  Result parse() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return new Result(null, null, Map.of(), List.of(), List.of(), null);
    }
    if (first != JsonToken.START_OBJECT) {
      throw error(
          here(),
          "a policy is a mapping of settings ("
              + String.join(", ", new TreeSet<>(TOP))
              + "), found "
              + describe(first));
    }
    Set<String> seen = new java.util.HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Location at = here();
      String canonical = key.equals(FAIL_ON_OLD) ? FAIL_ON : key;
      if (!seen.add(canonical)) {
        throw error(at, "'" + key + "' is given twice");
      }
      parser.nextToken();
      switch (canonical) {
        case FAIL_ON -> {
          if (key.equals(FAIL_ON_OLD)) {
            warnings.add(at.display() + ": 'failOn' is deprecated, write 'fail-on'");
          }
          failOn = failOn(key);
        }
        case "alpha" -> alpha = alpha();
        case "sample" -> sample = sample();
        case "overrides" -> overrides();
        case "suppressions" -> suppressions();
        default -> {
          if (SUPPRESSION_KEYS.contains(key)) {
            strayKey = at;
            strayName = key;
            parser.skipChildren();
          } else {
            throw error(at, "unknown key '" + key + "'" + Suggestions.hint(key, TOP));
          }
        }
      }
    }
    if (strayKey != null) {
      throw error(
          strayKey,
          "'"
              + strayName
              + "' is read as a top-level key here: it belongs to a suppression,"
              + " so indent it under that suppression's '- ' line");
    }
    if (pending != null) {
      throw pending;
    }
    return new Result(failOn, alpha, overrides, suppressions, warnings, sample);
  }

  private FailOn failOn(String key) throws IOException {
    Location at = here();
    String value = scalar(key);
    try {
      return FailOn.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(at, key + ": " + e.getMessage());
    }
  }

  private Double alpha() throws IOException {
    Location at = here();
    JsonToken t = parser.currentToken();
    double value;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      value = parser.getDoubleValue();
    } else {
      String text = scalar("alpha");
      try {
        value = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw error(
            at, "alpha: expected a number between 0 and 1 (exclusive), found '" + text + "'");
      }
    }
    if (!(value > 0 && value < 1)) {
      throw error(at, "alpha: must be between 0 and 1 (exclusive), found " + value);
    }
    return value;
  }

  /** A whole number of records, 0 (every record) to {@link Integer#MAX_VALUE}. */
  private Integer sample() throws IOException {
    Location at = here();
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      String found = t == JsonToken.VALUE_STRING ? "'" + parser.getText() + "'" : describe(t);
      throw error(
          at,
          "sample: expected a whole number of records, 0 (every record) or more, found " + found);
    }
    if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < 0) {
      throw error(
          at,
          "sample: must be a whole number from 0 (every record) to "
              + Integer.MAX_VALUE
              + ", found "
              + parser.getText());
    }
    return parser.getIntValue();
  }

  private void overrides() throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(JsonToken.START_OBJECT, "overrides", "a mapping of rule id to severity");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String rule = parser.currentName();
      Location at = here();
      rule(rule, at, "overrides");
      if (overrides.containsKey(rule)) {
        throw error(at, "overrides: '" + rule + "' is given twice");
      }
      parser.nextToken();
      Location valueAt = here();
      String value = scalar("overrides." + rule);
      try {
        overrides.put(rule, Severity.parse(value));
      } catch (IllegalArgumentException e) {
        throw error(
            valueAt,
            "overrides."
                + rule
                + ": unknown severity '"
                + value
                + "' (valid: "
                + Severity.labels()
                + ")");
      }
    }
  }

  private void suppressions() throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(JsonToken.START_ARRAY, "suppressions", "a list of suppressions");
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Suppression s = suppression();
      if (s != null) {
        suppressions.add(s);
      }
    }
  }

  private Suppression suppression() throws IOException {
    Location start = here();
    expect(
        JsonToken.START_OBJECT,
        "suppressions",
        "a suppression (a mapping with id or rule + subject, and reason)");
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Location> where = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Location at = here();
      if (!SUPPRESSION_KEYS.contains(key)) {
        throw error(
            at,
            "unknown key '" + key + "' in a suppression" + Suggestions.hint(key, SUPPRESSION_KEYS));
      }
      if (values.containsKey(key)) {
        throw error(at, "'" + key + "' is given twice in this suppression");
      }
      parser.nextToken();
      where.put(key, here());
      values.put(key, scalar(key));
    }
    String id = values.get("id");
    String rule = values.get("rule");
    if (id != null) {
      if (id.isBlank()) {
        throw error(where.get("id"), "id: empty (a finding id looks like hf-0123456789ab)");
      }
      if (!FINDING_ID.matcher(id.trim()).matches()) {
        throw error(
            where.get("id"),
            "id: '" + id + "' is not a finding id (hf- and 12 hex digits, as in" + " report.json)");
      }
    }
    if (rule != null) {
      rule(rule, where.get("rule"), "rule");
    }
    if (values.containsKey("subject") && values.get("subject").isBlank()) {
      throw error(where.get("subject"), "subject: empty (use \"*\" for every subject)");
    }
    LocalDate expires = null;
    if (values.get("expires") != null) {
      try {
        expires = LocalDate.parse(values.get("expires").trim());
      } catch (DateTimeParseException e) {
        throw error(
            where.get("expires"),
            "expires: '" + values.get("expires") + "' is not a date (use YYYY-MM-DD)");
      }
    }
    try {
      return new Suppression(
          id == null ? null : id.trim(),
          rule,
          values.get("subject"),
          values.get("reason"),
          expires,
          start);
    } catch (IllegalArgumentException e) {
      // Kept until the document is read: a missing 'reason' is most often a 'reason:' line indented
      // too
      // little, which then shows up as a top-level key and is the better message.
      if (pending == null) {
        pending = error(start, e.getMessage());
      }
      return null;
    }
  }

  private void rule(String rule, Location at, String field) {
    if (rule.isBlank()) {
      throw error(at, field + ": empty rule id");
    }
    if (rule.contains("*")) {
      throw error(
          at,
          field
              + ": '"
              + rule
              + "' is not a rule id; wildcards are not supported (to silence"
              + " every finding of one rule, give its id with subject: \"*\")");
    }
    if (knownRules != null && !knownRules.contains(rule)) {
      throw error(at, field + ": unknown rule '" + rule + "'" + Suggestions.hint(rule, knownRules));
    }
  }

  /**
   * The current token as text: strings, numbers and booleans; anything else is an error naming what
   * it is.
   */
  private String scalar(String key) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != null
        && t.isScalarValue()
        && t != JsonToken.VALUE_EMBEDDED_OBJECT
        && t != JsonToken.VALUE_NULL) {
      return parser.getText();
    }
    throw error(here(), key + ": expected a single value, found " + describe(t));
  }

  private void expect(JsonToken wanted, String key, String what) throws IOException {
    if (parser.currentToken() != wanted) {
      throw error(
          here(), key + ": expected " + what + ", found " + describe(parser.currentToken()));
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "an empty value";
      case VALUE_EMBEDDED_OBJECT -> "binary data";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_STRING -> "a text value";
      default -> "something else";
    };
  }

  private Location here() {
    JsonLocation l = parser.currentTokenLocation();
    return new Location(shown, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  private InvalidPolicyException error(Location at, String message) {
    return new InvalidPolicyException(at.display() + ": " + message);
  }
}
