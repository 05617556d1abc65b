package dev.heredity.audit.scan;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Location;
import java.util.List;

/**
 * Builds raw findings (status decided later by the policy): the id from content via {@link FindingIds},
 * compliance references from the {@link ComplianceCatalog}.
 */
final class FindingFactory {
    private final ComplianceCatalog catalog;

    FindingFactory(ComplianceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param idKeys the key evidence that, with rule and subject, identifies this finding across runs
     */
    Finding create(String rule, String severity, String subject, String title, String explanation,
            List<String> evidence, Location location, String... idKeys) {
        return new Finding(FindingIds.of(rule, subject, idKeys), rule, severity, subject, title, explanation,
                evidence, location, catalog.clauseIds(rule), Finding.Status.PASSING, null);
    }
}
