package dev.heredity.detectors.classifier;

import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.Corpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The classifier two-sample test: hashed features ({@link HashedFeatures}), L2 logistic regression
 * ({@link LogisticSolver}), 5-fold cross-fitting so every record is scored once out of fold ({@link
 * CrossFit}), and the pooled out-of-fold AUC as the statistic.
 *
 * <p>Its p-value comes from permuting the labels of whole records and repeating the entire
 * cross-fit for each permutation. Under the null the labels are exchangeable, so the count of
 * permutation AUCs at or above the observed one gives an exact p-value; no distributional
 * assumption is needed (the pooled AUC's z-score has sd about 1.4 on real null splits, so a
 * Mann-Whitney p-value would be anti-conservative). The number of refits is sized to the level the
 * verdict asks of this test: {@code ceil(2 / level) - 1}, so a signal survives one permutation AUC
 * above it. Refits stop early by the sequential rule of Besag and Clifford (1991): after {@value
 * #STOP_EXCEEDANCES} exceedances at permutation L the p-value is {@code h / L}, which is exactly
 * valid and makes null data cheap; otherwise it is {@code (c + 1) / (B + 1)}. At least {@value
 * #MIN_REFITS} refits always run, for the null spread used by the intervals and the minimum
 * detectable effect.
 */
public final class ClassifierTest {
  public static final int MIN_REFITS = 100;
  static final int STOP_EXCEEDANCES = 10;

  /**
   * Larger sets are subsampled (seeded, per side): beyond this the p-value is at its floor anyway.
   */
  public static final int MAX_PER_SIDE = 2000;

  /** Fewer records per side than this and the folds cannot be stratified. */
  public static final int MIN_PER_SIDE = 2 * CrossFit.FOLDS;

  private static final int TOP_FEATURES = 5;
  private static final double Z95 = 1.959963984540054;

  private ClassifierTest() {}

  /** Refits needed so that a p-value below {@code level} leaves room for one exceedance. */
  public static int refitsFor(double level) {
    return Math.max(MIN_REFITS, (int) Math.ceil(2 / level) - 1);
  }

  /** The outcome, or {@code null} when a set has fewer than {@link #MIN_PER_SIDE} records. */
  public static ClassifierOutcome run(
      Corpus corpus,
      double level,
      long seed,
      ExecutorService pool,
      int threads,
      ProgressListener progress) {
    if (corpus.suspectCount() < MIN_PER_SIDE || corpus.referenceCount() < MIN_PER_SIDE) {
      return null;
    }
    int[] records = sample(corpus, seed);
    HashedFeatures rows = HashedFeatures.of(corpus, records);
    boolean[] labels = new boolean[records.length];
    int suspect = 0;
    for (int i = 0; i < records.length; i++) {
      labels[i] = corpus.isSuspect(records[i]);
      suspect += labels[i] ? 1 : 0;
    }
    int reference = records.length - suspect;
    long foldSeed = seed * 0x9E3779B97F4A7C15L + 0x10617L;
    LogisticSolver main = new LogisticSolver(rows);
    double[] scores = CrossFit.scores(rows, labels, foldSeed, main);
    double observed = Auc.of(scores, labels);

    int maxRefits = refitsFor(level);
    double[] permuted = new double[maxRefits];
    ThreadLocal<LogisticSolver> solvers = ThreadLocal.withInitial(() -> new LogisticSolver(rows));
    double tolerance = 1e-12;
    int done = 0;
    int exceed = 0;
    int stoppedAt = -1;
    int batch = Math.max(8, 4 * threads);
    while (done < maxRefits && (stoppedAt < 0 || done < MIN_REFITS)) {
      int from = done;
      int to = Math.min(maxRefits, done + batch);
      List<Future<Double>> futures = new ArrayList<>();
      for (int j = from; j < to; j++) {
        long permutationSeed = seed * 1_000_003L + j * 0x632BE59BD9B4E019L;
        futures.add(
            pool.submit(
                () -> {
                  boolean[] shuffled = shuffle(labels, permutationSeed);
                  return statistic(rows, shuffled, foldSeed, solvers.get());
                }));
      }
      for (int j = from; j < to; j++) {
        permuted[j] = await(futures.get(j - from));
        if (stoppedAt < 0 && permuted[j] >= observed - tolerance && ++exceed == STOP_EXCEEDANCES) {
          stoppedAt = j + 1;
        }
      }
      done = to;
      progress.update("classifier refits", done, maxRefits);
    }
    double p =
        stoppedAt > 0 ? (double) STOP_EXCEEDANCES / stoppedAt : (exceed + 1.0) / (maxRefits + 1.0);
    double nullSd = sd(permuted, done);
    // Cross-fitted scores are dependent; widen the independent-score interval by the measured
    // ratio.
    double inflation = Math.max(1, nullSd / Auc.hanleyMcNeil(0.5, suspect, reference));

    double[] suspectScores = scoresOf(scores, labels, true, seed ^ 0xBA6L);
    double[] referenceScores = scoresOf(scores, labels, false, seed ^ 0xBA7L);
    double[] bag8 = bagAuc(suspectScores, referenceScores, 8, inflation);
    double[] bag16 = bagAuc(suspectScores, referenceScores, 16, inflation);
    double se = inflation * Auc.hanleyMcNeil(observed, suspect, reference);

    int[] all = IntStream.range(0, records.length).toArray();
    main.fit(all, all.length, labels, foldSeed);
    return new ClassifierOutcome(
        observed,
        clamp(observed - Z95 * se),
        clamp(observed + Z95 * se),
        bag8[0],
        bag8[1],
        bag8[2],
        bag16[0],
        bag16[1],
        bag16[2],
        Math.min(1, p),
        done,
        maxRefits,
        nullSd,
        suspect,
        reference,
        topFeatures(rows, main, true),
        topFeatures(rows, main, false));
  }

  /**
   * Effect sizes of one cross-fit on up to {@code maxPerSide} records per side, without the
   * permutation test: benchmarks use it to measure how separable whole files are when every fold
   * trains on most of them (the test itself subsamples to {@link #MAX_PER_SIDE}).
   */
  public static CrossFitted crossFitted(Corpus corpus, long seed, int maxPerSide) {
    int[] records = sample(corpus, seed, maxPerSide);
    HashedFeatures rows = HashedFeatures.of(corpus, records);
    boolean[] labels = new boolean[records.length];
    int suspect = 0;
    for (int i = 0; i < records.length; i++) {
      labels[i] = corpus.isSuspect(records[i]);
      suspect += labels[i] ? 1 : 0;
    }
    long foldSeed = seed * 0x9E3779B97F4A7C15L + 0x10617L;
    double[] scores = CrossFit.scores(rows, labels, foldSeed, new LogisticSolver(rows));
    double[] suspectScores = scoresOf(scores, labels, true, seed ^ 0xBA6L);
    double[] referenceScores = scoresOf(scores, labels, false, seed ^ 0xBA7L);
    return new CrossFitted(
        Auc.of(scores, labels),
        bagAuc(suspectScores, referenceScores, 8, 1)[0],
        bagAuc(suspectScores, referenceScores, 16, 1)[0],
        suspect,
        records.length - suspect);
  }

  /**
   * Point estimates of one cross-fit: per-record out-of-fold AUC and bag-8 / bag-16 AUCs, with the
   * records used per side.
   */
  public record CrossFitted(double auc, double bag8, double bag16, int suspect, int reference) {}

  static double statistic(
      HashedFeatures rows, boolean[] labels, long foldSeed, LogisticSolver solver) {
    return Auc.of(CrossFit.scores(rows, labels, foldSeed, solver), labels);
  }

  /**
   * All records, or a seeded subsample of {@link #MAX_PER_SIDE} per side, ordered by a hash of
   * their content. Folds and fitting order index rows; ordering rows by content (not suspect-first)
   * makes the whole procedure a function of the records and their labels only, so under the null
   * the observed labelling is exchangeable with the permuted ones.
   */
  private static int[] sample(Corpus corpus, long seed) {
    return sample(corpus, seed, MAX_PER_SIDE);
  }

  private static int[] sample(Corpus corpus, long seed, int max) {
    int[] suspect = pick(0, corpus.suspectCount(), seed ^ 0x51L, max);
    int[] reference = pick(corpus.suspectCount(), corpus.size(), seed ^ 0x52L, max);
    ContentHashes content = ContentHashes.of(corpus);
    return IntStream.concat(Arrays.stream(suspect), Arrays.stream(reference))
        .boxed()
        .sorted(
            Comparator.comparingLong((Integer r) -> content.record(corpus, r))
                .thenComparing(r -> corpus.isSuspect(r))
                .thenComparingInt(r -> r))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static int[] pick(int from, int to, long seed, int max) {
    int[] all = IntStream.range(from, to).toArray();
    if (all.length <= max) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(all.length - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, max);
    Arrays.sort(chosen);
    return chosen;
  }

  private static boolean[] shuffle(boolean[] labels, long seed) {
    boolean[] out = labels.clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      boolean t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  private static double await(Future<Double> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private static double sd(double[] values, int count) {
    double mean = 0;
    for (int i = 0; i < count; i++) {
      mean += values[i];
    }
    mean /= count;
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += (values[i] - mean) * (values[i] - mean);
    }
    return count < 2 ? 0 : Math.sqrt(sum / (count - 1));
  }

  /**
   * The out-of-fold scores of one set, in a seeded random order (bags are consecutive runs of it).
   */
  private static double[] scoresOf(double[] scores, boolean[] labels, boolean side, long seed) {
    double[] out =
        IntStream.range(0, scores.length)
            .filter(i -> labels[i] == side)
            .mapToDouble(i -> scores[i])
            .toArray();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** {estimate, low, high}; 0.5 with an interval of [0, 1] when a side has fewer than two bags. */
  private static double[] bagAuc(double[] suspect, double[] reference, int size, double inflation) {
    double[] a = bagMeans(suspect, size);
    double[] b = bagMeans(reference, size);
    if (a.length < 2 || b.length < 2) {
      return new double[] {0.5, 0, 1};
    }
    double[] scores = new double[a.length + b.length];
    boolean[] labels = new boolean[scores.length];
    System.arraycopy(a, 0, scores, 0, a.length);
    System.arraycopy(b, 0, scores, a.length, b.length);
    Arrays.fill(labels, 0, a.length, true);
    double auc = Auc.of(scores, labels);
    double se = inflation * Auc.hanleyMcNeil(auc, a.length, b.length);
    return new double[] {auc, clamp(auc - Z95 * se), clamp(auc + Z95 * se)};
  }

  private static double[] bagMeans(double[] scores, int size) {
    double[] means = new double[scores.length / size];
    for (int b = 0; b < means.length; b++) {
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += scores[b * size + i];
      }
      means[b] = sum / size;
    }
    return means;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static List<String> topFeatures(
      HashedFeatures rows, LogisticSolver model, boolean positive) {
    Comparator<Integer> byWeight =
        Comparator.comparingDouble(f -> positive ? -model.weight(f) : model.weight(f));
    return IntStream.range(0, rows.features())
        .boxed()
        .filter(f -> positive ? model.weight(f) > 0 : model.weight(f) < 0)
        .sorted(byWeight.thenComparing(f -> f))
        .limit(TOP_FEATURES)
        .map(f -> String.format(Locale.ROOT, "%s (%+.3f)", rows.name(f), model.weight(f)))
        .toList();
  }
}
