package dev.heredity.audit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
import dev.heredity.audit.report.json.ReportJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The short summary {@code scan} prints on stdout: a table for people, or one JSON object for tools. */
final class ScanSummary {
    private ScanSummary() {
    }

    static String table(AuditReport report) {
        StringBuilder s = new StringBuilder();
        var sum = report.summary();
        s.append("Manifest: ").append(TerminalText.line(report.manifest().path())).append('\n');
        s.append(String.format(Locale.ROOT, "%d models, %d datasets, %d trainings, %d teacher/student pairs%n",
                sum.models(), sum.datasets(), sum.trainings(), sum.pairs()));
        s.append("Findings: ").append(sum.findingsBySeverity().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")))
                .append(" (").append(sum.failing()).append(" failing at '")
                .append(sum.failOn() == null ? "none" : sum.failOn().label()).append("')\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEVERITY", "STATUS", "RULE", "SUBJECT", "ID"});
        for (Finding f : report.findings()) {
            rows.add(new String[] {f.severity().label(), f.status().name().toLowerCase(Locale.ROOT),
                TerminalText.line(f.rule()), TerminalText.line(String.valueOf(f.subject())), TerminalText.line(f.id())});
        }
        s.append(columns(rows));
        if (!report.detections().isEmpty()) {
            s.append('\n');
            for (DatasetDetection d : report.detections()) {
                s.append(String.format(Locale.ROOT, "Detectors: %s vs %s: %s (combined p = %s, alpha %s; %d vs %d records)%n",
                        TerminalText.line(d.dataset()), TerminalText.line(d.reference()), d.verdict(), ReportNumbers.pValue(d.pValue()),
                        ReportNumbers.stat(d.alpha()), d.suspectRecords(), d.referenceRecords()));
            }
        }
        TransferEvidence t = report.transfer();
        if (t != null) {
            s.append(report.detections().isEmpty() ? "\n" : "").append("Transfer test (")
                    .append(t.runHere() ? "run here" : t.source() == TransferSource.FILE ? "from file"
                            : "reference figures, not run here")
                    .append("): ").append(t.verdict()).append("; ")
                    .append(t.arms().stream().filter(a -> a.arm().endsWith("-init"))
                            .map(ScanSummary::arm).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return s.toString();
    }

    private static String arm(ArmRow a) {
        return a.arm() + " " + ReportNumbers.stat(a.mean()) + "%"
                + (a.ci95() > 0 ? " +/- " + ReportNumbers.stat(a.ci95()) : "");
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    static String json(AuditReport report, Path out, List<Path> written) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("manifest", report.manifest().path());
        root.put("out", out.toString().replace('\\', '/'));
        root.put("reports", written.stream().map(p -> p.getFileName().toString()).toList());
        root.put("failed", report.failed());
        root.put("summary", report.summary());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("rule", f.rule());
            m.put("severity", f.severity().label());
            m.put("status", f.status().name().toLowerCase(Locale.ROOT));
            m.put("subject", f.subject());
            m.put("title", f.title());
            findings.add(m);
        }
        root.put("findings", findings);
        try {
            return ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
