package dev.heredity.audit.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.audit.report.Location;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code heredity-policy.yaml} (or the same structure in JSON):
 * <pre>
 * failOn: high                 # critical | high | medium | low | info
 * alpha: 0.01                  # detectors' significance level
 * overrides:                   # rule id -> severity
 *   cross-base-pair: low
 * suppressions:
 *   - id: hf-0123456789ab      # one finding by id ...
 *     reason: "reviewed in AUD-12"
 *     expires: 2026-12-31      # optional, ISO date
 *   - rule: no-control-set     # ... or a rule + subject ("*" = any subject)
 *     subject: code-traces
 *     reason: "control set is being generated"
 * </pre>
 * Unknown keys are errors; every error is one line naming file:line:column.
 */
public final class PolicyFile {
    /** Looked up beside the manifest when no {@code --policy} is given. */
    public static final String DEFAULT_NAME = "heredity-policy.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PolicyFile() {
    }

    /**
     * @param file  the policy file
     * @param shown how the file is named in messages and reports (e.g. relative to the manifest)
     */
    public static Policy load(Path file, String shown) {
        return load(file, shown, null);
    }

    /**
     * Like {@link #load(Path, String)}, and every rule id in overrides and suppressions must be one of
     * {@code knownRules} (an unknown one is an error with the closest known id).
     */
    public static Policy load(Path file, String shown, java.util.Set<String> knownRules) {
        Policy policy = read(file, shown);
        if (knownRules != null) {
            for (String rule : policy.overrides().keySet()) {
                if (!knownRules.contains(rule)) {
                    throw new InvalidPolicyException(shown + ": overrides: unknown rule '" + rule + "'"
                            + Suggestions.hint(rule, knownRules));
                }
            }
            for (Suppression s : policy.suppressions()) {
                if (s.rule() != null && !knownRules.contains(s.rule())) {
                    throw new InvalidPolicyException((s.location() == null ? shown : s.location().display())
                            + ": unknown rule '" + s.rule() + "'" + Suggestions.hint(s.rule(), knownRules));
                }
            }
        }
        return policy;
    }

    private static Policy read(Path file, String shown) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(shown + ": no such file");
        } catch (IOException e) {
            throw new InvalidPolicyException(shown + ": cannot read policy file: " + e.getMessage(), e);
        }
        String sha256 = sha256(bytes);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new Policy(Policy.DEFAULT_FAIL_ON, Policy.DEFAULT_ALPHA, Map.of(), List.of(), shown, sha256);
        }
        try {
            PolicyDto dto = YAML.readValue(bytes, PolicyDto.class);
            if (dto == null) {
                return new Policy(Policy.DEFAULT_FAIL_ON, Policy.DEFAULT_ALPHA, Map.of(), List.of(), shown, sha256);
            }
            return dto.toPolicy(shown, sha256);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(position(shown, locationOf(e, bytes)) + describe(e), e);
        } catch (IOException e) {
            throw new InvalidPolicyException(shown + ": cannot read policy file: " + e.getMessage(), e);
        }
    }

    /**
     * Where the offending value starts. Jackson reports an unknown key of a record only once it has read
     * past the entry, so the key's own line is looked up in the text (first occurrence as a key).
     */
    private static JsonLocation locationOf(JsonProcessingException e, byte[] bytes) {
        if (e instanceof UnrecognizedPropertyException u && u.getPropertyName() != null) {
            java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                    "^(\\s*(?:-\\s+)?[\"']?)" + java.util.regex.Pattern.quote(u.getPropertyName()) + "[\"']?\\s*:");
            List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                var m = key.matcher(lines.get(i));
                if (m.find()) {
                    return new JsonLocation(null, -1, i + 1, m.end(1) + 1);
                }
            }
        }
        return e.getLocation();
    }

    private static String position(String shown, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return shown + ": ";
        }
        return shown + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (valid: " + known + ")");
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static Severity severity(String key, String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    record PolicyDto(String failOn, Double alpha, Map<String, String> overrides, List<LocatedSuppression> suppressions) {
        @JsonCreator
        PolicyDto(@JsonProperty("failOn") String failOn, @JsonProperty("alpha") Double alpha,
                @JsonProperty("overrides") Map<String, String> overrides,
                @JsonProperty("suppressions") List<LocatedSuppression> suppressions) {
            if (alpha != null && !(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + alpha);
            }
            if (failOn != null) {
                severity("failOn", failOn);
            }
            if (overrides != null) {
                overrides.forEach((rule, value) -> severity("overrides." + rule, value));
            }
            this.failOn = failOn;
            this.alpha = alpha;
            this.overrides = overrides;
            this.suppressions = suppressions;
        }

        Policy toPolicy(String shown, String sha256) {
            Map<String, Severity> parsed = new LinkedHashMap<>();
            if (overrides != null) {
                overrides.forEach((rule, value) -> parsed.put(rule, severity("overrides." + rule, value)));
            }
            List<Suppression> list = new ArrayList<>();
            if (suppressions != null) {
                for (LocatedSuppression s : suppressions) {
                    list.add(s.toSuppression(shown));
                }
            }
            return new Policy(failOn == null ? Policy.DEFAULT_FAIL_ON : severity("failOn", failOn),
                    alpha == null ? Policy.DEFAULT_ALPHA : alpha, parsed, list, shown, sha256);
        }
    }

    record SuppressionDto(String id, String rule, String subject, String reason, String expires) {
        @JsonCreator
        SuppressionDto(@JsonProperty("id") String id, @JsonProperty("rule") String rule,
                @JsonProperty("subject") String subject, @JsonProperty("reason") String reason,
                @JsonProperty("expires") String expires) {
            this.id = id;
            this.rule = rule;
            this.subject = subject;
            this.reason = reason;
            this.expires = expires;
            // Validate now, so a mistake is reported at this entry's position.
            new Suppression(id, rule, subject, reason, date(expires), null);
        }

        static LocalDate date(String value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expires: '" + value + "' is not a date (use YYYY-MM-DD)", e);
            }
        }
    }

    /** A suppression entry with the position it starts at, so reports can point into the policy file. */
    @JsonDeserialize(using = LocatedSuppressionDeserializer.class)
    record LocatedSuppression(SuppressionDto entry, int line, int column) {
        Suppression toSuppression(String shown) {
            return new Suppression(entry.id(), entry.rule(), entry.subject(), entry.reason(),
                    SuppressionDto.date(entry.expires()), new Location(shown, line, column));
        }
    }

    static final class LocatedSuppressionDeserializer extends JsonDeserializer<LocatedSuppression> {
        @Override
        public LocatedSuppression deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            try {
                SuppressionDto dto = ctxt.readValue(p, SuppressionDto.class);
                return new LocatedSuppression(dto, start.getLineNr(), start.getColumnNr());
            } catch (ValueInstantiationException e) {
                // Report a bad entry where it starts, not where the parser stopped.
                String message = e.getCause() != null && e.getCause().getMessage() != null
                        ? e.getCause().getMessage() : e.getOriginalMessage();
                throw new JsonMappingException(p, message, start);
            }
        }
    }
}
