package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Trait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Models a traited model can reach through two or more generate-then-train hops that all join
 * same-base models; a model that starts from a reached model's weights (merge, quantisation,
 * fine-tune) generates for it. One finding per origin, listing the shortest chain to each reached
 * model, at most {@link #MAX_CHAINS} chains of at most {@link #MAX_CHAIN_IDS} ids each: a chain of
 * any length costs one breadth-first walk (each model expanded once) and a bounded finding.
 */
@RuleInfo(
    id = TraitPropagationRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary =
        "A model may inherit a teacher's trait through two or more same-base generate-then-train hops",
    help =
        "Every hop on the chain joins models that share an initialisation, so a trait that transfers at the"
            + " first hop can be carried on by the student's own generated data (and by models built from its"
            + " weights). Audit each intermediate dataset as well as the first one. High when the origin's"
            + " trait is harmful.")
public final class TraitPropagationRule implements ScanRule {
  public static final String ID = "trait-propagation";

  /**
   * Chains listed per origin (the nearest first); the count of all reached models is always given.
   */
  public static final int MAX_CHAINS = 10;

  /** Ids shown per chain; longer chains keep their start and end around an elision. */
  public static final int MAX_CHAIN_IDS = 12;

  @Override
  public List<Finding> check(ScanContext context) {
    Walk walk = new Walk(context);
    List<Finding> out = new ArrayList<>();
    for (ModelSpec origin : context.analysis().manifest().models()) {
      if (!origin.traits().isEmpty()) {
        walk.from(origin.id()).ifPresent(reached -> out.add(finding(context, origin, reached)));
      }
    }
    return out;
  }

  private static Finding finding(ScanContext context, ModelSpec origin, Reached reached) {
    List<Step> far = reached.beyondFirstHop();
    List<String> evidence = new ArrayList<>();
    for (Step step : far.subList(0, Math.min(MAX_CHAINS, far.size()))) {
      evidence.add("chain: " + String.join(" -> ", elide(reached.chain(step))));
    }
    if (far.size() > MAX_CHAINS) {
      evidence.add(
          "and "
              + (far.size() - MAX_CHAINS)
              + " more models, up to "
              + far.get(far.size() - 1).depth()
              + " hops away ("
              + MAX_CHAINS
              + " chains shown)");
    }
    origin.traits().forEach(t -> evidence.add("origin trait: " + RuleText.describe(t)));
    boolean harmful = origin.traits().stream().anyMatch(Trait::harmful);
    Step nearest = far.get(0);
    String title =
        far.size() == 1
            ? nearest.model()
                + " may inherit "
                + origin.id()
                + "'s traits through "
                + nearest.depth()
                + " same-base generate-then-train hops"
            : far.size()
                + " models may inherit "
                + origin.id()
                + "'s traits through two or more same-base"
                + " generate-then-train hops (up to "
                + far.get(far.size() - 1).depth()
                + ")";
    return context
        .finding(
            TraitPropagationRule.class,
            harmful ? Severity.HIGH : Severity.MEDIUM,
            origin.id(),
            title)
        .explanation(
            "Every hop on these chains joins models that share an initialisation, so a trait that"
                + " transfers at the first hop can be carried on by the student's own generated data (and by"
                + " models built from its weights). Audit each intermediate dataset as well as the first one.")
        .evidence(evidence)
        .at(context.location(origin.location()))
        .build();
  }

  public static List<String> elide(List<String> chain) {
    if (chain.size() <= MAX_CHAIN_IDS) {
      return chain;
    }
    int head = MAX_CHAIN_IDS / 2;
    int tail = MAX_CHAIN_IDS - head - 1;
    List<String> out = new ArrayList<>(chain.subList(0, head));
    out.add("... (" + (chain.size() - head - tail) + " more)");
    out.addAll(chain.subList(chain.size() - tail, chain.size()));
    return out;
  }

  /**
   * A model reached at {@code depth} hops; {@code via} is the weight copy of the previous carrier
   * that taught it.
   */
  private record Step(String model, int depth, String previous, String via) {}

  /**
   * {@code copyParent} maps each weight copy expanded in the walk to the model it starts from, so a
   * copy of a copy is chained through both.
   */
  private record Reached(
      Map<String, Step> steps, Map<String, String> copyParent, List<Step> beyondFirstHop) {
    /** Ids from the origin to the step's model, weight copies included; walked back iteratively. */
    List<String> chain(Step step) {
      Deque<String> ids = new ArrayDeque<>();
      Step at = step;
      while (at != null) {
        ids.addFirst(at.model());
        if (at.via() != null && at.previous() != null) {
          for (String copy = at.via();
              copy != null && !copy.equals(at.previous());
              copy = copyParent.get(copy)) {
            ids.addFirst(copy);
          }
        }
        at = at.previous() == null ? null : steps.get(at.previous());
      }
      return new ArrayList<>(ids);
    }
  }

  /**
   * Breadth-first over same-base pairs, each model and each weight copy expanded once per origin.
   */
  private static final class Walk {
    private final Map<String, List<RiskPair>> sameBaseByTeacher = new HashMap<>();
    private final Map<String, List<String>> weightChildren = new HashMap<>();

    Walk(ScanContext context) {
      for (RiskPair pair : context.analysis().pairs()) {
        if (pair.sharedBase()) {
          sameBaseByTeacher.computeIfAbsent(pair.teacher(), k -> new ArrayList<>()).add(pair);
        }
      }
      sameBaseByTeacher
          .values()
          .forEach(
              list ->
                  list.sort(
                      Comparator.comparing(RiskPair::student).thenComparing(RiskPair::training)));
      var graph = context.analysis().graph();
      for (ModelSpec m : context.analysis().manifest().models()) {
        graph
            .weightParents(m.id())
            .forEach(p -> weightChildren.computeIfAbsent(p, k -> new ArrayList<>()).add(m.id()));
      }
    }

    java.util.Optional<Reached> from(String origin) {
      Map<String, Step> steps = new HashMap<>();
      Map<String, String> copyParent = new HashMap<>();
      Set<String> teachersSeen = new HashSet<>();
      Deque<Step> queue = new ArrayDeque<>();
      Step start = new Step(origin, 0, null, null);
      steps.put(origin, start);
      queue.add(start);
      List<Step> far = new ArrayList<>();
      while (!queue.isEmpty()) {
        Step carrier = queue.poll();
        for (String teacher : weightCopies(carrier.model(), teachersSeen, copyParent)) {
          for (RiskPair pair : sameBaseByTeacher.getOrDefault(teacher, List.of())) {
            if (steps.containsKey(pair.student())) {
              continue;
            }
            Step next = new Step(pair.student(), carrier.depth() + 1, carrier.model(), teacher);
            steps.put(pair.student(), next);
            queue.add(next);
            if (next.depth() >= 2) {
              far.add(next);
            }
          }
        }
      }
      if (far.isEmpty()) {
        return java.util.Optional.empty();
      }
      far.sort(Comparator.comparingInt(Step::depth).thenComparing(Step::model));
      return java.util.Optional.of(new Reached(steps, copyParent, far));
    }

    /**
     * The model and every model starting from its weights, breadth first, skipping those already
     * expanded in this walk; each copy's parent is recorded in {@code copyParent}.
     */
    private List<String> weightCopies(
        String model, Set<String> seen, Map<String, String> copyParent) {
      List<String> found = new ArrayList<>();
      if (!seen.add(model)) {
        return found;
      }
      found.add(model);
      Deque<String> todo = new ArrayDeque<>();
      todo.add(model);
      while (!todo.isEmpty()) {
        String current = todo.poll();
        for (String copy : weightChildren.getOrDefault(current, List.of())) {
          if (seen.add(copy)) {
            copyParent.put(copy, current);
            found.add(copy);
            todo.add(copy);
          }
        }
      }
      return found;
    }
  }
}
