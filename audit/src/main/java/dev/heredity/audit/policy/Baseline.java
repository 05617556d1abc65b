package dev.heredity.audit.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.AuditReport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The finding ids of a previous {@code report.json}: with {@code --baseline}, only findings whose id is
 * absent from it can fail the gate. Ids are derived from content, so a finding keeps its id across runs
 * as long as its rule, subject and key evidence stay the same.
 */
public record Baseline(String source, Set<String> findingIds) {

    public Baseline {
        findingIds = Set.copyOf(findingIds);
    }

    public static Baseline none() {
        return new Baseline(null, Set.of());
    }

    public boolean contains(String findingId) {
        return findingIds.contains(findingId);
    }

    public static Baseline load(Path reportJson, String shown) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(reportJson.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InvalidPolicyException(shown + where + ": not a JSON report: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(shown + ": no such file");
        } catch (IOException e) {
            throw new InvalidPolicyException(shown + ": cannot read baseline: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !AuditReport.SCHEMA.equals(root.path("schema").asText())) {
            throw new InvalidPolicyException(shown + ": not a heredity report (expected \"schema\": \""
                    + AuditReport.SCHEMA + "\")");
        }
        Set<String> ids = new TreeSet<>();
        for (JsonNode finding : root.path("findings")) {
            String id = finding.path("id").asText("");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return new Baseline(shown, ids);
    }
}
