package dev.heredity.lineage.risk;

import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.InitRoots;
import dev.heredity.lineage.graph.ProvenanceGraph;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import dev.heredity.lineage.validate.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Risk pairs, training by training: each teacher whose generated data reaches the run forms a pair
 * with the run's student. Work is proportional to (training inputs x teachers they carry); whether
 * a pair shares a base is a merge of the two models' root keys from {@link InitRoots}.
 */
public final class PairFinder {
  public static final String UNATTRIBUTED_RULE = "unattributed-synthetic-data";

  /** Pairs and findings, each sorted worst first then by ids. */
  public record Result(List<RiskPair> pairs, List<LineageFinding> findings) {}

  /**
   * Severity (worst first), then teacher, student, training; written out because it sorts 100k+
   * pairs.
   */
  public static final Comparator<RiskPair> PAIR_ORDER =
      (a, b) -> {
        int order = Integer.compare(a.severity().ordinal(), b.severity().ordinal());
        if (order == 0) {
          order = a.teacher().compareTo(b.teacher());
        }
        if (order == 0) {
          order = a.student().compareTo(b.student());
        }
        return order != 0 ? order : a.training().compareTo(b.training());
      };

  public static final Comparator<LineageFinding> FINDING_ORDER =
      Comparator.comparing(LineageFinding::severity)
          .thenComparing(LineageFinding::rule)
          .thenComparing(LineageFinding::subject)
          .thenComparing(LineageFinding::message);

  private final ProvenanceGraph graph;
  private final UpstreamIndex upstream;
  private final Map<String, List<Trait>> traits = new ConcurrentHashMap<>();

  public PairFinder(ProvenanceGraph graph) {
    this.graph = graph;
    this.upstream = new UpstreamIndex(graph.manifest());
  }

  /**
   * Trainings are independent of each other, so they are processed in parallel (the indexes are
   * read-only by then); the final sort makes the result the same whatever the scheduling.
   */
  public Result find() {
    List<TrainingSpec> trainings = graph.manifest().trainings();
    RiskPair[] pairs =
        trainings.parallelStream().flatMap(t -> pairsOf(t).stream()).toArray(RiskPair[]::new);
    LineageFinding[] findings =
        trainings.parallelStream()
            .flatMap(t -> unattributedFindings(t).stream())
            .toArray(LineageFinding[]::new);
    Arrays.parallelSort(pairs, PAIR_ORDER);
    Arrays.sort(findings, FINDING_ORDER);
    return new Result(Collections.unmodifiableList(Arrays.asList(pairs)), List.of(findings));
  }

  private List<RiskPair> pairsOf(TrainingSpec training) {
    Map<String, List<String>> carriers = new LinkedHashMap<>();
    Map<String, String> shortest = new HashMap<>();
    for (String dataset : training.datasets()) {
      for (String teacher : upstream.teachersOf(dataset)) {
        carriers.computeIfAbsent(teacher, k -> new ArrayList<>(1)).add(dataset);
        String best = shortest.get(teacher);
        if (best == null
            || upstream.hops(dataset, teacher) < upstream.hops(best, teacher)
            || (upstream.hops(dataset, teacher) == upstream.hops(best, teacher)
                && dataset.compareTo(best) < 0)) {
          shortest.put(teacher, dataset);
        }
      }
    }
    List<RiskPair> pairs = new ArrayList<>(carriers.size());
    String student = training.student();
    InitRoots roots = graph.roots();
    carriers.forEach(
        (teacher, datasets) -> {
          List<String> path = upstream.route(shortest.get(teacher), teacher);
          path.add(training.id());
          path.add(student);
          List<String> shared = roots.sharedRoots(teacher, student);
          boolean sameWeights =
              training.from() != null && graph.sameWeights(teacher, training.from());
          SeverityTable.Verdict verdict =
              SeverityTable.classify(
                  !shared.isEmpty(),
                  shared,
                  traits.computeIfAbsent(teacher, graph::traitsOf),
                  sameWeights);
          if (datasets.size() > 1) {
            datasets.sort(null);
          }
          pairs.add(
              new RiskPair(
                  teacher,
                  student,
                  training.id(),
                  datasets,
                  path,
                  !shared.isEmpty(),
                  shared,
                  verdict.severity(),
                  verdict.reason(),
                  training.location()));
        });
    return pairs;
  }

  private List<LineageFinding> unattributedFindings(TrainingSpec training) {
    TreeSet<String> blind = new TreeSet<>();
    training.datasets().forEach(d -> blind.addAll(upstream.unattributedIn(d)));
    List<LineageFinding> findings = new ArrayList<>(blind.size());
    for (String id : blind) {
      DatasetSpec dataset = upstream.dataset(id);
      findings.add(
          new LineageFinding(
              UNATTRIBUTED_RULE,
              Severity.MEDIUM,
              id,
              "unattributed synthetic data: dataset "
                  + Quoted.of(id)
                  + " looks generated ("
                  + SyntheticData.why(dataset)
                  + ") but names no generatedBy, and it reaches training "
                  + Quoted.of(training.id())
                  + " of student "
                  + Quoted.of(training.student())
                  + "; whether its teacher shares the student's base cannot be checked",
              dataset.location()));
    }
    return findings;
  }
}
