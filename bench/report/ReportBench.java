import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.audit.report.Location;
import dev.heredity.audit.report.ManifestInfo;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.PolicyInfo;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.report.Summary;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times every report writer on a synthetic report (a seeded random lineage DAG of NODES nodes and
 * FINDINGS findings) in a cold JVM, the way one scan writes its reports. Usage:
 * {@code java -cp <audit classes + deps> ReportBench.java OUT_DIR [NODES=500] [FINDINGS=2000]}.
 * Target: all five formats in under 10 s for 500 nodes and 2000 findings on 2 cores.
 */
public final class ReportBench {
  private static final long TARGET_MILLIS = 10_000;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int findings = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    AuditReport report = synthetic(nodes, findings);
    long total = 0;
    for (ReportWriter writer : ReportWriters.DEFAULT.all()) {
      long start = System.nanoTime();
      Path file = out.resolve(writer.fileName());
      writer.write(report, file);
      long ms = (System.nanoTime() - start) / 1_000_000;
      total += ms;
      System.out.printf("%-9s %7d ms %9d bytes%n", writer.id(), ms, Files.size(file));
    }
    System.out.printf("total     %7d ms for %d nodes, %d edges, %d findings (target < %d ms): %s%n",
        total, report.nodes().size(), report.edges().size(), report.findings().size(), TARGET_MILLIS,
        total < TARGET_MILLIS ? "OK" : "OVER");
  }

  private static AuditReport synthetic(int nodeCount, int findingCount) {
    Random rnd = new Random(42);
    NodeKind[] kinds = NodeKind.values();
    Severity[] severities = Severity.values();
    List<NodeRow> nodes = new ArrayList<>();
    List<EdgeRow> edges = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      Severity severity = i % 13 == 0 ? severities[rnd.nextInt(4)] : null;
      nodes.add(new NodeRow("node-" + i, kinds[i % 3], "node-" + i, severity));
      if (i > 0) {
        edges.add(new EdgeRow("node-" + rnd.nextInt(i), "node-" + i, "derived", severity));
      }
      if (i > 4 && i % 4 == 0) {
        edges.add(new EdgeRow("node-" + rnd.nextInt(i), "node-" + i, "base", null));
      }
    }
    List<Finding> findings = new ArrayList<>();
    Map<Severity, Integer> bySeverity = new LinkedHashMap<>();
    for (Severity s : severities) {
      bySeverity.put(s, 0);
    }
    int failing = 0;
    for (int i = 0; i < findingCount; i++) {
      Severity severity = severities[rnd.nextInt(5)];
      bySeverity.merge(severity, 1, Integer::sum);
      Finding.Status status = severity.atLeast(Severity.HIGH) ? Finding.Status.FAILING : Finding.Status.PASSING;
      failing += status == Finding.Status.FAILING ? 1 : 0;
      findings.add(new Finding(String.format("hf-%012x", rnd.nextLong() & 0xffffffffffffL), "rule-" + (i % 7), severity,
          "node-" + rnd.nextInt(nodeCount), "Synthetic finding " + i, "Explanation of finding " + i + ".",
          List.of("evidence a " + i, "evidence b " + i), new Location("heredity.yaml", 1 + i, 3),
          List.of("clause-" + (i % 5)), status, null, null));
    }
    List<PairRow> pairs = new ArrayList<>();
    for (int i = 0; i < Math.min(50, nodeCount / 3); i++) {
      pairs.add(new PairRow("node-" + (3 * i), "node-" + (3 * i + 2), "node-" + (3 * i + 1), List.of("node-" + (3 * i + 1)),
          List.of("node-" + (3 * i), "node-" + (3 * i + 2)), i % 2 == 0, List.of(), Severity.HIGH));
    }
    List<ComplianceClause> clauses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clauses.add(new ComplianceClause("clause-" + i, "Framework", "C." + i, "Clause " + i, List.of("rule-" + i)));
    }
    Summary summary = new Summary(nodeCount / 3, nodeCount / 3, nodeCount / 3, pairs.size(), bySeverity, failing, Severity.HIGH);
    return new AuditReport(AuditReport.SCHEMA, "heredity", "bench", new ManifestInfo("heredity.yaml", null), summary,
        nodes, edges, pairs, findings, List.of(), null, null, new PolicyInfo(Severity.HIGH, 0.01, List.of()), clauses,
        List.of(), null);
  }
}
