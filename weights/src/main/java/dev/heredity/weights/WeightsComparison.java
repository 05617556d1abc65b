package dev.heredity.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tests whether two models were trained from a shared initialisation, from their weights alone (Zhu
 * et al., "Independence Tests for Language Models", ICML 2025). Null hypothesis: independent random
 * inits, under which a model's hidden units are exchangeable. Per matched MLP layer, units are
 * matched by the cosine similarity of their weight vectors (a linear assignment); with two views of
 * the units (gate and up projections) the two matchings are rank-correlated with each other, so
 * permuting the units cannot hide a shared init; with one view the matching is rank-correlated with
 * the stored order (the paper's CSW test). One-sided Spearman p-values are combined over layers by
 * Fisher's method.
 *
 * <p>Views wider than {@link WeightsOptions#sketch()} features are first projected by a fixed,
 * seeded {@link FeatureSketch} (the same for both models, so the null is untouched); the assignment
 * is exact ({@link SparseAssignment}: candidate edges plus a dual certificate on the dense cosine
 * matrix).
 *
 * <p>First tier (when enabled and a layer has at least {@value #SHORTCUT_MIN_UNITS} units): the
 * summed same-index cosine against its permutation distribution, by a concentration bound; it can
 * confirm a shared init cheaply, and never rules one out.
 */
public final class WeightsComparison {
  private static final int MIN_UNITS = 4;

  /**
   * Below this layer width the matching test costs milliseconds and gives far stronger evidence
   * than the bound.
   */
  static final int SHORTCUT_MIN_UNITS = 1024;

  private final WeightsOptions options;
  private final DenseBudget budget;
  private int streamedViews;

  WeightsComparison(WeightsOptions options, DenseBudget budget) {
    this.options = options;
    this.budget = budget;
  }

  /** Opens both checkpoints (file, folder, or sharded index) and compares them. */
  public static WeightsResult compare(Path a, Path b, WeightsOptions options) {
    try (Checkpoint ca = Checkpoint.open(a);
        Checkpoint cb = Checkpoint.open(b)) {
      return compare(ca, cb, options);
    }
  }

  public static WeightsResult compare(TensorSource a, TensorSource b, WeightsOptions options) {
    return new WeightsComparison(options, DenseBudget.ofHeap()).run(a, b);
  }

  /** Views whose cosines were streamed rather than held as a dense matrix, so far. */
  int streamedViews() {
    return streamedViews;
  }

  WeightsResult run(TensorSource a, TensorSource b) {
    long start = System.nanoTime();
    List<WeightsNote> notes = new ArrayList<>();
    for (TensorSource s : List.of(a, b)) {
      if (s instanceof Checkpoint c && c.unsupported().isPresent()) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.UNSUPPORTED_FORMAT, c.label(), c.unsupported().get().name()));
      }
    }
    if (!notes.isEmpty()) {
      return inconclusive(notes, start);
    }
    LayerMatcher.Matched matched = LayerMatcher.match(a, b);
    notes.addAll(matched.notes());
    List<UnitLayer> layers = new ArrayList<>();
    for (UnitLayer l : matched.layers()) {
      if (l.units() < MIN_UNITS) {
        notes.add(
            new WeightsNote(WeightsNote.Code.TOO_FEW_UNITS, l.name(), String.valueOf(l.units())));
      } else {
        layers.add(l);
      }
    }
    if (layers.isEmpty()) {
      if (matched.layers().isEmpty()
          && notes.stream().noneMatch(n -> n.code() == WeightsNote.Code.SHAPE_MISMATCH)) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.NO_KNOWN_LAYERS,
                a.label() + " / " + b.label(),
                a.shapes().size() + " / " + b.shapes().size()));
      }
      return inconclusive(notes, start);
    }
    if (options.shortcut() && layers.stream().anyMatch(l -> l.units() >= SHORTCUT_MIN_UNITS)) {
      List<LayerEvidence> firstTier = new ArrayList<>();
      for (UnitLayer l : layers) {
        firstTier.add(sameUnitCosine(a, b, l));
      }
      // a layer with non-finite weights has no first-tier statistic: the full test names it
      boolean complete = firstTier.stream().allMatch(java.util.Objects::nonNull);
      double logP =
          complete
              ? RankStatistics.logFisher(
                  firstTier.stream().mapToDouble(e -> Math.log(e.pValue())).toArray())
              : 0;
      if (complete && RankStatistics.toP(logP) < options.alpha()) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.SHORTCUT_CONFIRMED, "", String.valueOf(RankStatistics.toP(logP))));
        return new WeightsResult(
            Verdict.SHARED_INIT,
            RankStatistics.toP(logP),
            options.alpha(),
            firstTier,
            Method.SAME_UNIT_COSINE,
            notes,
            seconds(start));
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "heredity-weights");
              t.setDaemon(true);
              return t;
            });
    try {
      options
          .kernels()
          .warmUp(); // Vector API code is slow until C2 compiles it; warm it on tiny inputs
      sketchedWidths(a, layers)
          .forEach(
              f ->
                  notes.add(
                      new WeightsNote(
                          WeightsNote.Code.SKETCHED, "", f + " -> " + options.sketch())));
      List<LayerEvidence> evidence = new ArrayList<>();
      for (UnitLayer layer : layers) {
        if (layer.views().size() == 1) {
          notes.add(
              new WeightsNote(
                  WeightsNote.Code.SINGLE_VIEW, layer.name(), layer.views().get(0).tensor()));
        }
        LayerEvidence layerEvidence = matchedRankTest(a, b, layer, pool, notes);
        if (layerEvidence != null) {
          evidence.add(layerEvidence);
        }
      }
      if (evidence.isEmpty()) {
        return inconclusive(notes, start);
      }
      double logP =
          RankStatistics.logFisher(
              evidence.stream().mapToDouble(e -> Math.log(e.pValue())).toArray());
      double p = RankStatistics.toP(logP);
      Verdict verdict = p < options.alpha() ? Verdict.SHARED_INIT : Verdict.INDEPENDENT;
      return new WeightsResult(
          verdict, p, options.alpha(), evidence, Method.MATCHED_RANK_TEST, notes, seconds(start));
    } finally {
      pool.shutdownNow();
    }
  }

  private LayerEvidence sameUnitCosine(TensorSource a, TensorSource b, UnitLayer layer) {
    long t0 = System.nanoTime();
    UnitView view = layer.views().get(0);
    SameUnitCosines read = SameUnitCosines.read(a, b, view);
    if (read.nonFiniteUnits() > 0) {
      return null;
    }
    double[] same = read.cosines();
    double[] sumA = read.sumA();
    double[] sumB = read.sumB();
    double dot = 0;
    for (int p = 0; p < sumA.length; p++) {
      dot += sumA[p] * sumB[p];
    }
    int n = layer.units();
    double meanPairCosine = dot / ((double) n * n);
    double observed = 0;
    double sumSame = 0;
    for (double c : same) {
      observed += (1 + clamp(c)) / 2;
      sumSame += clamp(c);
    }
    double expected = n * (1 + clamp(meanPairCosine)) / 2;
    double logP = RankStatistics.logPermutationBound(observed, expected);
    double io = (System.nanoTime() - t0) / 1e9;
    return new LayerEvidence(
        layer.name(),
        sumSame / n,
        RankStatistics.toP(logP),
        n,
        sumSame / n,
        List.of(view.tensor()),
        new LayerEvidence.LayerTiming(io, 0, 0));
  }

  /** The layer's evidence, or null (with a note) when its weights are not all finite. */
  private LayerEvidence matchedRankTest(
      TensorSource a,
      TensorSource b,
      UnitLayer layer,
      ExecutorService pool,
      List<WeightsNote> notes) {
    double io = 0;
    double gemm = 0;
    double assignment = 0;
    List<int[]> matchings = new ArrayList<>();
    List<String> tensors = new ArrayList<>();
    double matchedCosine = 0;
    for (UnitView view : layer.views()) {
      long t0 = System.nanoTime();
      int features = features(a, view);
      UnitVectors va;
      UnitVectors vb;
      if (options.sketches(features)) {
        FeatureSketch sketch = FeatureSketch.of(features, options.sketch());
        va = sketch.read(a, view, pool, options.threads());
        vb = sketch.read(b, view, pool, options.threads());
      } else {
        va = UnitVectors.read(a, view);
        vb = UnitVectors.read(b, view);
      }
      if (va.nonFiniteUnits() + vb.nonFiniteUnits() > 0) {
        notes.add(
            new WeightsNote(
                WeightsNote.Code.NON_FINITE,
                layer.name(),
                va.nonFiniteUnits() + "/" + vb.nonFiniteUnits()));
        return null;
      }
      long t1 = System.nanoTime();
      ScoreRows cosines = cosines(va, vb, pool);
      va = null;
      vb = null;
      long t2 = System.nanoTime();
      SparseAssignment.Solution solution =
          SparseAssignment.maximise(cosines, SparseAssignment.CANDIDATES, pool, options.threads());
      cosines = null; // one matrix at a time: the next view's may need the room
      int[] matching = solution.rowToColumn();
      if (matchings.isEmpty()) {
        matchedCosine = solution.matchedScore() / matching.length;
      }
      matchings.add(matching);
      long t3 = System.nanoTime();
      io += (t1 - t0) / 1e9;
      gemm += (t2 - t1) / 1e9;
      assignment += (t3 - t2) / 1e9;
      tensors.add(view.tensor());
    }
    int n = layer.units();
    int[] other = matchings.size() > 1 ? matchings.get(1) : identity(n);
    double rho = RankStatistics.spearman(matchings.get(0), other);
    double logP = RankStatistics.logPSpearman(rho, n);
    return new LayerEvidence(
        layer.name(),
        rho,
        RankStatistics.toP(logP),
        n,
        matchedCosine,
        tensors,
        new LayerEvidence.LayerTiming(io, gemm, assignment));
  }

  /**
   * The dense cosine matrix when it fits the budget, else the streamed cosines (whose GEMM then
   * runs inside the assignment and is timed with it).
   */
  private ScoreRows cosines(UnitVectors va, UnitVectors vb, ExecutorService pool) {
    if (budget.fits(va.units)) {
      return new DenseScores(
          CosineMatrix.compute(va, vb, options.kernels(), pool, options.threads()), va.units);
    }
    streamedViews++;
    return new StreamedCosines(va, vb, options.kernels());
  }

  /** Feature counts of the views that will be sketched, in first-seen order. */
  private List<Integer> sketchedWidths(TensorSource a, List<UnitLayer> layers) {
    List<Integer> widths = new ArrayList<>();
    for (UnitLayer layer : layers) {
      for (UnitView view : layer.views()) {
        int f = features(a, view);
        if (options.sketches(f) && !widths.contains(f)) {
          widths.add(f);
        }
      }
    }
    return widths;
  }

  private static int features(TensorSource source, UnitView view) {
    long[] shape = source.shapes().get(view.tensor());
    return (int) (view.unitsAreRows() ? shape[1] : shape[0]);
  }

  private WeightsResult inconclusive(List<WeightsNote> notes, long start) {
    return new WeightsResult(
        Verdict.INCONCLUSIVE, 1.0, options.alpha(), List.of(), Method.NONE, notes, seconds(start));
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  private static double clamp(double cosine) {
    return Math.max(-1, Math.min(1, cosine));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
